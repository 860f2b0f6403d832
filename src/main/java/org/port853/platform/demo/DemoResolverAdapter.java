package org.port853.platform.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.ApplyDescription;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.PendingChange;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.platform.ApplyResult;
import org.port853.platform.FileChange;
import org.port853.platform.OutsideEncryption;
import org.port853.platform.Plan;
import org.port853.platform.SettingsExporter;
import org.port853.platform.Steps;
import org.port853.core.PlatformDetails;
import org.port853.platform.ResolverAdapter;

/**
 * A simulated systemd-resolved for {@code --demo}: a sample machine whose Wi-Fi link hands out a router's
 * plaintext DNS with the default route (so queries leak), and an apply/revert that only changes this
 * object. Nothing on the real machine is read or written; every action it reports says "demo".
 */
public final class DemoResolverAdapter implements ResolverAdapter {
    /** A result that needs no reason. */
    private static final Sentence NO_REASON = new Sentence(null, null);
    /** The demo machine's platform facts, for the window; not a real Linux system's. */
    private static PlatformDetails details(String ourDropIn) {
        return new PlatformDetails() {
            @Override
            public String platformId() {
                return "demo";
            }

            @Override
            public String versionText() {
                return "systemd 252";
            }

            @Override
            public ResolvConfState resolverFile() {
                return new ResolvConfState(ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                        List.of("127.0.0.53"));
            }

            /** The sample machine's opportunistic mode comes from its main resolved.conf until Port853 writes its own. */
            @Override
            public String encryptionSetOutside() {
                return ourDropIn != null ? null : "/etc/systemd/resolved.conf";
            }

            @Override
            public org.port853.core.SettingElsewhere encryptionAfterRevert() {
                return new org.port853.core.SettingElsewhere("/etc/systemd/resolved.conf", "opportunistic");
            }

            @Override
            public DnssecMode ownDnssec() {
                return ourDropIn == null ? null : ourDropIn.lines().filter(l -> l.startsWith("DNSSEC=")).findFirst()
                        .map(l -> DnssecMode.parse(l.substring("DNSSEC=".length()))).orElse(null);
            }
        };
    }

    public static final String DROP_IN = "/etc/systemd/resolved.conf.d/zz-port853.conf";
    private final Duration delay;
    private GlobalState global;
    private String dropIn;
    private PendingChange pending;
    private final GlobalState initialGlobal;

    public DemoResolverAdapter() {
        this(Duration.ofMillis(1200), false);
    }

    /** @param withPendingChange start with an interrupted change, to show the recover flow */
    public DemoResolverAdapter(Duration delay, boolean withPendingChange) {
        this.delay = delay;
        this.global = new GlobalState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
                List.of(), ServerAddress.parse("9.9.9.9#dns.quad9.net"), DotMode.OPPORTUNISTIC,
                DnssecMode.ALLOW_DOWNGRADE, true, List.of(), "yes", "stub");
        this.initialGlobal = global;
        this.dropIn = null;
        this.pending = withPendingChange ? new PendingChange("demo-1", Instant.now().minusSeconds(600),
                new ApplyDescription(ApplyDescription.DOT, DotMode.STRICT, 2).text()) : null;
    }

    @Override
    public String id() {
        return "demo";
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public synchronized ResolverState readState() {
        List<LinkState> links = List.of(
                new LinkState(2, "wlan0", List.of(ServerAddress.parse("192.168.1.1")), DotMode.OFF, null,
                        List.of(new DomainEntry("home.arpa", false)), true, ServerAddress.parse("192.168.1.1")),
                new LinkState(3, "eth0", List.of(), null, null, List.of(), false, null),
                new LinkState(5, "tun0", List.of(ServerAddress.parse("10.8.0.1")), null, null,
                        List.of(new DomainEntry("corp.example", true)), false, null));
        return new ResolverState("systemd-resolved (demo)", StateSource.DEMO, true, true, global, links, pending, null,
                details(dropIn));
    }

    @Override
    public synchronized Plan plan(DesiredSettings desired, ResolverState current) {
        String after = desired.isOff() ? null : render(desired);
        boolean strict = desired.mode() == DotMode.STRICT;
        FileChange change = new FileChange(DROP_IN, dropIn, after);
        // like the real planner: no restart and no health check when no file changes
        Steps actions = new Steps();
        if (change.changes()) {
            actions.add("(demo) systemctl restart systemd-resolved.service", "demo.plan.restart")
                    .add("(demo) health check: resolve a name through resolved"
                            + (strict ? " and require an encrypted answer" : ""), "demo.plan.health-check", strict ? 1 : 0);
        }
        return new Plan(List.of(change), actions).withItemKind("dropIn");
    }

    /** The very bytes the real systemd-resolved adapter would write (its "resolved" export format). */
    static String render(DesiredSettings d) {
        return SettingsExporter.find("resolved").map(e -> e.managed(d))
                .orElse("# (demo) no drop-in renderer is available\n");
    }

    /** When an applied change made the demo leak-free (strict, every domain routed); null while it is not. */
    private volatile java.time.Instant protectedSince;

    public java.time.Instant protectedSince() {
        return protectedSince;
    }

    @Override
    public ApplyResult apply(DesiredSettings desired) {
        long t0 = System.nanoTime();
        sleep();
        synchronized (this) {
            String after = render(desired);
            if (after.equals(dropIn) && pending == null) {
                return result(ApplyResult.Outcome.UNCHANGED, NO_REASON, t0, false);
            }
            dropIn = after;
            global = new GlobalState(desired.servers(), List.of(), desired.servers().get(0), desired.mode(),
                    desired.dnssec() == null ? initialGlobal.dnssec() : desired.dnssec(), true, desired.routeAllDomains() ? List.of(new DomainEntry(".", true)) : List.of(),
                    "yes", "stub");
            pending = null;
            protectedSince = desired.mode() == DotMode.STRICT && desired.routeAllDomains()
                    ? java.time.Instant.now() : null;
            return result(ApplyResult.Outcome.APPLIED, NO_REASON, t0, desired.mode() == DotMode.STRICT);
        }
    }

    @Override
    public ApplyResult revert() {
        long t0 = System.nanoTime();
        sleep();
        ApplyResult r;
        synchronized (this) {
            if (dropIn == null && pending == null) {
                r = result(ApplyResult.Outcome.UNCHANGED, Sentence.of(
                        "nothing to revert: Port853's changes are not in place", ApplyResult.NOTHING_TO_REVERT), t0, false);
            } else {
                dropIn = null;
                global = initialGlobal;
                protectedSince = null;
                pending = null;
                r = result(ApplyResult.Outcome.REVERTED, NO_REASON, t0, false);
            }
        }
        return OutsideEncryption.afterRevert(r, readState());
    }

    @Override
    public ApplyResult harden(boolean on) {
        return ApplyResult.of(ApplyResult.Outcome.PLANNED, Sentence.of(
                "Demo: nothing was changed (the firewall rule is only simulated).", "demo.harden"));
    }

    @Override
    public ApplyResult recover() {
        long t0 = System.nanoTime();
        sleep();
        synchronized (this) {
            pending = null;
            return result(ApplyResult.Outcome.ROLLED_BACK, Sentence.of(
                    "(demo) the interrupted change did not pass the health check: the server's certificate "
                            + "does not match its name; the files from before it were restored", "demo.recovered"), t0, false);
        }
    }

    private ApplyResult result(ApplyResult.Outcome o, Sentence reason, long t0, boolean verified) {
        Steps actions = new Steps(); // unchanged: nothing was done
        if (o != ApplyResult.Outcome.UNCHANGED) {
            if (dropIn == null) {
                actions.add("(demo) removed " + DROP_IN, "demo.step.removed", DROP_IN);
            } else {
                actions.add("(demo) wrote " + DROP_IN, "demo.step.wrote", DROP_IN);
            }
            actions.add("(demo) restarted systemd-resolved", "demo.step.restarted")
                    .add("(demo) health check", "demo.step.health-check");
        }
        return new ApplyResult(o, reason, new ApplyResult.Item("dropIn", DROP_IN, dropIn), actions, verified,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private void sleep() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
