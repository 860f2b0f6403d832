package org.port853.capture;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Live capture with libpcap through pcap4j: {@code handle.loop} on its own thread, stopped with
 * {@code breakLoop()} (never {@code getNextRawPacket}, which can block forever). All interfaces use the
 * {@code any} device with the SLL2 link type, which keeps the interface index. A housekeeping thread reads the
 * drop counters every second and refreshes this machine's addresses every five seconds.
 */
final class LiveCaptureSession extends AbstractCaptureSession {
    /**
     * DNS ports, plus IPv6 packets whose first extension header is a fragment header: libpcap's {@code port}
     * primitive does not walk IPv6 extension headers, so it would miss the first fragment of a large UDP 53
     * answer over IPv6 (which shows its ports and counts). Later fragments come in too and are not counted.
     */
    static final String FILTER = "port 53 or port 853 or (ip6 and ip6[6] == 44)";
    private static final int SNAPLEN = 65535;
    private static final int BUFFER = 64 << 20; // kernel ring: absorbs JIT warm-up and bursts

    private final String device;
    private volatile PcapHandle handle;
    private ScheduledExecutorService housekeeping;
    private ProcessResolver processes;
    private volatile long ifNamesStamp;

    LiveCaptureSession(String interfaceNameOrNull) {
        super(LocalAddresses.ofThisMachine(), LiveCaptureSession::interfaceName);
        this.device = interfaceNameOrNull == null || interfaceNameOrNull.isBlank() ? null : interfaceNameOrNull;
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

    @Override
    public String description() {
        return device == null ? "live on all interfaces" : "live on " + device;
    }

    @Override
    protected void onLeakCandidate(LeakCandidate c) {
        ProcessResolver p = processes;
        if (p != null) {
            p.submit(c);
        } else {
            super.onLeakCandidate(c);
        }
    }

    @Override
    protected Thread startCapture() throws CaptureUnavailableException {
        var problem = LivePermission.check();
        if (problem.isPresent()) {
            throw problem.get();
        }
        PcapHandle h;
        try {
            h = new PcapHandle.Builder(device == null ? "any" : device)
                    .snaplen(SNAPLEN)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(100)
                    .immediateMode(true)
                    .bufferSize(BUFFER)
                    .build();
        } catch (PcapNativeException | RuntimeException e) {
            throw translate(e);
        }
        try {
            if (device == null) {
                h.setDlt(DataLinkType.getInstance(LinkTypes.LINUX_SLL2));
            }
            h.setFilter(FILTER, BpfProgram.BpfCompileMode.OPTIMIZE);
        } catch (Exception e) {
            h.close();
            throw translate(e);
        }
        int linkType = h.getDlt().value();
        if (!LinkTypes.isSupported(linkType)) {
            h.close();
            throw new CaptureUnavailableException("Interface " + device + " has link type " + linkType
                    + ", which Port853 cannot read.", "Capture on all interfaces instead (no --interface).");
        }
        handle = h;
        if (ProcessResolver.isSupported()) {
            processes = new ProcessResolver(this::publish);
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "port853-capture-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::readStats, 1, 1, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(this::refreshAddresses, 5, 5, TimeUnit.SECONDS);
        String iface = device == null ? "any" : device;
        Thread t = new Thread(() -> loop(h, linkType, iface), "port853-capture");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void loop(PcapHandle h, int linkType, String iface) {
        String reason = null;
        RawPacketListener listener = packet -> {
            applyPendingClear();
            long stamp = ifNamesStamp;
            if (stamp != 0) {
                ifNamesStamp = 0;
                pipeline.forgetInterfaceNames();
            }
            java.sql.Timestamp ts = h.getTimestamp();
            long ns = ts == null ? System.currentTimeMillis() * 1_000_000L
                    : Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
            Integer orig = h.getOriginalLength();
            pipeline.accept(ns, linkType, iface, packet, 0, packet.length, orig == null ? packet.length : orig);
        };
        try {
            h.loop(-1, listener);
        } catch (InterruptedException e) {
            // breakLoop(): normal stop
        } catch (Exception e) {
            if (running) {
                reason = "capture failed: " + e.getMessage();
            }
        } finally {
            readStats();
            handle = null;
            h.close();
            if (housekeeping != null) {
                housekeeping.shutdownNow();
            }
            if (processes != null) {
                processes.close();
            }
            finished(reason);
        }
    }

    private void readStats() {
        PcapHandle h = handle;
        if (h == null) {
            return;
        }
        try {
            PcapStat s = h.getStats();
            meter.setDrops(s.getNumPacketsDropped(), s.getNumPacketsDroppedByIf());
        } catch (Exception e) {
            // closed meanwhile
        }
    }

    private void refreshAddresses() {
        pipeline.setLocalAddresses(LocalAddresses.ofThisMachine());
        ifNamesStamp = System.nanoTime() | 1;
    }

    @Override
    protected void interruptCapture() {
        PcapHandle h = handle;
        if (h != null) {
            try {
                h.breakLoop();
            } catch (Exception e) {
                // already closed
            }
        }
    }

    static CaptureUnavailableException translate(Throwable e) {
        String msg = String.valueOf(e.getMessage());
        String low = msg.toLowerCase(Locale.ROOT);
        if (low.contains("permission") || low.contains("not permitted")) {
            return LivePermission.notPermitted();
        }
        if (low.contains("no such device") || low.contains("doesn't exist")) {
            return new CaptureUnavailableException("No such network interface: " + msg,
                    "List interfaces with 'ip link' and pass one of them, or omit --interface.", e);
        }
        return new CaptureUnavailableException("Live capture could not start: " + msg,
                "Check that libpcap works here (e.g. sudo tcpdump -i any port 53).", e);
    }
}
