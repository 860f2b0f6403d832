package org.port853.capture;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Frame → parse → classify → {@link TrafficMeter} and leak candidates. One instance per capture, driven by a
 * single thread; the meter and the statistics getters may be read from any thread.
 *
 * <p>Counting rules: a frame counts once when its transport ports can be read; a port of 853 (UDP or TCP)
 * makes it {@link TrafficClass#ENCRYPTED}, otherwise a port of 53 makes it plaintext: local when both
 * addresses are local, else a {@link TrafficClass#LEAK}. Bytes are the original frame length. Non-first
 * fragments carry no ports and are not counted. Each leaked DNS query message (QR=0; UDP datagram or TCP
 * length-prefixed message, reassembled across segments) gives one {@link LeakCandidate}.
 */
public final class PacketPipeline {
    public static final int DNS = 53;
    public static final int DOT = 853;
    private static final int MAX_INTERFACES = 256;
    private static final String OTHER_INTERFACES = "(other)";
    private static final TrafficClass[] CLASSES = TrafficClass.values();

    private final FrameParser parser = new FrameParser();
    private final ParsedFrame frame = new ParsedFrame();
    private final TcpDnsReassembler tcp = new TcpDnsReassembler();
    private final TrafficMeter meter;
    private final LeakStage leakStage;
    private final IntFunction<String> ifIndexNames;
    private final String[] ifIndexCache = new String[1024];
    private volatile LocalAddresses local;

    private final Map<String, long[]> perInterface = new LinkedHashMap<>();
    private String lastIface;
    private long[] lastIfaceStats;
    private final long[] errors = new long[FrameError.values().length];
    private long frames;
    private long counted;
    private long notCountedNonFirstFragment;
    private long notCountedOther;

    // context of the frame being processed, for the TCP message callback
    private long curNanos;
    private String curIface;
    private boolean curSrcLocal;
    private final TcpDnsReassembler.MessageSink tcpSink = this::dnsMessage;

    public PacketPipeline(TrafficMeter meter, LocalAddresses local, Consumer<LeakCandidate> leaks,
                          IntFunction<String> ifIndexNames) {
        this.meter = meter;
        this.local = local;
        this.leakStage = LeakStage.inline(leaks, meter, this::countBadMessage);
        this.ifIndexNames = ifIndexNames != null ? ifIndexNames : i -> "if" + i;
    }

    /**
     * A pipeline whose leak stage is made by {@code stage} from (leak consumer, meter, bad-message counter), e.g.
     * {@link LeakStage#async}.
     */
    PacketPipeline(TrafficMeter meter, LocalAddresses local, Consumer<LeakCandidate> leaks,
                   IntFunction<String> ifIndexNames, StageFactory stage) {
        this.meter = meter;
        this.local = local;
        this.leakStage = stage.make(leaks, meter, this::countBadMessage);
        this.ifIndexNames = ifIndexNames != null ? ifIndexNames : i -> "if" + i;
    }

    interface StageFactory {
        LeakStage make(Consumer<LeakCandidate> out, TrafficMeter meter, java.util.function.IntConsumer bad);
    }

    private void countBadMessage(int n) {
        synchronized (errors) {
            errors[FrameError.BAD_DNS_MESSAGE.ordinal()] += n;
        }
    }

    /** Emits leaked queries still waiting for their response (end of a file or capture). */
    public void flushLeaks() {
        leakStage.flush();
    }

    /** Leak messages dropped because the leak worker could not keep up (live capture only). */
    public long leakQueueOverflows() {
        return leakStage.overflows();
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
        frames++;
        ParsedFrame f = frame;
        parser.parse(linkType, b, off, capLen, f);
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
                return;
            }
            default -> {
                notCountedOther++;
                return;
            }
        }
        int sp = f.srcPort;
        int dp = f.dstPort;
        TrafficClass c;
        boolean srcLocal = false;
        if (sp == DOT || dp == DOT) {
            c = TrafficClass.ENCRYPTED;
        } else if (sp == DNS || dp == DNS) {
            LocalAddresses l = local;
            int al = f.addressLength();
            srcLocal = l.isLocal(b, f.srcOff, al);
            c = srcLocal && l.isLocal(b, f.dstOff, al) ? TrafficClass.LOCAL_PLAINTEXT : TrafficClass.LEAK;
        } else {
            notCountedOther++;
            return;
        }
        counted++;
        long sec = Math.floorDiv(epochNanos, 1_000_000_000L);
        if (f.ifIndex >= 0) {
            iface = ifName(f.ifIndex);
        }
        int ifSlot = countInterface(iface, c, origLen);
        meter.add(sec, c, origLen, ifSlot);
        if (c != TrafficClass.LEAK) {
            return;
        }
        curNanos = epochNanos;
        curIface = iface;
        curSrcLocal = srcLocal;
        if (f.protocol == ParsedFrame.UDP) {
            if (f.payloadLen > 0 || !f.payloadTruncated) {
                dnsMessage(b, f.payloadOff, f.payloadLen);
            }
        } else {
            tcp.segment(f, tcpSink);
        }
    }

    private void dnsMessage(byte[] b, int off, int len) {
        ParsedFrame f = frame;
        int al = f.addressLength();
        boolean clientLocal = f.dstPort == DNS ? curSrcLocal : local.isLocal(f.buf, f.dstOff, al);
        leakStage.offer(curNanos, curIface, f.buf, f.srcOff, f.dstOff, al, f.srcPort, f.dstPort, f.protocol,
                clientLocal, b, off, len);
    }

    private String ifName(int index) {
        if (index < ifIndexCache.length) {
            String n = ifIndexCache[index];
            if (n == null) {
                n = ifIndexNames.apply(index);
                ifIndexCache[index] = n;
            }
            return n;
        }
        return ifIndexNames.apply(index);
    }

    /** Forgets cached interface-index names (interfaces come and go). */
    public void forgetInterfaceNames() {
        java.util.Arrays.fill(ifIndexCache, null);
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

    /** Frames with ports other than 53/853, non-IP frames and other transports. */
    public long otherFrames() {
        return notCountedOther;
    }

    public long leakQueries() {
        return leakStage.leakQueries();
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
        frames = counted = notCountedNonFirstFragment = notCountedOther = 0;
        leakStage.clearPending();
    }
}
