package org.port853.capture;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.port853.core.Words;

/**
 * Live capture through the capture service (docs/capture.md, "Capture without root"): reads the DNS frames the
 * service streams on {@code /run/port853/capture.sock} (members of the group {@code port853} may connect) and
 * runs them through the same pipeline as a direct capture. With {@code --interface}, frames of other
 * interfaces are skipped here (the service always captures on all of them; SLL2 carries the interface index).
 * The service's drop records ({@link CaptureStream#drops}) set this session's drop counters: frames the service's
 * queue dropped for us count with the kernel's (both are frames lost before we could read them).
 */
final class ServiceCaptureSession extends AbstractCaptureSession {
    /** Where the package's socket unit listens. */
    static final Path SOCKET = Path.of("/run/port853/capture.sock");
    private static final long HANDSHAKE_MILLIS = 20_000;
    private static final int SLL2_IFINDEX = 4;

    private final Path socket;
    private final String device;
    private volatile SocketChannel channel;

    ServiceCaptureSession(Path socket, String interfaceNameOrNull) {
        super(LocalAddresses.ofThisMachine(), LiveCaptureSession::interfaceName, true);
        this.socket = socket;
        this.device = interfaceNameOrNull == null || interfaceNameOrNull.isBlank() ? null : interfaceNameOrNull;
    }

    /** Where the package puts the socket's unit: installed, although systemd may not have made the socket. */
    static final Path SOCKET_UNIT = Path.of("/usr/lib/systemd/system/port853-capture.socket");

    /**
     * The service is installed: its socket exists, or its unit does (a socket that is stopped or disabled, or a
     * system without systemd: connecting then says the service does not run, not "install the package"); whether
     * we may use it shows on connecting.
     */
    static boolean isInstalled(Path socket, Path unit) {
        return Files.exists(socket) || LINUX && Files.exists(unit);
    }

    /** The package and its units are Linux's; elsewhere the unit's path is a folder any user may create. */
    private static final boolean LINUX = org.port853.platform.OperatingSystem.isLinux();

    /** Connects and disconnects at once: empty when this user may use the service. */
    static java.util.Optional<CaptureUnavailableException> canConnect(Path socket) {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of(connectFailed(e));
        }
    }

    /** The service captures for this process, which looks for the programs of the queries it hands over. */
    @Override
    public boolean namesPrograms() {
        return processes != null;
    }

    @Override
    public String description() {
        return (device == null ? "live on all interfaces" : "live on " + device) + " (capture service)";
    }

    @Override
    public Words descriptionWords() {
        return device == null ? Words.of("service-all") : Words.of("service-on", device);
    }

    @Override
    protected Thread startCapture() throws CaptureUnavailableException {
        int wantedIndex = interfaceIndex(device);
        SocketChannel ch;
        try {
            ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw connectFailed(e);
        }
        channel = ch;
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 1 << 16));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("port853-capture-handshake"));
        watchdog.schedule(() -> closeQuietly(ch), HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS);
        int linkType;
        try {
            linkType = CaptureStream.readStart(in);
        } catch (CaptureStream.ServiceRefusedException e) {
            closeQuietly(ch);
            throw new CaptureUnavailableException("The Port853 capture service could not capture: " + e.getMessage(),
                    "See its log: journalctl -u port853-capture.service").says("service-failed", e.getMessage());
        } catch (IOException e) {
            closeQuietly(ch);
            throw new CaptureUnavailableException("The Port853 capture service did not answer (" + e.getMessage() + ").",
                    "Check it: systemctl status port853-capture.socket port853-capture.service")
                    .says("service-silent", e.getMessage());
        } finally {
            watchdog.shutdownNow();
        }
        startHousekeeping();
        Thread t = new Thread(() -> loop(in, linkType, wantedIndex), "port853-capture-client");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Whether the SLL2 frame at {@code at} (its record {@code caplen} bytes long) was captured on another interface than
     * the one asked for ({@code wantedIndex}; 0 or less: any).
     */
    private static boolean onOtherInterface(int linkType, byte[] buf, int at, int caplen, int wantedIndex) {
        return wantedIndex > 0 && linkType == LinkTypes.LINUX_SLL2 && caplen >= at + 8
                && readInt(buf, at + SLL2_IFINDEX) != wantedIndex;
    }

    private void loop(DataInputStream in, int linkType, int wantedIndex) {
        String reason = null;
        byte[] scratch = new byte[CaptureStream.RECORD_HEADER];
        byte[] buf = new byte[CaptureStream.SNAPLEN];
        try {
            CaptureStream.Header h;
            while (running && (h = CaptureStream.readHeader(in, scratch)) != null) {
                in.readFully(buf, 0, h.caplen());
                if (CaptureStream.isDrops(linkType, buf, h.caplen())) {
                    CaptureStream.Drops d = CaptureStream.readDrops(buf);
                    meter.setDrops(d.kernel() + d.queue(), d.iface());
                    continue;
                }
                if (CaptureStream.isSent(linkType, buf, h.caplen())) {
                    int at = CaptureStream.SENT_FRAME;
                    if (!onOtherInterface(linkType, buf, at, h.caplen(), wantedIndex)) {
                        pipeline.acceptSent(h.epochNanos(), linkType, buf, at, h.caplen() - at);
                    }
                    continue;
                }
                applyPendingClear();
                if (onOtherInterface(linkType, buf, 0, h.caplen(), wantedIndex)) {
                    continue;
                }
                pipeline.accept(h.epochNanos(), linkType, "any", buf, 0, h.caplen(), h.len());
            }
            if (running) {
                reason = "the capture service ended the stream";
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                reason = "capture service connection lost: " + e.getMessage();
            }
        } finally {
            closeQuietly(channel);
            stopHousekeeping();
            finished(reason);
        }
    }

    @Override
    protected void interruptCapture() {
        closeQuietly(channel);
    }

    static CaptureUnavailableException connectFailed(IOException e) {
        return connectFailed(e, java.nio.file.Files.isDirectory(java.nio.file.Path.of("/run/systemd/system")));
    }

    /** {@code systemdBooted}: systemd is the init system (sd_booted), so the service's socket can be started. */
    static CaptureUnavailableException connectFailed(IOException e, boolean systemdBooted) {
        String msg = String.valueOf(e.getMessage());
        String low = msg.toLowerCase(Locale.ROOT);
        String user = LivePermission.userName();
        if (low.contains("permission denied") || low.contains("access denied")) {
            return new CaptureUnavailableException("You may not use the Port853 capture service: '" + user
                    + "' is not in the group port853 (or has not logged in again since joining it).",
                    "Join the group and log in again: sudo usermod -aG port853 " + user
                    + " (or, for this shell only: newgrp port853).").says("service-denied", user);
        }
        return new CaptureUnavailableException("The Port853 capture service is not running (" + msg + ").",
                systemdBooted ? "Start it: sudo systemctl enable --now port853-capture.socket"
                        : "systemd is not the init system here (a container, a chroot, or WSL without systemd), so the "
                        + "service cannot be started: run Port853 as root to capture (sudo port853)")
                .says("service-stopped", msg, systemdBooted ? "0" : "1");
    }

    private static int interfaceIndex(String name) throws CaptureUnavailableException {
        if (name == null) {
            return 0;
        }
        try {
            java.net.NetworkInterface ni = java.net.NetworkInterface.getByName(name);
            if (ni != null) {
                return ni.getIndex();
            }
        } catch (java.net.SocketException e) {
            // fall through
        }
        throw CaptureUnavailableException.noSuchInterface(name,
                "List interfaces with 'ip link' and pass one of them, or omit --interface.", null);
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
