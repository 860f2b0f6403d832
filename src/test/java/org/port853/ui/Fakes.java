package org.port853.ui;

import org.port853.platform.linux.LinuxDetails;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.port853.capture.CaptureListener;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.PendingChange;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.platform.ApplyResult;
import org.port853.platform.FileChange;
import org.port853.platform.Plan;
import org.port853.platform.ResolverAdapter;
import org.port853.probe.QueryOutcome;
import org.port853.probe.QuerySender;
import org.port853.ui.common.Notifier;
import org.port853.ui.providers.ProviderSource;

/** Doubles for the system edge only: resolver adapter, capture session, probe, notifier. */
final class Fakes {
    private Fakes() {
    }

    static ResolverState plaintextState(PendingChange pending) {
        GlobalState g = new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(), "yes", "stub");
        return state(g, pending);
    }

    static ResolverState strictState(List<ServerAddress> servers, boolean routeAll) {
        GlobalState g = new GlobalState(servers, List.of(), servers.get(0), DotMode.STRICT, DnssecMode.NO, true,
                routeAll ? List.of(new DomainEntry(".", true)) : List.of(), "yes", "stub");
        return state(g, null);
    }

    static ResolverState state(GlobalState g, PendingChange pending) {
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(new LinkState(2, "wlan0", List.of(ServerAddress.parse("192.168.1.1")), null, null, List.of(),
                        true, null)), pending, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of()));
    }

    static ResolverState unavailableState() {
        return new ResolverState("systemd-resolved", StateSource.NONE, false, false, null, List.of(), null, "systemd-resolved is not installed",
                new LinuxDetails(0, null, List.of()));
    }

    /** A resolver whose apply and revert change its state like the real one would (or fail as told). */
    static class FakeAdapter implements ResolverAdapter {
        volatile org.port853.platform.PlatformRules rules = new org.port853.platform.linux.LinuxRules();
        /** What the resolver's own lookup of a name says (null: answered), and how often it was asked. */
        volatile String lookupFails;
        final java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();

        /** The name the resolver's own lookup asks for (null: none), and what runs while it is asked. */
        volatile String ownLookupName;
        /** Whether the resolver's own lookup skips its cache (systemd 248 and later), so an answer is its servers'. */
        volatile boolean pastCache = true;
        volatile Runnable duringLookup = () -> { };

        @Override
        public org.port853.platform.OwnLookup ownLookup() {
            lookups.incrementAndGet();
            duringLookup.run();
            return lookupFails == null ? org.port853.platform.OwnLookup.answered(pastCache)
                    : org.port853.platform.OwnLookup.failed(lookupFails);
        }

        @Override
        public String ownLookupName() {
            return ownLookupName;
        }

        @Override
        public org.port853.platform.PlatformRules rules() {
            return rules;
        }

        volatile ResolverState state;
        volatile ApplyResult nextApply;
        volatile ApplyResult nextRevert;
        /** What a revert leaves (null: a plaintext system). */
        volatile ResolverState stateAfterRevert;
        final List<DesiredSettings> applied = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        /** What the next plans are (a real planner's), instead of the fake's own; null: the fake's own. */
        volatile Plan nextPlan;
        /** The linkResolverFile flag of every plan / apply call, in order (false for the two-argument forms). */
        final List<Boolean> planLinks = new CopyOnWriteArrayList<>();
        final List<Boolean> applyLinks = new CopyOnWriteArrayList<>();
        /** The state every plan was built against. */
        final List<ResolverState> plannedAgainst = new CopyOnWriteArrayList<>();
        volatile long delayMs = 150;
        /** What the resolver itself says of a fresh lookup's transport. */
        volatile java.util.Optional<org.port853.platform.LookupTransport> lookupTransport = java.util.Optional.empty();

        @Override
        public java.util.Optional<org.port853.platform.LookupTransport> freshLookupTransport() {
            calls.add("freshLookupTransport");
            return lookupTransport;
        }

        /** While set, reading the state throws it. */
        volatile RuntimeException readFailure;
        /** While set, reading the state waits until it is opened (a resolver slow to answer). */
        volatile java.util.concurrent.CountDownLatch readGate;

        private void awaitGate() {
            java.util.concurrent.CountDownLatch gate = readGate;
            try {
                if (gate != null && !gate.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the read gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        /** Why this process cannot make changes (null: it can). */
        volatile org.port853.core.Sentence cannotChange;

        @Override
        public org.port853.core.Sentence cannotChange() {
            return cannotChange;
        }

        FakeAdapter(ResolverState initial) {
            state = initial;
        }

        @Override public String id() { return "fake"; }
        @Override public boolean isSupported() { return true; }

        @Override
        public ResolverState readState() {
            calls.add("readState");
            awaitGate();
            if (readFailure != null) {
                throw readFailure;
            }
            return state;
        }

        @Override
        public Plan plan(DesiredSettings desired, ResolverState current) {
            return plan(desired, current, false);
        }

        @Override
        public Plan plan(DesiredSettings desired, ResolverState current, boolean linkResolverFile) {
            calls.add("plan");
            planLinks.add(linkResolverFile);
            plannedAgainst.add(current);
            if (nextPlan != null) {
                return nextPlan;
            }
            String after = desired.isOff() ? null : "[Resolve]\nDNS=\nDNS=" + desired.servers().get(0).toResolvedSyntax()
                    + "\nDNSOverTLS=" + desired.mode().resolvedValue() + "\n";
            return new Plan(List.of(new FileChange("/etc/systemd/resolved.conf.d/zz-port853.conf",
                    desired.isOff() ? "[Resolve]\nDNSOverTLS=yes\n" : null, after)),
                    List.of("systemctl restart systemd-resolved.service"), null);
        }

        @Override
        public ApplyResult apply(DesiredSettings desired) {
            return apply(desired, false);
        }

        @Override
        public ApplyResult apply(DesiredSettings desired, boolean linkResolverFile) {
            calls.add("apply");
            applyLinks.add(linkResolverFile);
            sleep();
            applied.add(desired);
            ApplyResult r = nextApply;
            if (r != null) {
                return r;
            }
            state = strictState(desired.servers(), desired.routeAllDomains());
            return new ApplyResult(ApplyResult.Outcome.APPLIED, null, new ApplyResult.Item("dropIn", "/x", ""), List.of(), true, Duration.ofMillis(delayMs));
        }

        @Override
        public ApplyResult revert() {
            calls.add("revert");
            sleep();
            state = stateAfterRevert != null ? stateAfterRevert : plaintextState(null);
            if (nextRevert != null) {
                return nextRevert;
            }
            return new ApplyResult(ApplyResult.Outcome.REVERTED, null, null, List.of(), false, Duration.ofMillis(delayMs));
        }

        @Override
        public ApplyResult recover() {
            calls.add("recover");
            sleep();
            if (nextRecover != null) {
                return nextRecover;
            }
            state = plaintextState(null);
            return new ApplyResult(ApplyResult.Outcome.ROLLED_BACK, "the interrupted change failed the health check", null, List.of(), false, Duration.ofMillis(delayMs));
        }

        /** What recover returns; null: a rollback to plaintext. */
        volatile ApplyResult nextRecover;

        /** The settings every result's item says were written (null: none). */
        volatile DesiredSettings written;

        @Override
        public java.util.Optional<DesiredSettings> settingsWritten(ApplyResult r) {
            return java.util.Optional.ofNullable(written);
        }

        private void sleep() {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A capture that cannot start (no permission), or one that reports what the test feeds it. */
    static class FakeCapture implements CaptureSession {
        final CaptureUnavailableException failure;
        volatile boolean running;
        final List<LeakRecord> leaks = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        FakeCapture(CaptureUnavailableException failure) {
            this.failure = failure;
        }

        /** Like the real sessions (AbstractCaptureSession): one start per session, even when it failed. */
        @Override
        public void start() throws CaptureUnavailableException {
            if (!started.compareAndSet(false, true)) {
                throw new IllegalStateException("a capture session starts once");
            }
            if (failure != null) throw failure;
            running = true;
        }

        @Override public void stop() { running = false; }
        @Override public boolean isRunning() { return running; }
        @Override public String description() { return "fake capture"; }

        /** Whether it stands for a capture that looks for the leaks' programs (as root, or the capture service). */
        volatile boolean namesPrograms;

        @Override public boolean namesPrograms() { return namesPrograms; }

        /** When set, what {@link #snapshot} returns (a fresh copy each call, as the real sessions make). */
        volatile MeterSnapshot next;

        @Override
        public MeterSnapshot snapshot(int seconds) {
            MeterSnapshot n = next;
            if (n != null) {
                return new MeterSnapshot(n.endEpochSecond(), n.seconds(), n.encryptedPackets().clone(),
                        n.localPlaintextPackets().clone(), n.leakPackets().clone(), n.leakMarkers().clone(), Map.of(),
                        n.pcapDrops(), n.ifDrops(), List.of(), n.plaintext853Packets().clone(),
                        new MeterSnapshot.Queries(n.queries().encrypted().clone(), n.queries().local().clone()));
            }
            long[] z = new long[seconds];
            return new MeterSnapshot(Instant.now().getEpochSecond(), seconds, z, z.clone(), z.clone(), z.clone(), Map.of(), 0, 0);
        }

        /** Leaks cleared away, still counted since start (as the real sessions' ProgramTotals do). */
        private volatile long cleared;

        @Override public List<LeakRecord> recentLeaks(int max) { return List.copyOf(leaks); }
        @Override public long leaksSinceStart() { return cleared + leaks.size(); }

        /** Leaked queries counted but not listed (they came faster than the capture could read them). */
        volatile long notListed;

        @Override public long leaksNotListed() { return notListed; }

        /** The real sessions clear their query counts on the capture thread, at its next frame: until then a
         *  snapshot still holds the seconds before the clear. */
        volatile boolean meterLagsClear;

        @Override
        public synchronized void clear() {
            cleared += leaks.size();
            leaks.clear();
            if (!meterLagsClear) next = null; // the meter starts again
        }
        final List<CaptureListener> listeners = new CopyOnWriteArrayList<>();

        @Override public void addListener(CaptureListener l) { listeners.add(l); }
        @Override public void removeListener(CaptureListener l) { listeners.remove(l); }
        @Override public void close() { stop(); }

        volatile String endReason;

        @Override public String endReason() { return endReason; }

        /** Ends by itself, as a session whose capture service went away (the real ones: finished(reason)). */
        void lose(String reason) {
            endReason = reason;
            running = false;
            listeners.forEach(l -> l.onStopped(reason));
        }
    }

    static final class RecordingNotifier implements Notifier {
        final List<String> shown = new CopyOnWriteArrayList<>();

        @Override
        public void notify(Kind kind, String title, String text) {
            shown.add(kind + ": " + title + ": " + text);
        }
    }

    static final class AnsweringProbe implements QuerySender {
        @Override public String target() { return "127.0.0.53:53"; }

        @Override
        public List<QueryOutcome> send(List<String> names, Duration timeout) {
            List<QueryOutcome> out = new ArrayList<>();
            for (String n : names) out.add(new QueryOutcome(n, true, "NXDOMAIN", Duration.ofMillis(3), null));
            return out;
        }
    }

    static AppServices services(ResolverAdapter adapter, AppServices.CaptureFactory capture, Notifier notifier)
            throws IOException {
        return services(adapter, capture, notifier, AppServices.newExecutor());
    }

    static AppServices services(ResolverAdapter adapter, AppServices.CaptureFactory capture, Notifier notifier,
                                java.util.concurrent.Executor executor) throws IOException {
        return new AppServices(adapter, capture, new AnsweringProbe(), ProviderSource.inMemory(),
                org.port853.core.ScratchFolders.create("port853-ui-test"), executor, notifier, false);
    }

    /** A DNS-over-TLS probe of {@code s} that passes: the handshake, a trusted certificate naming its TLS name. */
    static org.port853.probe.dot.ProbeReport passingProbe(ServerAddress s) {
        String name = s.tlsName();
        org.port853.probe.dot.CertificateReport c = new org.port853.probe.dot.CertificateReport(name, "Lab-CA",
                "Lab-CA", List.of("DNS:" + name), java.time.Instant.EPOCH,
                java.time.Instant.parse("2099-01-01T00:00:00Z"), false, false, true, null, true, name,
                java.util.Base64.getEncoder().encodeToString(new byte[32]));
        return new org.port853.probe.dot.ProbeReport(s, org.port853.probe.dot.TcpOutcome.OK,
                org.port853.probe.dot.TlsOutcome.OK, null, 1.0, 1.0, "TLSv1.3", "X", c, 1.0, List.of(1.0),
                List.of(), 0, "a.test", "NOERROR", List.of(), true, null, null);
    }

    /** A DNS-over-TLS probe of {@code s} whose port 853 did not answer. */
    static org.port853.probe.dot.ProbeReport silentProbe(ServerAddress s) {
        return org.port853.probe.dot.ProbeReport.failed(s, org.port853.probe.dot.TcpOutcome.TIMED_OUT,
                org.port853.probe.dot.TlsOutcome.NOT_ATTEMPTED, "timed out", 3000.0);
    }

    /** The doctor's finding that {@code server}'s port 853 failed ({@code wording}: how). */
    static org.port853.probe.doctor.Check portSilent(ServerAddress server, String wording) {
        return org.port853.probe.doctor.Check.failure("dot.reachable", server.toString(), "TCP " + server.dotEndpoint()
                + " failed.", "Try from another network.").says(wording, server.dotEndpoint());
    }

    /** {@code base} with {@code pins} (the servers' probes) as its pin store. */
    static AppServices withPins(AppServices base, org.port853.probe.pins.ServerPins pins) {
        return new AppServices(base.adapter(), base.capture(), base.probe(), base.providers(), base.configDir(),
                base.executor(), base.notifier(), false, pins);
    }

    /**
     * The worker pool, with a gate: while {@link #hold} is set, submitted work waits in {@link #held} until the
     * test releases it, so a test can see what happens before the work runs and choose the order of work items.
     * Records the threads work ran on.
     */
    static final class GatedExecutor implements java.util.concurrent.Executor {
        private final java.util.concurrent.Executor pool = AppServices.newExecutor();
        volatile boolean hold;
        final List<Runnable> held = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void execute(Runnable r) {
            Runnable recorded = () -> {
                threads.add(Thread.currentThread().getName());
                r.run();
            };
            if (hold) {
                held.add(recorded);
            } else {
                pool.execute(recorded);
            }
        }

        /** Runs the i-th held work item (on the pool) and forgets it. */
        void release(int i) {
            pool.execute(held.remove(i));
        }

        void releaseAll() {
            hold = false;
            while (!held.isEmpty()) {
                release(0);
            }
        }
    }

    /**
     * A small Ethernet pcap: every second one plaintext query from 192.168.1.50 to the router 192.168.1.1
     * (a leak), one to the local stub 127.0.0.53 (local plaintext) and two TCP segments to 9.9.9.9:853.
     */
    static Path writeTestPcap(Path dir, int seconds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer gh = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        gh.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.write(gh.array());
        long t0 = 1_700_000_000L;
        for (int s = 0; s < seconds; s++) {
            record(out, t0 + s, 100_000, udp(new byte[]{(byte) 192, (byte) 168, 1, 50}, new byte[]{(byte) 192, (byte) 168, 1, 1},
                    40000 + s, 53, dnsQuery(s, "leak" + s + ".example.org")));
            record(out, t0 + s, 200_000, udp(new byte[]{127, 0, 0, 1}, new byte[]{127, 0, 0, 53}, 41000 + s, 53,
                    dnsQuery(s + 1000, "stub" + s + ".example.org")));
            for (int k = 0; k < 2; k++) {
                record(out, t0 + s, 300_000 + k, tcp(new byte[]{(byte) 192, (byte) 168, 1, 50}, new byte[]{9, 9, 9, 9}, 42000, 853));
            }
        }
        Path f = dir.resolve("test.pcap");
        Files.write(f, out.toByteArray());
        return f;
    }

    private static void record(ByteArrayOutputStream out, long sec, int usec, byte[] frame) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt((int) sec).putInt(usec).putInt(frame.length).putInt(frame.length);
        out.write(h.array());
        out.write(frame);
    }

    private static byte[] dnsQuery(int id, String name) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (String label : name.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            b.put((byte) l.length).put(l);
        }
        b.put((byte) 0).putShort((short) 1).putShort((short) 1);
        byte[] r = new byte[b.position()];
        b.flip();
        b.get(r);
        return r;
    }

    private static byte[] udp(byte[] src, byte[] dst, int sport, int dport, byte[] payload) {
        ByteBuffer u = ByteBuffer.allocate(8 + payload.length);
        u.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        return ether(ipv4(src, dst, 17, u.array()));
    }

    private static byte[] tcp(byte[] src, byte[] dst, int sport, int dport) {
        ByteBuffer t = ByteBuffer.allocate(20);
        t.putShort((short) sport).putShort((short) dport).putInt(1).putInt(0).put((byte) 0x50).put((byte) 0x18)
                .putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        return ether(ipv4(src, dst, 6, t.array()));
    }

    private static byte[] ipv4(byte[] src, byte[] dst, int proto, byte[] payload) {
        ByteBuffer ip = ByteBuffer.allocate(20 + payload.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) proto).putShort((short) 0).put(src).put(dst);
        int sum = 0;
        byte[] a = ip.array();
        for (int i = 0; i < 20; i += 2) sum += ((a[i] & 0xff) << 8) | (a[i + 1] & 0xff);
        while ((sum >> 16) != 0) sum = (sum & 0xffff) + (sum >> 16);
        ip.putShort(10, (short) ~sum);
        ip.position(20);
        ip.put(payload);
        return ip.array();
    }

    private static byte[] ether(byte[] ip) {
        ByteBuffer e = ByteBuffer.allocate(14 + ip.length);
        e.put(new byte[]{2, 0, 0, 0, 0, 1}).put(new byte[]{2, 0, 0, 0, 0, 2}).putShort((short) 0x0800).put(ip);
        return e.array();
    }
}
