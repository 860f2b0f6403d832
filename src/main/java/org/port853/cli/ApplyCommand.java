package org.port853.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.StubListenerAdvice;
import org.port853.core.SystemDnssec;
import org.port853.helper.UninterruptedChange;
import org.port853.platform.ApplyResult;
import org.port853.probe.doctor.RollbackCause;
import org.port853.platform.Plan;
import org.port853.platform.ResolverAdapter;
import org.port853.probe.pins.ServerPins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true, description = "Switch the system resolver to DNS-over-TLS: plan, write, restart, health check, roll back on failure.",
        footer = {"", "Exit codes: 0 applied, unchanged or planned (--dry-run); 1 failed, refused or rolled back; 2 bad "
                + "input; 3 applied but not covering everything (programs reading a static /etc/resolv.conf bypass it, "
                + "encryption was asked for but the check's answer came without it, or a server in use showed a key "
                + "other than its recorded pin); " + ExitCodes.STOPPED_HELP, "", "With --dry-run, " + DemoCommands.HELP})
final class ApplyCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--dry-run", description = "Show the plan (the drop-in diff and actions) and change nothing.")
    boolean dryRun;

    @Option(names = "--link-resolv-conf", description = "Also point /etc/resolv.conf at the stub resolver if it does not.")
    boolean linkResolvConf;

    @Option(names = "--json", description = "Print the stable JSON document.")
    boolean json;

    ApplyCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        DesiredSettings asked = settings.toSettings(services.catalog().get());
        settings.warnOfUnbracketedPorts(spec);
        ResolverAdapter adapter = services.adapter().get();
        if (linkResolvConf && !adapter.hasResolverFile()) {
            throw new InvalidInputException("--link-resolv-conf is for Linux: Windows has no /etc/resolv.conf");
        }
        adapter.inputRefusal(asked).ifPresent(r -> {
            throw new InvalidInputException(r.english());
        });
        ResolverState state = adapter.readState();
        DesiredSettings desired = SystemDnssec.keptIn(asked, state); // as the window: an earlier --dnssec stays
        Plan plan = adapter.plan(desired, state, linkResolvConf);
        PrintWriter out = spec.commandLine().getOut();
        if (plan.isRefused() || dryRun) {
            ApplyResult r = dryRunResult(plan);
            if (json) {
                ObjectNode doc = Json.result(r, plan);
                DoctorJson.chosenPins(doc, ServerPins.Result.NONE); // nothing was put in place, so no pins: []
                out.println(Json.write(doc));
            } else if (plan.isRefused()) {
                spec.commandLine().getErr().println(Port853Command.prefix(spec) + "refused: " + org.port853.platform.RootAdvice.forThisUser(plan.refusal()) + ".");
            } else {
                out.print(plan.changesNothing() ? "No change: the settings are already in place.\n"
                        : plan.changesFiles() ? plan.diff() : "No file changes: the settings are already in place.\n");
                plan.actions().forEach(a -> out.println("* " + a));
                if (!plan.changesNothing()) {
                    out.println("Dry run: nothing was changed.");
                }
            }
            if (!plan.isRefused()) {
                notes(plan);
            }
            if (!plan.isRefused() && !linkResolvConf) {
                notCoveredNote(state);
            }
            if (!plan.isRefused()) {
                ChangeInProgressNotice.sayIfInterrupted(spec, state, true);
            }
            return plan.isRefused() ? ExitCodes.FAILED : ExitCodes.OK;
        }
        ChangeInProgressNotice.sayIfBusy(spec, () -> state);
        ChangeInProgressNotice.sayIfInterrupted(spec, state, false);
        ApplyResult r = adapter.apply(desired, linkResolvConf);
        // the state the change left, read once and only when something below needs it
        ResolverState[] read = new ResolverState[1];
        java.util.function.Supplier<ResolverState> after = () -> read[0] != null ? read[0]
                : (read[0] = adapter.readState());
        boolean probe = mayProbe(services);
        ServerPins.Result pins = !probe ? ServerPins.Result.NONE
                : services.pins().apply(services.catalog().get()).afterChange(r, desired,
                ServerPins.serversInUse(r) ? ServerPins.currentServer(after) : null);
        RollbackCause.Probed probed = probe ? rollbackCause(services, r, desired, after) : null;
        Results.print(spec.commandLine(), r, json, plan, pins, probed);
        if (ServerPins.serversInUse(r)) {
            notes(plan);
        }
        sayIfNotEncrypted(spec, r, desired, after);
        return ExitCodes.ofApply(r, desired, pins);
    }

    /**
     * The "not encrypted" line on stderr when {@code r}, a change towards {@code desired}, is in place but its check was
     * answered without encryption: where the plaintext answer probably came from, from the state it left.
     */
    static void sayIfNotEncrypted(CommandSpec spec, ApplyResult r, DesiredSettings desired,
                                  java.util.function.Supplier<ResolverState> after) {
        if (!r.encryptionUnproven(desired)) {
            return;
        }
        org.port853.core.LinkState plainLink = plaintextLink(after.get());
        spec.commandLine().getErr().println(Port853Command.prefix(spec) + "not encrypted: the change is in place, "
                + "but " + (plainLink != null && plainLink.neverUsesTls() ? linkTakesNames(plainLink)
                : "the check's answer did not come over an encrypted connection"
                + likelySource(plainLink, desired.mode())));
    }

    /** The servers may be probed after a change: there is a pin store, and no Ctrl-C (then only the outcome). */
    static boolean mayProbe(CliServices services) {
        return services.pins() != null && !UninterruptedChange.stopAsked();
    }

    /**
     * What the probe of the servers of {@code r}, a change towards {@code desired} that was rolled back, found: why, when
     * its servers (or DNSSEC) are the cause (the "Why:" line), and which of them answered; null where it {@link
     * RollbackCause#applies does not apply}. {@code after}: the state the change left.
     */
    static RollbackCause.Probed rollbackCause(CliServices services, ApplyResult r, DesiredSettings desired,
                                              java.util.function.Supplier<ResolverState> after) {
        return RollbackCause.applies(r, desired) ? services.pins().apply(services.catalog().get()).rollbackCause()
                .probed(r, desired, dnssecAfterOurs(after.get())) : null;
    }

    /** The file read after Port853's settings that sets DNSSEC= in state {@code s}; null: none. */
    private static org.port853.core.SettingElsewhere dnssecAfterOurs(ResolverState s) {
        return s.platform() == null ? null : s.platform().settingAfterOurs("DNSSEC");
    }

    /**
     * A link that is never asked over TLS takes the names no routing domain claims beside the encrypted servers: each
     * such query leaves there in plaintext, whichever server answered the check.
     */
    private static String linkTakesNames(org.port853.core.LinkState link) {
        return "link " + link.name() + " has its own DNS server (" + link.servers().get(0).addressText() + ") that is "
                + "never asked over TLS and takes names beside the encrypted servers, so each of them also leaves in "
                + "plaintext; --all-domains sends every name to the encrypted servers. Check with 'port853 verify' (it "
                + "captures the traffic).";
    }

    /**
     * Where the unencrypted answer probably came from and what to do: opportunistic mode's fallback (on a link's own
     * server that takes names too, or on the way to the encrypted servers) or a failing TLS connection.
     */
    private static String likelySource(org.port853.core.LinkState plainLink, DotMode mode) {
        // a link in opportunistic mode with the default route: its own server (a router's) falls back there too
        String where = plainLink == null ? "" : ", on link " + plainLink.name() + "'s own DNS server ("
                + plainLink.servers().get(0).addressText() + "), which takes names beside the encrypted servers and "
                + "answers in plaintext when it does not speak DNS-over-TLS (--all-domains sends every name to the "
                + "encrypted servers), or on the way to the encrypted servers";
        return (mode == DotMode.OPPORTUNISTIC ? ", so opportunistic mode is probably using its plaintext fallback"
                + where : "") + ". Check with 'port853 verify' (it captures the traffic); 'port853 doctor' says why TLS "
                + "fails; strict mode (--mode strict) never falls back to plaintext.";
    }

    /**
     * A link whose own DNS servers are not asked over strict TLS and take the names no routing domain claims: where a
     * plaintext answer comes from, rather than the global servers' path (one that never uses TLS first); null when none.
     */
    private static org.port853.core.LinkState plaintextLink(ResolverState state) {
        org.port853.core.UnclaimedNames unclaimed = org.port853.core.UnclaimedNames.in(state);
        return state.global() == null ? null : state.links().stream().filter(unclaimed::mayLeaveInPlaintext)
                .min(java.util.Comparator.comparing(l -> !l.neverUsesTls())).orElse(null);
    }

    /** The plan's notes, one "note:" line each (with --json too: they are its "notes"). */
    private void notes(Plan plan) {
        plan.notes().forEach(n -> spec.commandLine().getErr().println(Port853Command.prefix(spec) + "note: "
                + org.port853.core.Sentence.ended(org.port853.platform.RootAdvice.forThisUser(n.english()))));
    }

    /**
     * What a dry run cannot show in its plan: the real apply would end NOT_COVERED (exit 3) because of resolv.conf.
     * --link-resolv-conf is advised only while resolved's stub listener runs (the plan refuses it otherwise).
     */
    private void notCoveredNote(ResolverState state) {
        ResolvConfState file = state.platform().resolverFile();
        boolean stubOff = state.global() != null && state.global().stubListenerOff();
        (file == null ? java.util.Optional.<String>empty() : file.bypass()).ifPresent(why ->
                spec.commandLine().getErr().println(Port853Command.prefix(spec) + "note: " + why + ", so "
                        + file.missedByText() + ": applied as planned, it ends NOT_COVERED (exit " + ExitCodes.NOT_COVERED + "); "
                        + file.beforeTheLink("/etc/resolv.conf")
                        + (stubOff ? StubListenerAdvice.of("/etc/resolv.conf").english()
                        : "add --link-resolv-conf to point it at the stub") + "."));
    }

    /** A dry run reports the planned change (PLANNED), never APPLIED: nothing was changed. */
    private static ApplyResult dryRunResult(Plan plan) {
        ApplyResult.Item item = plan.itemKind() == null ? null : plan.files().isEmpty()
                ? new ApplyResult.Item(plan.itemKind(), null, null)
                : new ApplyResult.Item(plan.itemKind(), plan.files().get(0).path(), plan.files().get(0).after());
        return new ApplyResult(plan.isRefused() ? ApplyResult.Outcome.REFUSED : plan.changesNothing()
                ? ApplyResult.Outcome.UNCHANGED : ApplyResult.Outcome.PLANNED, plan.isRefused() ? plan.refusal()
                : "dry run: nothing was changed", item, plan.actions(), false, java.time.Duration.ZERO);
    }
}
