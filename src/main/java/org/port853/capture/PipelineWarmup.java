package org.port853.capture;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the frames of the bundled demo capture (SLL2, and the same frames re-framed as Ethernet) through a
 * throwaway pipeline so that the JIT has compiled the per-packet path before a live capture opens its handle:
 * without it the first second of a flood is handled by the interpreter and the kernel buffer overflows.
 */
final class PipelineWarmup {
    static final int ROUNDS = 150;

    private PipelineWarmup() {
    }

    /** Returns the number of frames processed (0 when the demo capture is missing). */
    static long run() {
        List<byte[]> sll2 = new ArrayList<>();
        List<byte[]> eth = new ArrayList<>();
        try {
            PcapFileReader r = PcapFileReader.of(ByteBuffer.wrap(CaptureSessions.demoBytes()));
            while (r.next((ns, lt, iface, b, off, cap, orig) -> {
                if (lt == LinkTypes.LINUX_SLL2 && cap > 20) {
                    sll2.add(java.util.Arrays.copyOfRange(b, off, off + cap));
                    byte[] e = new byte[cap - 20 + 14];
                    e[12] = b[off];
                    e[13] = b[off + 1];
                    System.arraycopy(b, off + 20, e, 14, cap - 20);
                    eth.add(e);
                }
            })) {
                // collect
            }
        } catch (Exception | Error e) {
            return 0;
        }
        long n = 0;
        long t = System.currentTimeMillis() * 1_000_000L;
        for (int round = 0; round < ROUNDS; round++) {
            // a fresh pipeline now and then, so that leak tables and TCP flows stay small
            PacketPipeline p = new PacketPipeline(new TrafficMeter(4), LocalAddresses.loopbackOnly(), c -> { }, i -> "if" + i);
            for (int k = 0; k < 2; k++) {
                for (byte[] f : sll2) {
                    p.accept(t += 1000, LinkTypes.LINUX_SLL2, "any", f, 0, f.length, f.length);
                    n++;
                }
                for (byte[] f : eth) {
                    p.accept(t += 1000, LinkTypes.ETHERNET, "lo", f, 0, f.length, f.length);
                    n++;
                }
            }
            p.flushLeaks();
        }
        return n;
    }
}
