package org.port853.bench;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.port853.probe.dot.CertificateInspector;
import org.port853.probe.dot.DotConnection;
import org.port853.probe.dot.TrustAnchors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Handshake + first answer: Port853's probe (new connection, certificate check, one query) against
 * {@code kdig +tls} on the same server, alternating, in the same run. kdig is timed as a whole process (its
 * start is part of what a user waits for); the JVM's start and the first, unwarmed probe are reported apart.
 * Usage: DotProbeBench SERVER_IP TLS_NAME CA_FILE RUNS
 */
public final class DotProbeBench {
    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        InetAddress ip = InetAddress.getByName(args[0]);
        String name = args[1];
        Path ca = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        CertificateInspector inspector = new CertificateInspector(TrustAnchors.fromPem(ca));
        double first = probe(ip, name, inspector);
        System.out.printf("jvm start to main: %d ms; first probe in a fresh JVM: %.1f ms%n", mainAt - jvmStart, first);
        for (int i = 0; i < 20; i++) {
            probe(ip, name, inspector); // warm-up: JIT and TLS classes, not measured
        }
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> theirsOwn = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ours.add(probe(ip, name, inspector));
            double[] k = kdig(args[0], name, args[2]);
            theirs.add(k[0]);
            theirsOwn.add(k[1]);
        }
        List<Double> startOnly = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            new ProcessBuilder("kdig", "-V").redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            startOnly.add((System.nanoTime() - t0) / 1e6);
        }
        double o = median(ours);
        double t = median(theirs);
        System.out.printf("median of %d: probe %.2f ms, kdig +tls %.2f ms, ratio probe/kdig = %.2f%n", runs, o, t, o / t);
        System.out.printf("kdig -V (process start, no network): median %.2f ms; kdig network part about %.2f ms, "
                + "ratio probe/that = %.2f%n", median(startOnly), t - median(startOnly), o / (t - median(startOnly)));
        System.out.printf("kdig's own time (\"in X ms\": connect, handshake, query, answer; no process start): median "
                + "%.2f ms, ratio probe/that = %.2f%n", median(theirsOwn), o / median(theirsOwn));
        System.out.printf("p90: probe %.2f ms, kdig %.2f ms, kdig's own %.2f ms%n", p90(ours), p90(theirs), p90(theirsOwn));
    }

    static double probe(InetAddress ip, String name, CertificateInspector inspector) throws Exception {
        long t0 = System.nanoTime();
        try (DotConnection c = DotConnection.open(new InetSocketAddress(ip, 853), name, Duration.ofSeconds(5))) {
            var report = inspector.inspect(c.chain(), name, ip, Instant.now());
            if (!report.trusted() || !report.nameMatches()) {
                throw new IllegalStateException("the bench server must have a good certificate");
            }
            Message answer = c.exchange(Message.newQuery(Record.newRecord(Name.fromString("host.test."), Type.A, DClass.IN)));
            if (answer.getRcode() != 0) {
                throw new IllegalStateException("no answer: rcode " + answer.getRcode());
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static final java.util.regex.Pattern KDIG_TIME = java.util.regex.Pattern.compile("\\(TCP\\) in ([0-9.]+) ms");

    /** kdig as a whole process, and the time kdig reports itself (from its connect to the answer). */
    static double[] kdig(String ip, String name, String ca) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("kdig", "+tls", "+tls-ca=" + ca, "+tls-hostname=" + name, "+retry=0", "@" + ip,
                "host.test", "A").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("kdig failed: " + out);
        }
        double whole = (System.nanoTime() - t0) / 1e6;
        java.util.regex.Matcher m = KDIG_TIME.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("kdig printed no time: " + out);
        }
        return new double[] {whole, Double.parseDouble(m.group(1))};
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get((s.size() - 1) / 2);
    }

    static double p90(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get((int) Math.ceil(0.9 * s.size()) - 1);
    }
}
