package org.port853.capture;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Frame → parse → classify → {@link TrafficMeter} and leak candidates. One instance per capture, driven by a
 * single thread; the meter and the statistics getters may be read from any thread.
 *
 * <p>Counting rules (docs/capture.md): a frame counts once when its transport ports can be read. A port of 53
 * makes it plaintext DNS, whatever the other port (853 → 53 is plaintext): local when its server end (the port-53
 * end; both when both are 53) is local, else a {@link TrafficClass#LEAK}. Otherwise a port of 853 makes it
 * {@link TrafficClass#ENCRYPTED} when it carries TLS (TCP) or, over UDP, anything but a DNS message (QUIC, DTLS or
 * unknown: {@link Port853Content}, counted by {@link EncryptedProtocol}), else {@link TrafficClass#PLAINTEXT_853}. Bytes are the original frame length. Non-first fragments carry no ports and
 * are not counted (they help read a fragmented query's name, {@link IpFragments}). Each plaintext DNS query message
 * that is not local (QR=0, sent toward the server's port; UDP datagram or TCP length-prefixed message, reassembled
 * across segments) gives one {@link LeakCandidate}.
 */
public final class PacketPipeline {
    public static final int DNS = 53;
    public static final int DOT = 853;
    private static final int MAX_INTERFACES = 256;
    private static final String OTHER_INTERFACES = "(other)";
    private static final TrafficClass[] CLASSES = TrafficClass.values();
    private static final EncryptedProtocol[] PROTOCOLS = EncryptedProtocol.values();

    private final FrameParser parser = new FrameParser();
    private final ParsedFrame frame = new ParsedFrame();
    private final ParsedFrame sentFrame = new ParsedFrame();
    private static final int TCP_SYN = 0x02;
    private static final int TCP_ACK = 0x10;
    private final TcpDnsReassembler tcp = new TcpDnsReassembler();
    private final Port853Content dot = new Port853Content();
    private final IpFragments fragments = new IpFragments();
    private final CrossingCopies copies = new CrossingCopies();
    private long notCountedCopies;
    private final IpFragments.Sink fragSink = new IpFragments.Sink() {
        @Override
        public void datagram(MessageOrigin first, byte[] b, int off, int len) {
            offer(first, ParsedFrame.UDP, b, off, len);
        }

        @Override
        public void tunnel(TunnelOrigin first, long wireBytes, byte[] b, int off, int len) {
            reassembledTunnels.add(new ReassembledTunnel(first, wireBytes, b, off, len));
        }
    };
    /** Tunnel packets reassembled while a frame was processed, read after it (never from inside the reassembly). */
    private final java.util.ArrayDeque<ReassembledTunnel> reassembledTunnels = new java.util.ArrayDeque<>();
    private final ParsedFrame tunnelFrame = new ParsedFrame();
    /** The frame being classified: {@link #frame}, or {@link #tunnelFrame} for a reassembled tunnel packet. */
    private ParsedFrame current = frame;

    private record ReassembledTunnel(TunnelOrigin origin, long wireBytes, byte[] b, int off, int len) {
    }
    private final TrafficMeter meter;
    private final LeakStage leakStage;
    private final IntFunction<String> ifIndexNames;
    private final InterfaceNames ifIndexCache = new InterfaceNames();
    private volatile LocalAddresses local;

    private final Map<String, long[]> perInterface = new LinkedHashMap<>();
    private String lastIface;
    private long[] lastIfaceStats;
    private final long[] errors = new long[FrameError.values().length];
    private long frames;
    private long counted;
    private long notCountedNonFirstFragment;
    private long notCountedOther;
    private long encryptedWithPayload;
    private final long[] encryptedByProtocol = new long[PROTOCOLS.length];

    // context of the frame being processed, for the TCP message callback
    private long curNanos;
    private String curIface;
    private boolean curToServer;
    private boolean curClientLocal;
    private boolean curStub;
    private final boolean stubs;
    private final TcpDnsReassembler.MessageSink tcpSink = new TcpDnsReassembler.MessageSink() {
        @Override
        public void message(byte[] b, int off, int len) {
            dnsMessage(b, off, len);
        }

        @Override
        public Object flowContext() {
            return origin();
        }

        @Override
        public void message(Object context, byte[] b, int off, int len) {
            offer((MessageOrigin) context, ParsedFrame.TCP, b, off, len);
        }
    };

    public PacketPipeline(TrafficMeter meter, LocalAddresses local, LeakSink leaks,
                          IntFunction<String> ifIndexNames) {
        this.meter = meter;
        this.local = local;
        this.leakStage = LeakStage.inline(leaks, meter, this::countBadMessage);
        this.stubs = leaks.wantsStubQueries();
        this.ifIndexNames = ifIndexNames != null ? ifIndexNames : i -> "if" + i;
    }

    /**
     * A pipeline whose leak stage is made by {@code stage} from (leak consumer, meter, bad-message counter), e.g.
     * {@link LeakStage#async}.
     */
    PacketPipeline(TrafficMeter meter, LocalAddresses local, LeakSink leaks,
                   IntFunction<String> ifIndexNames, StageFactory stage) {
        this.meter = meter;
        this.local = local;
        this.leakStage = stage.make(leaks, meter, this::countBadMessage);
        this.stubs = leaks.wantsStubQueries();
        this.ifIndexNames = ifIndexNames != null ? ifIndexNames : i -> "if" + i;
    }

    interface StageFactory {
        LeakStage make(LeakSink out, TrafficMeter meter, java.util.function.IntConsumer bad);
    }

    private void countBadMessage(int n) {
        synchronized (errors) {
            errors[FrameError.BAD_DNS_MESSAGE.ordinal()] += n;
        }
    }

    /** Emits leaked queries still waiting for their response (end of a file or capture). */
    public void flushLeaks() {
        tcp.flush(tcpSink);
        fragments.flush(fragSink);
        if (!reassembledTunnels.isEmpty()) {
            readReassembledTunnels(); // given up at the end: what their inner packets hold may be held in turn
            tcp.flush(tcpSink);
            fragments.flush(fragSink);
        }
        leakStage.flush();
    }

    /** Leak messages dropped because the leak worker could not keep up (live capture only). */
    public long leakQueueOverflows() {
        return leakStage.overflows();
    }

    /**
     * Leaked queries counted but not listed since start or {@link #clear()}: they came while the leak worker's queue
     * was full, so no leak entry names them (among {@link #leakQueueOverflows()} and {@link #leakQueries()}).
     */
    public long unlistedLeakQueries() {
        return leakStage.unlistedQueries();
    }

    /** An {@link Error} that stopped the leak worker, or {@code null}. */
    public Throwable leakStageFailure() {
        return leakStage.failure();
    }

    public void setLocalAddresses(LocalAddresses l) {
        local = l;
    }

    public TrafficMeter meter() {
        return meter;
    }

    /**
     * Processes one frame.
     *
     * @param epochNanos capture time
     * @param iface      interface name from the capture source (overridden by an SLL2 interface index)
     * @param origLen    original length on the wire (counted bytes)
     */
    public void accept(long epochNanos, int linkType, String iface, byte[] b, int off, int capLen, int origLen) {
        accept(epochNanos, linkType, iface, -1, -1, b, off, capLen, origLen);
    }

    /**
     * Processes one frame of a capture file that names its interface and direction (pcapng).
     *
     * @param captureIf  the file's interface id ({@link PcapFileReader#frameInterface()}), -1 when unknown: copies
     *                   of one packet on several interfaces of a multi-interface file are counted once
     * @param direction  {@link ParsedFrame#OUTGOING}, {@link ParsedFrame#TO_US} or -1 (pcapng flags); an SLL2
     *                   packet type in the frame wins
     */
    public void accept(long epochNanos, int linkType, String iface, int captureIf, int direction, byte[] b, int off,
                       int capLen, int origLen) {
        frames++;
        ParsedFrame f = frame;
        parser.parse(linkType, b, off, capLen, f);
        if (f.packetType < 0) {
            f.packetType = direction;
        }
        classify(f, epochNanos, iface, captureIf, origLen);
        if (!reassembledTunnels.isEmpty()) {
            readReassembledTunnels();
        }
    }

    /** Counts and reads a parsed frame, or a tunnel packet reassembled from fragments. */
    private void classify(ParsedFrame f, long epochNanos, String iface, int captureIf, int origLen) {
        byte[] b = f.buf;
        switch (f.outcome) {
            case PORTS -> {
                // handled below
            }
            case MALFORMED -> {
                synchronized (errors) {
                    errors[f.error.ordinal()]++;
                }
                return;
            }
            case NON_FIRST_FRAGMENT -> {
                notCountedNonFirstFragment++;
                fragments.later(f, epochNanos, origLen, fragSink);
                return;
            }
            case TUNNEL_FRAGMENT -> {
                if (!fragments.firstOfTunnel(f, tunnelOrigin(f, epochNanos, iface, captureIf), epochNanos, origLen,
                        fragSink)) {
                    notCountedCopies++; // its packet counts once, with the first copy's bytes
                }
                return;
            }
            default -> {
                notCountedOther++;
                return;
            }
        }
        current = f;
        int sp = f.srcPort;
        int dp = f.dstPort;
        TrafficClass c;
        EncryptedProtocol encryption = null;
        LocalAddresses l = local;
        int al = f.addressLength();
        int scope = f.linkScope();
        boolean toServer;
        if (sp == DNS || dp == DNS) {
            toServer = dp == DNS;
            // the server end decides: a query to this computer's own resolver (a VM's to libvirt's dnsmasq, a LAN
            // host's to a DNS server here) is no leak of this computer, whoever asks; 53 to 53 needs both ends
            boolean serverLocal = sp == dp ? l.isLocal(b, f.srcOff, al, scope) && l.isLocal(b, f.dstOff, al, scope)
                    : l.isLocal(b, toServer ? f.dstOff : f.srcOff, al, scope);
            c = serverLocal ? TrafficClass.LOCAL_PLAINTEXT : TrafficClass.LEAK;
        } else if (sp == DOT || dp == DOT) {
            toServer = dp == DOT;
            encryption = dot.protocol(f);
            c = encryption != null ? TrafficClass.ENCRYPTED : TrafficClass.PLAINTEXT_853;
        } else {
            notCountedOther++;
            return;
        }
        long sec = Math.floorDiv(epochNanos, 1_000_000_000L);
        if (f.ifIndex >= 0 || captureIf >= 0) {
            long copyIf = f.ifIndex >= 0 ? f.ifIndex : CrossingCopies.ofCaptureInterface(captureIf);
            if (f.ifIndex >= 0) {
                iface = ifName(f.ifIndex);
            }
            int earlier = copies.copyOf(f, toServer, epochNanos, copyIf);
            if (earlier >= 0) {
                sameCrossing(earlier, iface, f.packetType);
                return;
            }
            int slot = copies.lastSlot();
            copies.iface[slot] = iface;
            copies.packetType[slot] = f.packetType;
            copies.trafficClass[slot] = c.ordinal();
            copies.second[slot] = sec;
            copies.bytes[slot] = origLen;
        }
        counted++;
        if (encryption != null) {
            encryptedByProtocol[encryption.ordinal()]++;
            if (f.payloadLen > 0) {
                encryptedWithPayload++;
            }
        }
        int ifSlot = countInterface(iface, c, origLen);
        meter.add(sec, c, origLen, ifSlot);
        if (toServer && isQuery(c, f, b)) {
            meter.addQuery(sec, c);
        }
        boolean stub = stubs && c == TrafficClass.LOCAL_PLAINTEXT && toServer && isLoopback(b, f.dstOff, al);
        if (c != TrafficClass.LEAK && c != TrafficClass.PLAINTEXT_853 && !stub) {
            return;
        }
        curStub = stub;
        curNanos = epochNanos;
        curIface = iface;
        curToServer = toServer;
        curClientLocal = l.isLocal(b, toServer ? f.srcOff : f.dstOff, al, scope);
        if (c == TrafficClass.PLAINTEXT_853 && curClientLocal && l.isLocal(b, toServer ? f.dstOff : f.srcOff, al,
                scope)) {
            return; // plaintext on 853 between two local ends does not leave the machine
        }
        if (f.protocol == ParsedFrame.UDP) {
            if (!stub && f.firstFragment && !DnsExtractor.questionReadable(b, f.payloadOff, f.payloadLen)) {
                if (fragments.first(f, origin(), epochNanos, fragSink)) {
                    return;
                }
            }
            if (f.payloadLen > 0 || !f.payloadTruncated) {
                dnsMessage(b, f.payloadOff, f.payloadLen);
            }
        } else {
            tcp.segment(f, epochNanos, tcpSink);
        }
    }

    /**
     * A query to port 53 as it left, from a sender handle ({@link LiveCaptureSession}), up to 100 ms before its frame
     * reaches {@link #accept}: when this machine sent it (over UDP, or the SYN that opens a TCP connection), the leak
     * worker looks its socket up now ({@link LeakSink#sent}). Never counted; only where stub queries are wanted
     * (live capture).
     */
    public void acceptSent(long epochNanos, int linkType, byte[] b, int off, int capLen) {
        if (!stubs) {
            return;
        }
        ParsedFrame f = sentFrame;
        parser.parse(linkType, b, off, capLen, f);
        int al = f.addressLength();
        if (isQueryLeaving(f) && local.isLocal(b, f.srcOff, al, f.linkScope()) && sentOffers.permit()) {
            leakStage.offerSent(epochNanos, b, f.srcOff, al, f.srcPort, f.protocol);
        }
    }

    /** Queries as they left offered to the leak worker in a second, at most: each costs it a socket lookup. */
    static final int MAX_SENT_PER_SECOND = 500;
    private final RateLimit sentOffers = new RateLimit(MAX_SENT_PER_SECOND);

    /**
     * Whether a sender handle's frame is a query this machine sends: to port 53, over UDP or as the SYN that opens a
     * TCP connection (a connection's later segments, answers and a server's incoming queries are not), leaving (SLL2
     * packet type OUTGOING; where the link type does not say, any) or to a loopback address (a stub query on lo).
     */
    static boolean isQueryLeaving(ParsedFrame f) {
        if (f.outcome != ParsedFrame.Outcome.PORTS || f.dstPort != DNS
                || f.protocol == ParsedFrame.TCP && (f.tcpFlags & (TCP_SYN | TCP_ACK)) != TCP_SYN) {
            return false;
        }
        return f.packetType == ParsedFrame.OUTGOING || f.packetType < 0
                || isLoopback(f.buf, f.dstOff, f.addressLength());
    }

    /**
     * Another copy of a packet already counted (it crossed a veth pair, bridge, bond or NAT): not counted again. When
     * this copy is the one leaving the machine (SLL2 packet type OUTGOING) and the counted one was not, the count
     * moves to this interface: a leak counts once, where it leaves.
     */
    private void sameCrossing(int earlier, String iface, int packetType) {
        notCountedCopies++;
        if (packetType != ParsedFrame.OUTGOING || copies.packetType[earlier] == ParsedFrame.OUTGOING
                || copies.iface[earlier] == null) {
            return;
        }
        TrafficClass c = CLASSES[copies.trafficClass[earlier]];
        int from = uncountInterface(copies.iface[earlier], c, copies.bytes[earlier]);
        int to = countInterface(iface, c, copies.bytes[earlier]);
        meter.moveInterface(copies.second[earlier], c, copies.bytes[earlier], from, to);
        copies.iface[earlier] = iface;
        copies.packetType[earlier] = packetType;
    }

    /**
     * Copies of counted packets seen again on another interface ({@code any} capture), and repeated first fragments of
     * a tunnel packet being reassembled: not counted.
     */
    public long crossingCopies() {
        return notCountedCopies;
    }

    /**
     * The frame being processed, kept for a message read later: a fragmented datagram's first fragment, or a TCP
     * segment held for later (both rare).
     */
    private MessageOrigin origin() {
        ParsedFrame f = current;
        MessageOrigin c = new MessageOrigin();
        c.nanos = curNanos;
        c.iface = curIface;
        System.arraycopy(f.buf, f.srcOff, c.addr, 0, f.addressLength());
        System.arraycopy(f.buf, f.dstOff, c.addr, 16, f.addressLength());
        c.alen = f.addressLength();
        c.srcPort = f.srcPort;
        c.dstPort = f.dstPort;
        c.toServer = curToServer;
        c.clientLocal = curClientLocal;
        c.stub = curStub;
        return c;
    }

    private void dnsMessage(byte[] b, int off, int len) {
        ParsedFrame f = current;
        leakStage.offer(curNanos, curIface, f.buf, f.srcOff, f.dstOff, f.addressLength(), f.srcPort, f.dstPort,
                f.protocol, curToServer, curClientLocal, curStub, b, off, len);
    }

    /**
     * Whether a packet to the server is a query, the unit the window counts: on 853, a TLS application-data record
     * at the start of the segment (a handshake, a bare ACK or a reset is none), a QUIC short-header packet or a DTLS
     * application-data record (RFC 6347's, or DTLS 1.3's unified header); on 53
     * a DNS header with the QR bit clear (over TCP after its two-byte length; a header cut off by the capture is
     * not counted). Leaks are counted as leak records.
     */
    static boolean isQuery(TrafficClass c, ParsedFrame f, byte[] b) {
        int off = f.payloadOff;
        int len = f.payloadLen;
        boolean udp = f.protocol == ParsedFrame.UDP;
        return switch (c) {
            case ENCRYPTED -> udp ? len > 0 && ((b[off] & 0xc0) == 0x40 || b[off] == TLS_APPLICATION_DATA
                    || (b[off] & 0xe0) == 0x20)
                    : Port853Content.isTlsRecord(b, off, len) && b[off] == TLS_APPLICATION_DATA;
            case LOCAL_PLAINTEXT -> udp ? DnsExtractor.isQuery(b, off, len)
                    : len >= 2 && DnsExtractor.isQuery(b, off + 2, len - 2); // after TCP's two-byte length
            default -> false;
        };
    }

    private static final byte TLS_APPLICATION_DATA = 23;

    /** 127.0.0.0/8 or ::1: a resolver on this machine's loopback (a stub). */
    private static boolean isLoopback(byte[] b, int off, int alen) {
        if (alen == 4) {
            return b[off] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (b[off + i] != 0) {
                return false;
            }
        }
        return b[off + 15] == 1;
    }

    private static TunnelOrigin tunnelOrigin(ParsedFrame f, long epochNanos, String iface, int captureIf) {
        TunnelOrigin o = new TunnelOrigin();
        o.nanos = epochNanos;
        o.iface = iface;
        o.captureIf = captureIf;
        o.ifIndex = f.ifIndex;
        o.loopback = f.loopback;
        o.packetType = f.packetType;
        o.protocol = f.protocol;
        return o;
    }

    /** Tunnel packets fragmented on the outside, reassembled (or as far as they got): their inner packets counted. */
    private void readReassembledTunnels() {
        for (ReassembledTunnel r; (r = reassembledTunnels.poll()) != null; ) {
            ParsedFrame f = tunnelFrame;
            TunnelOrigin o = r.origin();
            f.ifIndex = o.ifIndex;
            f.loopback = o.loopback;
            f.packetType = o.packetType;
            parser.parseTunnel(o.protocol, r.b(), r.off(), r.len(), f);
            classify(f, o.nanos, o.iface, o.captureIf, (int) Math.min(Integer.MAX_VALUE, r.wireBytes()));
        }
    }

    private void offer(MessageOrigin c, int protocol, byte[] b, int off, int len) {
        leakStage.offer(c.nanos, c.iface, c.addr, 0, 16, c.alen, c.srcPort, c.dstPort, protocol, c.toServer,
                c.clientLocal, c.stub, b, off, len);
    }

    private String ifName(int index) {
        String n = ifIndexCache.get(index);
        if (n == null) {
            n = ifIndexNames.apply(index);
            ifIndexCache.put(index, n);
        }
        return n;
    }

    /** Forgets cached interface-index names (interfaces come and go). */
    public void forgetInterfaceNames() {
        ifIndexCache.clear();
    }

    /** Counts the frame in the interface's totals; returns the interface's meter slot. */
    private int countInterface(String iface, TrafficClass c, long len) {
        synchronized (perInterface) {
            long[] s;
            if (iface == lastIface && lastIfaceStats != null) {
                s = lastIfaceStats;
            } else {
                s = perInterface.get(iface);
                if (s == null) {
                    if (perInterface.size() < MAX_INTERFACES) {
                        s = new long[CLASSES.length * 2 + 1];
                        s[CLASSES.length * 2] = meter.interfaceSlot(iface);
                        perInterface.put(iface, s);
                    } else {
                        s = perInterface.computeIfAbsent(OTHER_INTERFACES,
                                k -> new long[CLASSES.length * 2 + 1]);
                        s[CLASSES.length * 2] = meter.interfaceSlot(TrafficMeter.OTHER_INTERFACES);
                    }
                }
                lastIface = iface;
                lastIfaceStats = s;
            }
            s[c.ordinal() * 2]++;
            s[c.ordinal() * 2 + 1] += len;
            return (int) s[CLASSES.length * 2];
        }
    }

    private int uncountInterface(String iface, TrafficClass c, long len) {
        synchronized (perInterface) {
            long[] s = perInterface.get(iface);
            if (s == null) {
                s = perInterface.get(OTHER_INTERFACES);
            }
            if (s == null) {
                return -1;
            }
            s[c.ordinal() * 2]--;
            s[c.ordinal() * 2 + 1] -= len;
            return (int) s[CLASSES.length * 2];
        }
    }

    /** Per-interface totals, in order of first appearance. */
    public Map<String, Map<TrafficClass, ClassTotals>> interfaceTotals() {
        Map<String, Map<TrafficClass, ClassTotals>> out = new LinkedHashMap<>();
        synchronized (perInterface) {
            perInterface.forEach((name, s) -> {
                Map<TrafficClass, ClassTotals> m = new EnumMap<>(TrafficClass.class);
                for (TrafficClass c : CLASSES) {
                    m.put(c, new ClassTotals(s[c.ordinal() * 2], s[c.ordinal() * 2 + 1]));
                }
                out.put(name, m);
            });
        }
        return out;
    }

    /** Parse errors by kind (malformed frames and unreadable leaked DNS queries). */
    public Map<FrameError, Long> parseErrors() {
        Map<FrameError, Long> m = new EnumMap<>(FrameError.class);
        synchronized (errors) {
            for (FrameError e : FrameError.values()) {
                if (errors[e.ordinal()] != 0) {
                    m.put(e, errors[e.ordinal()]);
                }
            }
        }
        return m;
    }

    public long parseErrorCount() {
        synchronized (errors) {
            long n = 0;
            for (long e : errors) {
                n += e;
            }
            return n;
        }
    }

    public long frames() {
        return frames;
    }

    public long countedFrames() {
        return counted;
    }

    public long nonFirstFragments() {
        return notCountedNonFirstFragment;
    }

    /**
     * Counted {@link TrafficClass#ENCRYPTED} packets that carried payload (TLS records, QUIC): unlike the meter's
     * encrypted packets, a SYN, a pure ACK or a reset on 853 is not among them, since it proves no encrypted DNS.
     */
    public long encryptedWithPayload() {
        return encryptedWithPayload;
    }

    /** Counted encrypted packets on 853 by what they carry (TLS over TCP, QUIC, DTLS or unknown over UDP). */
    public Map<EncryptedProtocol, Long> encryptedProtocols() {
        Map<EncryptedProtocol, Long> m = new EnumMap<>(EncryptedProtocol.class);
        for (EncryptedProtocol e : PROTOCOLS) {
            m.put(e, encryptedByProtocol[e.ordinal()]);
        }
        return m;
    }

    /** Frames with ports other than 53/853, non-IP frames and other transports. */
    public long otherFrames() {
        return notCountedOther;
    }

    public long leakQueries() {
        return leakStage.leakQueries();
    }

    /** Bytes held by the TCP reassembler and the IP fragment reassembly (bounded; for tests and fuzzing). */
    long reassemblyBytesHeld() {
        return tcp.bufferedBytes() + fragments.heldBytes();
    }

    int tcpFlows() {
        return tcp.flowCount();
    }

    int pendingLeakResponses() {
        return leakStage.pendingCount();
    }

    /** TCP flows the DNS reassembler dropped to stay within its memory budget. */
    public long reassemblyDroppedFlows() {
        return tcp.droppedFlows();
    }

    /**
     * Fragmented DNS datagrams given up before they completed (table or byte budget full, timed out, capture ended):
     * each was still read as far as it got ({@link IpFragments}).
     */
    public long reassemblyIncompleteDatagrams() {
        return fragments.incomplete();
    }

    /** Resets statistics and TCP state (the meter is cleared by its owner). */
    public void clear() {
        synchronized (perInterface) {
            perInterface.clear();
            lastIface = null;
            lastIfaceStats = null;
        }
        synchronized (errors) {
            java.util.Arrays.fill(errors, 0);
        }
        tcp.clear();
        dot.clear();
        fragments.clear();
        reassembledTunnels.clear();
        copies.clear();
        notCountedCopies = 0;
        frames = counted = notCountedNonFirstFragment = notCountedOther = encryptedWithPayload = 0;
        java.util.Arrays.fill(encryptedByProtocol, 0);
        leakStage.clearPending();
    }
}
