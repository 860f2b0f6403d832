package org.port853.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

import org.port853.core.Words;

/** Factories for capture sessions. Nothing starts until {@link CaptureSession#start()}. */
public final class CaptureSessions {
    /** Class-path resource of the bundled demo capture. */
    public static final String DEMO_RESOURCE = "/org/port853/demo/demo.pcap";

    private CaptureSessions() {
    }

    /**
     * Live capture on one interface, or on all of them ({@code null}; which devices that means on this machine comes
     * from {@link CaptureDevices#forThisMachine()}): directly when this process may capture,
     * otherwise through the installed capture service ({@link ServiceCaptureSession}); with neither, the session's
     * {@code start()} explains what is missing.
     */
    public static CaptureSession live(String interfaceNameOrNullForAll) {
        if (LivePermission.check().isEmpty() || !ServiceCaptureSession.isInstalled(ServiceCaptureSession.SOCKET,
                ServiceCaptureSession.SOCKET_UNIT)) {
            return new LiveCaptureSession(interfaceNameOrNullForAll, CaptureDevices.forThisMachine());
        }
        return new ServiceCaptureSession(ServiceCaptureSession.SOCKET, interfaceNameOrNullForAll);
    }

    /**
     * Replays a capture file through the same pipeline. {@code speed} 0 replays as fast as possible with the
     * file's own timestamps; otherwise packets are paced ({@code 1} = real time) and re-stamped to now.
     * Local addresses are the loopback ones.
     */
    public static CaptureSession replay(Path pcapOrPcapng, double speed, boolean loop) {
        return replay(pcapOrPcapng, speed, loop, LocalAddresses.loopbackOnly());
    }

    public static CaptureSession replay(Path pcapOrPcapng, double speed, boolean loop, LocalAddresses local) {
        return new ReplayCaptureSession(() -> PcapFileReader.open(pcapOrPcapng),
                "replay of " + pcapOrPcapng.getFileName(), Words.of("replay", pcapOrPcapng.getFileName()), speed, loop, local);
    }

    /** The bundled demo capture in real time, looping, with timestamps shifted to now. */
    public static CaptureSession demo() {
        byte[] data = demoBytes();
        return new ReplayCaptureSession(() -> PcapFileReader.of(ByteBuffer.wrap(data)), "demo (bundled capture)", Words.of("demo"),
                1.0, true, LocalAddresses.loopbackOnly());
    }

    static byte[] demoBytes() {
        try (InputStream in = CaptureSessions.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo capture " + DEMO_RESOURCE + " missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fast check that live capture can work here; the exception carries the reason and the fix. */
    public static Optional<CaptureUnavailableException> checkLivePermission() {
        Optional<CaptureUnavailableException> direct = LivePermission.check();
        if (direct.isEmpty() || !ServiceCaptureSession.isInstalled(ServiceCaptureSession.SOCKET,
                ServiceCaptureSession.SOCKET_UNIT)) {
            return direct;
        }
        return ServiceCaptureSession.canConnect(ServiceCaptureSession.SOCKET);
    }
}
