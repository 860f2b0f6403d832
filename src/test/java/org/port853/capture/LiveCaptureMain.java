package org.port853.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test helper run in a network namespace by {@link CaptureVsTsharkIT}: live capture on all interfaces until stdin
 * closes, then one JSON line with totals, drops and leak names on stdout. Prints "READY" when capturing.
 */
public final class LiveCaptureMain {
    public static void main(String[] args) throws Exception {
        CaptureSession s = CaptureSessions.live(args.length > 0 ? args[0] : null);
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
        System.out.println(new ObjectMapper().writeValueAsString(o));
    }
}
