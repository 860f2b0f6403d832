package org.port853.capture;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A fuzz target that keeps state across inputs: one pipeline (TCP-53 reassembler, IP fragment reassembly, the
 * port-853 flow table, the leak stage's response table) lives for the whole run and is fed structured frames
 * (few addresses and ports, so flows, fragments and queries collide and accumulate), and after every input its memory
 * bounds must hold, and every frame be in exactly one counter. In {@code mvn test} it runs the stored inputs;
 * {@code .ci/run} fuzzes it for 60 s
 * ({@code JAZZER_FUZZ=1}), and a finding fails CI.
 */
class StatefulFuzzTest {
    private static final String[] V4 = {"198.18.0.1", "198.18.0.2", "198.18.0.3", "127.0.0.1"};
    private static final String[] V6 = {"2001:db8::1", "2001:db8::53", "::1"};
    private static final int[] PORTS = {53, 853, 40000, 40001, 5353};
    private static PacketPipeline pipeline = fresh();
    private static long time = 1_700_000_000_000_000_000L;
    private static int inputs;

    private static PacketPipeline fresh() {
        return new PacketPipeline(new TrafficMeter(8), LocalAddresses.loopbackOnly(), c -> { }, i -> "if" + i);
    }

    @FuzzTest(maxDuration = "60s")
    void reassemblerAndLeakStage(FuzzedDataProvider data) {
        if (++inputs % 100_000 == 0) {
            pipeline = fresh(); // a long run starts over now and then, as a long capture would not
        }
        int frames = data.consumeInt(1, 32);
        for (int i = 0; i < frames && data.remainingBytes() > 0; i++) {
            time += data.consumeLong(0, 20_000_000_000L); // up to 20 s between frames: expiry paths run
            byte[] ip = frame(data);
            pipeline.accept(time, LinkTypes.RAW, "if0", ip, 0, ip.length, ip.length);
        }
        if (pipeline.reassemblyBytesHeld() > TcpDnsReassembler.BYTE_BUDGET + IpFragments.MAX_HELD_BYTES) {
            throw new IllegalStateException("reassembly holds " + pipeline.reassemblyBytesHeld() + " bytes");
        }
        FrameAccounting.assertEveryFrameCountedOnce(pipeline); // no tunnels here: no frame waits uncounted
        if (pipeline.tcpFlows() > TcpDnsReassembler.MAX_FLOWS) {
            throw new IllegalStateException(pipeline.tcpFlows() + " TCP flows");
        }
        if (pipeline.pendingLeakResponses() > LeakStage.MAX_PENDING) {
            throw new IllegalStateException(pipeline.pendingLeakResponses() + " queries waiting");
        }
    }

    private static byte[] frame(FuzzedDataProvider d) {
        boolean v6 = d.consumeBoolean();
        String src = v6 ? d.pickValue(V6) : d.pickValue(V4);
        String dst = v6 ? d.pickValue(V6) : d.pickValue(V4);
        int sp = d.pickValue(PORTS);
        int dp = d.pickValue(PORTS);
        byte[] payload = d.consumeBoolean() ? Frames.cat(lengthPrefix(d), Frames.dnsQuery("f" + d.consumeInt(0, 9)
                + ".test", 1)) : d.consumeBytes(d.consumeInt(0, 1500));
        boolean tcp = d.consumeBoolean();
        byte[] transport = tcp
                ? Frames.tcp(sp, dp, d.consumeLong(0, 0xffffffffL) & ~0xffffL | d.consumeInt(0, 3000),
                        d.pickValue(new int[] {0x02, 0x10, 0x18, 0x11, 0x04, 0x12}), payload)
                : Frames.udp(sp, dp, payload);
        int proto = tcp ? 6 : 17;
        if (v6) {
            return Frames.ipv6(src, dst, proto, transport);
        }
        int frag = d.consumeBoolean() ? 0x4000 : (d.consumeBoolean() ? 0x2000 : 0) | d.consumeInt(0, 200);
        return Frames.ipv4(src, dst, proto, transport, new byte[0], frag);
    }

    private static byte[] lengthPrefix(FuzzedDataProvider d) {
        int n = d.consumeInt(0, 70_000);
        return Frames.bytes(n >> 8, n);
    }
}
