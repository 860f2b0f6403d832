package org.port853.platform.linux;

import java.io.IOException;
import org.port853.core.DesiredSettings;
import org.port853.core.GlobalState;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.StubListenerAdvice;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.OperatingSystem;
import org.port853.platform.OutsideEncryption;
import org.port853.platform.Plan;
import org.port853.platform.PlatformRules;
import org.port853.platform.ResolverAdapter;

/** systemd-resolved: reads over D-Bus, writes one drop-in through the privileged helper. */
public final class SystemdResolvedAdapter implements ResolverAdapter {
    private static final PlatformRules RULES = new LinuxRules();
    private final LinuxPaths paths;
    private final ResolvedStateReader reader;
    private final ResolvedPlanner planner;
    private final PrivilegedClient privileged;
    private final HelperChannel helper;

    public SystemdResolvedAdapter() {
        this(LinuxPaths.system(), new PrivilegedClient());
    }

    SystemdResolvedAdapter(LinuxPaths paths, PrivilegedClient privileged) {
        this(paths, privileged, request -> privileged.send(request)); // not privileged::send: null where nothing is sent
    }

    /** @param helper answers the helper's requests in place of {@code privileged} (tests: no helper runs) */
    SystemdResolvedAdapter(LinuxPaths paths, PrivilegedClient privileged, HelperChannel helper) {
        this.paths = paths;
        this.reader = new ResolvedStateReader(paths, true);
        this.planner = new ResolvedPlanner(paths);
        this.privileged = privileged;
        this.helper = helper;
    }

    /** Where the adapter's requests to the privileged helper go. */
    interface HelperChannel {
        ApplyResult send(HelperRequest request) throws IOException;
    }

    @Override
    public String id() {
        return ResolvedStateReader.NAME;
    }

    /**
     * Every Linux: where systemd-resolved is missing, the state says so and the Linux rules tell how to install
     * it (that advice belongs to Linux only).
     */
    @Override
    public boolean isSupported() {
        return OperatingSystem.isLinux();
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public PlatformRules rules() {
        return RULES;
    }

    @Override
    public org.port853.core.Sentence cannotChange() {
        return org.port853.core.Privileges.isRoot() ? null : privileged.unavailable().orElse(null);
    }

    @Override
    public ResolverState readState() {
        return reader.read();
    }

    private static final java.time.Duration LOOKUP_TIMEOUT = java.time.Duration.ofSeconds(3);

    /** A lookup past resolved's cache over D-Bus; its reply flags (248+) say whether it travelled encrypted. */
    @Override
    public java.util.Optional<org.port853.platform.LookupTransport> freshLookupTransport() {
        ResolvedFeatures features = new ResolvedFeatures(reader.systemdVersion());
        if (!features.transportFlags()) {
            return java.util.Optional.empty();
        }
        return onBus(resolve -> FreshLookup.pastCacheOnly(features, resolve)).flatMap(l -> l)
                .filter(l -> l.answered() && (l.flags() & Resolve1.FLAG_FROM_NETWORK) != 0)
                .map(l -> new org.port853.platform.LookupTransport(ResolvedStateReader.NAME, LinuxChange.PROBE_NAME,
                        l.confidential()));
    }

    @Override
    public String ownLookupName() {
        return LinuxChange.PROBE_NAME;
    }

    @Override
    public org.port853.platform.OwnLookup ownLookup() {
        ResolvedFeatures features = new ResolvedFeatures(reader.systemdVersion());
        return onBus(resolve -> FreshLookup.ask(features, resolve))
                .map(f -> f.lookup().serverAnswered() ? org.port853.platform.OwnLookup.answered(f.pastCache())
                        : org.port853.platform.OwnLookup.failed(LinuxChange.PROBE_NAME + ": "
                        + (f.lookup().error() == null ? "no answer" : f.lookup().error())))
                .orElse(org.port853.platform.OwnLookup.NOT_ASKED);
    }

    /**
     * What {@code ask} makes of lookups of the probe name over D-Bus (given the request flags); empty when resolved could
     * not be asked: not running (asking could start it by bus activation), no bus.
     */
    private static <T> java.util.Optional<T> onBus(
            java.util.function.Function<java.util.function.LongFunction<ResolvedBus.Lookup>, T> ask) {
        try (ResolvedBus bus = ResolvedBus.connect()) {
            if (!bus.resolvedRunning(LOOKUP_TIMEOUT)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(ask.apply(
                    flags -> bus.resolveHostname(LinuxChange.PROBE_NAME, flags, LOOKUP_TIMEOUT)));
        } catch (org.freedesktop.dbus.exceptions.DBusException | IOException | RuntimeException e) {
            return java.util.Optional.empty(); // dbus-java also throws unchecked ones: a resolver that cannot be asked says nothing
        }
    }

    @Override
    public Plan plan(DesiredSettings desired, ResolverState current) {
        return plan(desired, current, false);
    }

    @Override
    public Plan plan(DesiredSettings desired, ResolverState current, boolean linkResolvConf) {
        LinuxDetails d = current.platform() instanceof LinuxDetails l ? l : LinuxDetails.UNKNOWN;
        if (!d.systemdBooted() && current.installed() && !current.running()) {
            // a container or WSL without systemd: nothing could start the resolver, so a change would only write files
            // and roll them back
            return Plan.refused(org.port853.core.Sentence.of("this system was not started by systemd (a container, or "
                    + "WSL without systemd), so systemd-resolved cannot run here and a change could not take effect; "
                    + "start the system with systemd as its init system first", "refused.not-booted"))
                    .withItemKind("dropIn"); // the documents say "dropIn": null, as for every refusal
        }
        if (d.systemdBooted() && d.resolvedMasked() && !desired.isOff()) {
            // systemctl refuses to enable or start a masked unit: the change would fail half-way and be rolled back
            return Plan.refused(org.port853.core.Sentence.of("systemd-resolved is masked, so it cannot be enabled or "
                    + "started; unmask it first (sudo systemctl unmask systemd-resolved.service)", "refused.masked"))
                    .withItemKind("dropIn");
        }
        int version = d.systemdVersion() > 0 ? d.systemdVersion() : reader.systemdVersion();
        Plan p = planner.plan(desired, version, d.resolvConf() == null ? DropInScanner.scan(paths, version)
                        : d.dropIns(), linkResolvConf, current.global() != null && current.global().stubListenerOff(),
                current.installed() && !current.running(), current.links().stream().flatMap(l -> l.domains().stream())
                        .filter(dom -> !dom.routeOnly()).map(org.port853.core.DomainEntry::name).toList());
        java.util.List<org.port853.core.Sentence> inherited = InheritedStrictNote.notes(desired, current);
        return p.isRefused() || inherited.isEmpty() ? p
                : p.withNotes(java.util.stream.Stream.concat(p.notes().stream(), inherited.stream()).toList());
    }

    @Override
    public ApplyResult apply(DesiredSettings desired) {
        return apply(desired, false);
    }

    @Override
    public ApplyResult apply(DesiredSettings desired, boolean linkResolvConf) {
        return coverage(send(applyRequest(desired, linkResolvConf)));
    }

    /**
     * The link is asked for whenever the user asks for it, also where it is in place already: a rerun after an
     * interrupted apply finds the link that run wrote, and a request without it would make the engine put the old
     * resolv.conf back (items of the interrupted change that a new one does not name go back).
     */
    HelperRequest applyRequest(DesiredSettings desired, boolean linkResolvConf) {
        return HelperRequest.apply(desired, linkResolvConf);
    }

    @Override
    public ApplyResult revert() {
        return OutsideEncryption.afterFinishedRevert(missingResolvConfSaid(send(HelperRequest.of(
                HelperRequest.Action.REVERT))), this::readState);
    }

    /**
     * A revert that put back a missing /etc/resolv.conf (as it was before Port853): "names resolve", which the
     * resolver's own check found, must not hide that most programs cannot resolve names without that file.
     */
    ApplyResult missingResolvConfSaid(ApplyResult r) {
        if (r.outcome() != ApplyResult.Outcome.REVERTED
                || ResolvConfInspector.inspect(paths).kind() != ResolvConfState.Kind.MISSING) {
            return r;
        }
        return r.withNote(Sentence.of("/etc/resolv.conf is missing again, as it was before Port853, so most programs "
                + "cannot resolve names; to fix that, link it to the stub: sudo ln -sf " + LinuxPaths.STUB_RESOLV_CONF
                + " /etc/resolv.conf", "result.resolv-conf-missing-again", LinuxPaths.STUB_RESOLV_CONF));
    }

    @Override
    public ApplyResult harden(boolean on) {
        return send(HelperRequest.of(on ? HelperRequest.Action.HARDEN : HelperRequest.Action.UNHARDEN));
    }

    @Override
    public ApplyResult recover() {
        return afterRecover(send(HelperRequest.of(HelperRequest.Action.RECOVER)));
    }

    ApplyResult afterRecover(ApplyResult r) {
        if (r.outcome() == ApplyResult.Outcome.REVERTED) { // an interrupted revert, finished as revert finishes it
            return OutsideEncryption.afterRecover(missingResolvConfSaid(r), this::readState);
        }
        // a kept change that encrypts claims what its apply claimed, and must not read as complete where that did not
        return r.outcome() == ApplyResult.Outcome.KEPT && r.encryptedVerified() ? bypassedBy(r) : r;
    }

    /** From the drop-in the change wrote, which its result shows. */
    @Override
    public java.util.Optional<DesiredSettings> settingsWritten(ApplyResult r) {
        return r.item() == null || r.item().content() == null ? java.util.Optional.empty()
                : DropInSettings.of(r.item().content());
    }

    @Override
    public ApplyResult recoverAtBoot() {
        return afterRecover(send(HelperRequest.recoverAtBoot()));
    }

    /**
     * A change that works through the stub does not reach programs that read /etc/resolv.conf and find other
     * servers there: then the result must not read as complete (outcome NOT_COVERED, its own exit code).
     */
    private ApplyResult coverage(ApplyResult r) {
        if (r.outcome() != ApplyResult.Outcome.APPLIED && r.outcome() != ApplyResult.Outcome.UNCHANGED) {
            return r;
        }
        return bypassedBy(r);
    }

    /** {@code r}, or {@code r} as NOT_COVERED when /etc/resolv.conf sends programs past the stub. */
    private ApplyResult bypassedBy(ApplyResult r) {
        ResolvConfState rc = ResolvConfInspector.inspect(paths);
        if (rc.bypass().isEmpty()) {
            return r;
        }
        // read after the change: the restart loaded the files, which may have turned the listener off since the plan
        return notCovered(r, rc, StubListenerSetting.off(StubListenerSetting::running,
                DropInScanner.scan(paths, reader.systemdVersion())));
    }

    /**
     * {@code r} as NOT_COVERED because programs that read {@code rc} bypass the stub. Linking it to the stub is
     * advised only while the stub listener runs: without it, the link would leave those programs without DNS.
     */
    ApplyResult notCovered(ApplyResult r, ResolvConfState rc, boolean stubListenerOff) {
        String file = paths.resolvConf().toString();
        Sentence advice = stubListenerOff ? StubListenerAdvice.of(file)
                : Sentence.of("run apply again with --link-resolv-conf to point it at the stub", "result.not-covered.link");
        String before = rc.beforeTheLink(file); // a rewriter to stop, or what no link replaces (a directory, a pipe)
        if (!before.isEmpty()) {
            advice = Sentence.of(before + advice.english(), rc.kind() == ResolvConfState.Kind.CHANGING
                    ? "result.not-covered.changing" : rc.kind() == ResolvConfState.Kind.DIRECTORY
                    ? "result.not-covered.directory" : "result.not-covered.special", file, advice);
        }
        return r.with(ApplyResult.Outcome.NOT_COVERED, Sentence.of(r.reason() + ", but " + rc.bypass().orElseThrow()
                + ", so " + rc.missedByText() + "; " + advice.english(),
                "result.not-covered", ResolvConfInspector.bypassKind(rc), String.join(", ", rc.nameservers()),
                ResolvConfInspector.bypassKind(rc) == 2 && !rc.nameservers().isEmpty() ? 1 : 0, advice,
                rc.missedBy()));
    }

    private ApplyResult send(HelperRequest r) {
        ApplyResult result;
        try {
            result = helper.send(r);
        } catch (IOException e) {
            result = ApplyResult.of(ApplyResult.Outcome.FAILED, e.getMessage());
        } finally {
            DowngradeObserver.forget(); // resolved restarted: it tries TLS afresh, so a fallback seen before says nothing
        }
        // The documented --json result always has "dropIn" on Linux, with nulls when nothing was written.
        return result.item() == null ? result.withItem(LinuxChange.noDropIn()) : result;
    }
}
