package org.port853.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper run in a network namespace by {@link MultiDeviceCaptureIT}: a live capture on the devices of the first
 * argument ({@code lo,d0,?missing0}: comma separated, {@code ?} = optional, as a platform's {@link CaptureDevices}
 * would list them), then a DNS query to each {@code ADDRESS=NAME} argument, then one JSON line with the result (or
 * with {@code error} when the capture could not start).
 */
public final class MultiDeviceCaptureMain {
    public static void main(String[] args) throws Exception {
        List<CaptureDevice> list = new ArrayList<>();
        for (String d : args[0].split(",")) {
            boolean optional = d.startsWith("?");
            String name = optional ? d.substring(1) : d;
            list.add(new CaptureDevice(name, name, CaptureDevice.DEFAULT_LINK_TYPE, optional));
        }
        CaptureDevices devices = new CaptureDevices() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public List<CaptureDevice> all() {
                return list;
            }

            @Override
            public CaptureDevice named(String name) {
                throw new UnsupportedOperationException();
            }
        };
        Map<String, Object> o = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        LiveCaptureSession s = new LiveCaptureSession(null, devices);
        try {
            s.start();
        } catch (CaptureUnavailableException e) {
            o.put("error", e.reason());
            System.out.println(json.writeValueAsString(o));
            return;
        }
        Thread.sleep(300);
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 1; i < args.length; i++) {
                String[] target = args[i].split("=", 2);
                byte[] q = Frames.dnsQuery(target[1], 1);
                socket.send(new DatagramPacket(q, q.length, InetAddress.getByName(target[0]), 53));
            }
        }
        Thread.sleep(1000); // blocks are handed over after the 100 ms timeout
        s.stop();
        MeterSnapshot m = s.snapshot(1);
        o.put("description", s.description());
        for (TrafficClass c : TrafficClass.values()) {
            o.put(c.name(), m.total(c).packets());
        }
        o.put("leaks", s.recentLeaks(100).stream().map(r -> r.name() + "@" + r.iface()).sorted().toList());
        o.put("interfaces", m.interfaces().stream().map(MeterSnapshot.InterfaceSeries::name).sorted().toList());
        System.out.println(json.writeValueAsString(o));
    }
}
