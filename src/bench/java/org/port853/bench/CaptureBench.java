package org.port853.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureSessions;
import org.port853.capture.MeterSnapshot;
import org.port853.capture.PcapFileReader;
import org.port853.capture.TrafficClass;
import org.port853.cli.AnalyzeCommand;
import org.port853.cli.MonitorCommand;
import picocli.CommandLine;

/**
 * Benchmark helpers (not tests), driven by src/bench/capture-bench.sh:
 * <pre>
 *   make-big IN.pcap OUT.pcap N     repeat IN's frames (timestamps rewritten, 10 µs apart) until N frames
 *   analyze ARGS...                 port853 analyze
 *   monitor ARGS...                 port853 monitor
 *   live IFACE SECONDS              live capture; prints packets/s per second and drops, then totals
 * </pre>
 */
public final class CaptureBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "make-big" -> makeBig(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
            case "analyze" -> System.exit(new CommandLine(new AnalyzeCommand()).execute(rest(args)));
            case "monitor" -> System.exit(new CommandLine(new MonitorCommand()).execute(rest(args)));
            case "live" -> live(args[1].equals("all") ? null : args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static String[] rest(String[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    record Frame(int linkType, byte[] data, int orig) {
    }

    static void makeBig(Path in, Path out, long n) throws Exception {
        List<Frame> frames = new ArrayList<>();
        int[] lt = {-1};
        try (PcapFileReader r = PcapFileReader.open(in)) {
            r.readAll((ns, linkType, iface, b, off, cap, orig) -> {
                lt[0] = linkType;
                frames.add(new Frame(linkType, java.util.Arrays.copyOfRange(b, off, off + cap), orig));
            });
        }
        long t = 1_700_000_000_000_000L; // µs
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144)
                    .putInt(lt[0]);
            o.write(h.array());
            ByteBuffer rh = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < n; i++) {
                Frame f = frames.get((int) (i % frames.size()));
                t += 10;
                rh.clear();
                rh.putInt((int) (t / 1_000_000)).putInt((int) (t % 1_000_000)).putInt(f.data().length).putInt(f.orig());
                o.write(rh.array());
                o.write(f.data());
            }
        }
    }

    static void live(String iface, int seconds) throws Exception {
        CaptureSession s = CaptureSessions.live(iface);
        s.start();
        System.out.println("READY");
        long prev = 0;
        for (int i = 0; i < seconds; i++) {
            Thread.sleep(1000);
            MeterSnapshot m = s.snapshot(1);
            long all = 0;
            for (TrafficClass c : TrafficClass.values()) {
                all += m.total(c).packets();
            }
            System.out.printf("t=%ds packets/s=%d total=%d pcapDrops=%d ifDrops=%d%n", i + 1, all - prev, all,
                    m.pcapDrops(), m.ifDrops());
            prev = all;
        }
        s.stop();
        MeterSnapshot m = s.snapshot(1);
        System.out.printf("TOTAL packets=%d pcapDrops=%d ifDrops=%d%n",
                m.total(TrafficClass.ENCRYPTED).packets() + m.total(TrafficClass.LOCAL_PLAINTEXT).packets()
                + m.total(TrafficClass.LEAK).packets(), m.pcapDrops(), m.ifDrops());
    }
}
