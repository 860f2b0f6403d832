package org.port853.capture;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.port853.core.Words;

/**
 * Live capture with libpcap called directly through JNA ({@link PcapNative}): the handle is read with
 * {@code pcap_next_ex} in non-blocking mode on its own thread, waiting in {@code poll} (100 ms) when nothing is
 * ready, so stopping only needs {@code running = false}. Per packet nothing is allocated: the header and the
 * frame are copied from libpcap's ring into one reused {@code byte[]}. Which devices "all interfaces" means
 * comes from {@link CaptureDevices}: on Linux the {@code any} device with the SLL2 link type, which keeps the
 * interface index; on Windows one Npcap handle per adapter, read in turn by the same thread. Not immediate mode:
 * libpcap then uses TPACKET_V3, whose blocks pack frames tightly (immediate mode falls back to TPACKET_V2 with one 64 KiB slot per
 * frame, so 64 MiB held only ~1,000 frames and any 20 ms pause dropped packets); blocks are handed over when
 * full or after the 100 ms timeout. A housekeeping thread reads the drop counters every second and refreshes
 * this machine's addresses every five seconds. Leaked DNS messages are parsed on a worker ({@link LeakStage}).
 *
 * <p>Beside each counting handle a small <b>sender handle</b> in immediate mode ({@link #SENDER_FILTER}: packets
 * to port 53 only, {@link #SENDER_SNAPLEN} bytes of each, so its TPACKET_V2 ring holds thousands) hands every
 * query over as it leaves, up to 100 ms before its block does: the sending socket is looked up then
 * ({@link PacketPipeline#acceptSent}), while a program that got its answer in a millisecond still holds it.
 * Its frames are never counted; a device where it cannot be opened is captured without it, and one that fails
 * later is no longer read (the capture goes on). Only opened where senders can be looked up
 * ({@link #wantsSenderHandles}).
 */
class LiveCaptureSession extends AbstractCaptureSession {
    /**
     * DNS ports; IPv4 non-first fragments (they carry no ports, but complete a fragmented query so its name can be
     * read); and IPv6 packets whose first header is neither TCP, UDP nor ICMPv6: libpcap's {@code port} primitive
     * does not walk IPv6 extension headers (hop-by-hop, routing, destination options, AH, fragment...), so without
     * this, such DNS packets would be counted from a file but never live. For the same reason IPv4 packets that
     * carry a tunnel (IP-in-IP 4, 6in4 41, GRE 47) or an IPsec AH (51) pass. The Java parser then walks the headers
     * and counts exactly what it counts in a file.
     */
    static final String FILTER = "port 53 or port 853 or (ip and ip[6:2] & 0x1fff != 0)"
            + " or (ip and (ip[9] == 4 or ip[9] == 41 or ip[9] == 47 or ip[9] == 51))"
            + " or (ip6 and ip6[6] != 6 and ip6[6] != 17 and ip6[6] != 58)";
    private static final int SNAPLEN = 65535;
    private static final int BUFFER = 64 << 20; // kernel ring: absorbs JIT warm-up and bursts
    private static final int TIMEOUT_MILLIS = 100;
    /**
     * What the sender handles see: packets to port 53 (TCP: every segment; incoming ones too);
     * {@link PacketPipeline#isQueryLeaving} keeps the queries this machine sends.
     */
    static final String SENDER_FILTER = "udp dst port 53 or tcp dst port 53";
    /**
     * SLL2 (20) + IPv4 with options (60) or IPv6 (40) + TCP with options (60): always the ports; of a UDP query also
     * the start of the message (with a short name, all of it), as in the counted frame.
     */
    static final int SENDER_SNAPLEN = 160;
    private static final int SENDER_BUFFER = 1 << 20;
    private static final Logger LOG = Logger.getLogger(LiveCaptureSession.class.getName());

    private final String requested; // null: all of this machine's devices
    private final CaptureDevices devices;
    private volatile List<String> openedLabels = List.of();
    private long[] handles = new long[0]; // pcap_t*, under handleLock; empty when closed
    private final Object handleLock = new Object();

    /** Every captured frame, on the capture thread; {@code buf} is reused for the next frame. */
    protected void onFrame(long epochNanos, int linkType, String iface, byte[] buf, int caplen, int len) {
        pipeline.accept(epochNanos, linkType, iface, buf, 0, caplen, len);
    }

    /** Whether to open sender handles: only where the senders of queries can be looked up here. */
    protected boolean wantsSenderHandles() {
        return socketOwners().isPresent();
    }

    /** A query as it left, from a sender handle (see the class comment), on the capture thread; never counted. */
    protected void onSent(long epochNanos, int linkType, byte[] buf, int caplen) {
        pipeline.acceptSent(epochNanos, linkType, buf, 0, caplen);
    }
    private volatile long ifNamesStamp;

    /** @param devices which libpcap devices "all" and a named interface mean on this machine */
    LiveCaptureSession(String interfaceNameOrNull, CaptureDevices devices) {
        super(LocalAddresses.ofThisMachine(), LiveCaptureSession::interfaceName, true);
        this.requested = interfaceNameOrNull == null || interfaceNameOrNull.isBlank() ? null : interfaceNameOrNull;
        this.devices = devices;
    }

    static String interfaceName(int index) {
        try {
            NetworkInterface ni = NetworkInterface.getByIndex(index);
            if (ni != null) {
                return ni.getName();
            }
        } catch (SocketException | RuntimeException e) {
            // fall through
        }
        return "if" + index;
    }

    /** As root, where this machine can name a socket's program: every program's sockets are there to look at. */
    @Override
    public boolean namesPrograms() {
        return processes != null && org.port853.core.Privileges.isRoot();
    }

    @Override
    public String description() {
        if (requested != null) {
            return "live on " + requested;
        }
        List<String> labels = openedLabels;
        return labels.isEmpty() || labels.equals(List.of("any")) ? "live on all interfaces"
                : "live on all interfaces (" + String.join(", ", labels) + ")";
    }

    @Override
    public Words descriptionWords() {
        List<String> labels = openedLabels;
        boolean named = !labels.isEmpty() && !labels.equals(List.of("any"));
        return requested != null ? Words.of("live-on", requested)
                : Words.of("live-all", named ? String.join(", ", labels) : "", named ? 1 : 0);
    }

    /** An activated handle and what its frames are counted under; {@code sender}: a sender handle. */
    private record Opened(long handle, int linkType, String label, boolean sender) {
    }

    /** How a handle is set up: the counting one, or the sender handle beside it (class comment). */
    private record Settings(int snaplen, int bufferBytes, boolean immediate, String filter, boolean sender) {
        static final Settings COUNTING = new Settings(SNAPLEN, BUFFER, false, FILTER, false);
        static final Settings SENDER = new Settings(SENDER_SNAPLEN, SENDER_BUFFER, true, SENDER_FILTER, true);
    }

    @Override
    protected Thread startCapture() throws CaptureUnavailableException {
        var problem = LivePermission.check();
        if (problem.isPresent()) {
            throw problem.get();
        }
        try {
            PcapNative.load();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw translate(e, null);
        }
        List<CaptureDevice> wanted = requested == null ? devices.all() : List.of(devices.named(requested));
        PipelineWarmup.run(); // JIT-compile the per-packet path before packets arrive (~0.2 s)
        List<Opened> opened = new ArrayList<>();
        try {
            for (CaptureDevice d : wanted) {
                try {
                    opened.add(open(d, Settings.COUNTING));
                } catch (CaptureUnavailableException e) {
                    if (!d.optional()) {
                        throw e;
                    }
                    LOG.info("not capturing on " + d.label() + ": " + e.reason());
                    continue;
                }
                if (!wantsSenderHandles()) {
                    continue;
                }
                try {
                    opened.add(open(d, Settings.SENDER));
                } catch (CaptureUnavailableException e) {
                    LOG.info("no early sender lookups on " + d.label() + ": " + e.reason());
                }
            }
        } catch (CaptureUnavailableException | RuntimeException e) {
            opened.forEach(o -> PcapNative.pcap_close(o.handle()));
            throw e;
        }
        if (opened.isEmpty()) {
            throw new CaptureUnavailableException("None of the capture devices could be opened.",
                    "Check that the capture library works here, or name an interface with --interface.")
                    .says("no-device-opened");
        }
        synchronized (handleLock) {
            handles = opened.stream().filter(o -> !o.sender()).mapToLong(Opened::handle).toArray();
        }
        openedLabels = opened.stream().filter(o -> !o.sender()).map(Opened::label).toList();
        startHousekeeping().scheduleWithFixedDelay(this::readStats, 1, 1, TimeUnit.SECONDS);
        Thread t = new Thread(() -> loop(opened), "port853-capture");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Creates, configures and activates one handle; closes it again when any step fails. */
    private static Opened open(CaptureDevice d, Settings settings) throws CaptureUnavailableException {
        String dev = d.pcapName();
        Memory err = PcapNative.errbuf();
        long h = PcapNative.pcap_create(dev, PcapNative.address(err));
        if (h == 0) {
            throw translate(new IllegalStateException(err.getString(0)), dev);
        }
        int linkType;
        try {
            PcapNative.pcap_set_snaplen(h, settings.snaplen());
            PcapNative.pcap_set_promisc(h, 0);
            PcapNative.pcap_set_timeout(h, TIMEOUT_MILLIS);
            PcapNative.pcap_set_buffer_size(h, settings.bufferBytes());
            if (settings.immediate() && PcapNative.pcap_set_immediate_mode(h, 1) != 0) {
                throw new IllegalStateException("immediate mode: " + PcapNative.error(h));
            }
            int rc = PcapNative.pcap_activate(h);
            if (rc < 0) {
                String detail = PcapNative.error(h);
                String status = PcapNative.string(PcapNative.pcap_statustostr(rc));
                String msg = switch (rc) {
                    case PcapNative.PCAP_ERROR_PERM_DENIED, PcapNative.PCAP_ERROR_PROMISC_PERM_DENIED ->
                        "Operation not permitted (" + detail + ")";
                    case PcapNative.PCAP_ERROR_NO_SUCH_DEVICE -> "No such device: " + dev + " (" + detail + ")";
                    default -> status + (detail.isEmpty() || detail.equals(status) ? "" : ": " + detail);
                };
                throw new IllegalStateException(msg);
            }
            if (d.linkType() != CaptureDevice.DEFAULT_LINK_TYPE && PcapNative.pcap_set_datalink(h, d.linkType()) != 0) {
                throw new IllegalStateException("cannot select link type " + d.linkType() + ": " + PcapNative.error(h));
            }
            Memory prog = new Memory(16);
            prog.clear();
            if (PcapNative.pcap_compile(h, PcapNative.address(prog), settings.filter(), 1, 0xffffffff) != 0) {
                throw new IllegalStateException("filter: " + PcapNative.error(h));
            }
            try {
                if (PcapNative.pcap_setfilter(h, PcapNative.address(prog)) != 0) {
                    throw new IllegalStateException("filter: " + PcapNative.error(h));
                }
            } finally {
                PcapNative.pcap_freecode(PcapNative.address(prog));
            }
            if (PcapNative.pcap_setnonblock(h, 1, PcapNative.address(err)) != 0) {
                throw new IllegalStateException("non-blocking mode: " + err.getString(0));
            }
            linkType = PcapNative.pcap_datalink(h);
        } catch (RuntimeException e) {
            PcapNative.pcap_close(h);
            throw translate(e, dev);
        }
        if (!LinkTypes.isSupported(linkType)) {
            PcapNative.pcap_close(h);
            throw new CaptureUnavailableException("Interface " + d.label() + " has link type " + linkType
                    + ", which Port853 cannot read.", "Capture on all interfaces instead (no --interface).")
                    .says("link-type", d.label(), linkType);
        }
        return new Opened(h, linkType, d.label(), settings.sender());
    }

    private static final PcapHeaderLayout HEADER = PcapHeaderLayout.forThisOs();

    /**
     * Reads every handle in turn, one frame each per round; when none had a frame it waits in {@code poll} on all
     * their descriptors (or sleeps 10 ms where there are none: Npcap).
     */
    private void loop(List<Opened> opened) {
        int n = opened.size();
        long[] hs = new long[n];
        int[] linkTypes = new int[n];
        String[] labels = new String[n];
        boolean[] sender = new boolean[n];
        int counting = (int) opened.stream().filter(o -> !o.sender()).count();
        boolean[] gone = new boolean[n]; // a failed sender handle, no longer read
        String reason = null;
        Memory out = new Memory(16);        // pcap_pkthdr* and u_char* written by pcap_next_ex
        Memory pfd = new Memory(8L * n);    // struct pollfd[n]
        pfd.clear();
        boolean pollable = true;
        for (int i = 0; i < n; i++) {
            hs[i] = opened.get(i).handle();
            linkTypes[i] = opened.get(i).linkType();
            labels[i] = opened.get(i).label();
            sender[i] = opened.get(i).sender();
            int fd = PcapNative.selectableFd(hs[i]);
            pollable &= fd >= 0;
            pfd.setInt(8L * i, fd);
            pfd.setShort(8L * i + 4, PcapNative.POLLIN);
        }
        long outAddr = PcapNative.address(out);
        long pfdAddr = PcapNative.address(pfd);
        Pointer hdr = new Pointer(0);
        Pointer data = new Pointer(0);
        byte[] buf = new byte[SNAPLEN + 64];
        try {
            reading:
            while (running) {
                Throwable workerFailure = pipeline.leakStageFailure();
                if (workerFailure != null) {
                    reason = "capture failed: the leak worker stopped: " + workerFailure;
                    break;
                }
                boolean idle = true;
                for (int i = 0; i < n; i++) {
                    if (gone[i]) {
                        continue;
                    }
                    int rc = PcapNative.pcap_next_ex(hs[i], outAddr, outAddr + 8);
                    if (sender[i] && rc < 0 && rc != -2) {
                        // only the early lookups are lost with it: the capture goes on without this handle
                        LOG.info("sender handle on " + labels[i] + " failed: " + PcapNative.error(hs[i]));
                        gone[i] = true;
                        pfd.setInt(8L * i, -1); // poll skips a negative descriptor; the handle is closed with the rest
                    } else if (rc == 1 && sender[i]) {
                        idle = false;
                        Pointer.nativeValue(hdr, out.getLong(0));
                        Pointer.nativeValue(data, out.getLong(8));
                        int caplen = Math.min(HEADER.caplen(hdr), SENDER_SNAPLEN);
                        data.read(0, buf, 0, caplen);
                        onSent(HEADER.nanos(hdr), linkTypes[i], buf, caplen);
                    } else if (rc == 1) {
                        idle = false;
                        applyPendingClear();
                        long stamp = ifNamesStamp;
                        if (stamp != 0) {
                            ifNamesStamp = 0;
                            pipeline.forgetInterfaceNames();
                        }
                        Pointer.nativeValue(hdr, out.getLong(0));
                        Pointer.nativeValue(data, out.getLong(8));
                        int caplen = Math.min(HEADER.caplen(hdr), buf.length);
                        data.read(0, buf, 0, caplen);
                        onFrame(HEADER.nanos(hdr), linkTypes[i], labels[i], buf, caplen, HEADER.len(hdr));
                    } else if (rc == -2) {
                        break reading;
                    } else if (rc != 0) {
                        if (running) {
                            reason = "capture failed" + (counting > 1 ? " on " + labels[i] : "") + ": "
                                    + PcapNative.error(hs[i]);
                        }
                        break reading;
                    }
                }
                if (idle) {
                    if (pollable) {
                        PcapNative.Libc.poll(pfdAddr, n, TIMEOUT_MILLIS);
                    } else {
                        Thread.sleep(10);
                    }
                }
            }
        } catch (InterruptedException e) {
            // stop
        } catch (RuntimeException e) {
            if (running) {
                reason = "capture failed: " + e;
            }
        } catch (Error e) {
            // OutOfMemoryError, StackOverflowError, a JNA failure...: never a normal stop
            reason = "capture failed: " + e;
        } finally {
            // the loop uses only the addresses of out and pfd: keep the Memory objects (and their native
            // blocks) alive until here, or the GC frees them while libpcap and poll still write into them
            java.lang.ref.Reference.reachabilityFence(out);
            java.lang.ref.Reference.reachabilityFence(pfd);
            readStats();
            synchronized (handleLock) {
                handles = new long[0];
                for (long h : hs) {
                    PcapNative.pcap_close(h);
                }
            }
            stopHousekeeping();
            finished(reason);
        }
    }

    private final Memory stat = new Memory(16);

    /** Drop counters summed over the open handles. */
    private void readStats() {
        synchronized (handleLock) {
            if (handles.length == 0) {
                return;
            }
            long drops = 0;
            long ifDrops = 0;
            for (long h : handles) {
                // struct pcap_stat: ps_recv, ps_drop, ps_ifdrop (u_int each)
                if (PcapNative.pcap_stats(h, PcapNative.address(stat)) == 0) {
                    drops += stat.getInt(4) & 0xffffffffL;
                    ifDrops += stat.getInt(8) & 0xffffffffL;
                }
            }
            meter.setDrops(drops, ifDrops);
        }
    }

    @Override
    protected void refreshAddresses() {
        super.refreshAddresses();
        ifNamesStamp = System.nanoTime() | 1; // interfaces may have come or gone too
    }

    @Override
    protected void interruptCapture() {
        // the loop polls with a 100 ms timeout and sees running == false
    }

    /** {@code device}: the interface being opened, or null; libpcap's own words stay in the cause. */
    static CaptureUnavailableException translate(Throwable e, String device) {
        String msg = String.valueOf(e.getMessage());
        String low = msg.toLowerCase(Locale.ROOT);
        if (low.contains("permission") || low.contains("not permitted")) {
            return LivePermission.notPermitted();
        }
        if (device != null && (low.contains("no such device") || low.contains("doesn't exist"))) {
            return CaptureUnavailableException.noSuchInterface(device,
                    "Pass an interface this machine has (Linux: ip link; Windows: Get-NetAdapter), or omit --interface.", e);
        }
        if (device != null && low.contains("device is not up")) { // PCAP_ERROR_IFACE_NOT_UP
            return CaptureUnavailableException.interfaceDown(device, e);
        }
        return new CaptureUnavailableException("Live capture could not start: " + msg,
                "Check that libpcap works here (e.g. sudo tcpdump -i any port 53).", e).says("live-failed", msg);
    }
}
