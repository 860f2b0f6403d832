package org.port853.capture;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;

/**
 * Entry point of the capture service ({@code installer/linux/port853-capture.service}): systemd passes the
 * listening socket {@code /run/port853/capture.sock} on stdin ({@code StandardInput=socket}); the service runs as
 * the system user {@code port853-capture} with CAP_NET_RAW and CAP_NET_ADMIN only, and exits after a minute
 * without clients. It takes no arguments and no options from anyone.
 */
public final class CaptureServiceMain {
    static final long IDLE_MILLIS = 60_000;

    private CaptureServiceMain() {
    }

    public static void main(String[] args) throws IOException {
        Channel inherited = System.inheritedChannel();
        if (!(inherited instanceof ServerSocketChannel listener)) {
            System.err.println("port853-capture: start me through port853-capture.socket (no listening socket on stdin)");
            System.exit(2);
            return;
        }
        CaptureServer.dnsOnly(listener).serve(Long.getLong("port853.capture.idleMillis", IDLE_MILLIS));
        CaptureServer.log("no clients for a while: exiting");
        System.exit(0);
    }
}
