package org.port853.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test helper run in a network namespace by {@link CaptureVsTsharkIT}: live capture on all interfaces until stdin
 * closes, then one JSON line with totals, drops and leak names on stdout. Prints "READY" when capturing. With
 * {@code --via-service} as its argument it captures as the installed app does without root: a capture service
 * ({@link CaptureServer} with {@link DnsOnlyCapture}, as {@link CaptureServiceMain} runs it) on a socket in a
 * temporary directory, read by a {@link ServiceCaptureSession}.
 */
public final class LiveCaptureMain {
    public static void main(String[] args) throws Exception {
        boolean viaService = args.length > 0 && args[0].equals("--via-service");
        CaptureSession s = viaService ? throughAService() : CaptureSessions.live(args.length > 0 ? args[0] : null);
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger.getLogger("org.port853.capture").addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                said.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        s.addListener(new CaptureListener() {
            @Override
            public void onStopped(String reasonOrNull) {
                said.add("stopped: " + reasonOrNull);
            }
        });
        s.start();
        Thread.sleep(300);
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for stdin to close
        }
        Thread.sleep(500);
        s.stop();
        MeterSnapshot m = s.snapshot(1);
        Map<String, Object> o = new LinkedHashMap<>();
        for (TrafficClass c : TrafficClass.values()) {
            o.put(c.name(), m.total(c).packets() + "/" + m.total(c).bytes());
        }
        o.put("drops", m.pcapDrops() + m.ifDrops());
        o.put("leaks", s.recentLeaks(10_000).stream().map(LeakRecord::name).sorted().toList());
        o.put("ifaces", s.recentLeaks(10_000).stream().map(LeakRecord::iface).distinct().sorted().toList());
        o.put("records", s.recentLeaks(10_000).stream().map(r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", r.name());
            v.put("server", r.server());
            v.put("process", r.process());
            v.put("sender", r.sender());
            v.put("requestedBy", r.requestedBy());
            v.put("program", r.program());
            v.put("chain", r.chain());
            return v;
        }).toList());
        o.put("leaksByProgram", s.leaksByProgram());
        o.put("said", said); // the capture's log and how it stopped
        System.out.println(new ObjectMapper().writeValueAsString(o));
    }

    private static CaptureSession throughAService() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("port853-capture-service");
        java.nio.file.Path sock = dir.resolve("capture.sock");
        java.nio.channels.ServerSocketChannel listener =
                java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        listener.bind(java.net.UnixDomainSocketAddress.of(sock));
        CaptureServer server = CaptureServer.dnsOnly(listener);
        Thread serving = new Thread(() -> {
            try {
                server.serve(Long.MAX_VALUE);
            } catch (java.io.IOException e) {
                e.printStackTrace();
            }
        }, "capture-service");
        serving.setDaemon(true);
        serving.start();
        dir.toFile().deleteOnExit(); // deleted in the reverse order: the socket first, then its (empty) directory
        sock.toFile().deleteOnExit();
        return new ServiceCaptureSession(sock, null);
    }
}
