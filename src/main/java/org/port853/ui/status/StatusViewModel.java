package org.port853.ui.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.port853.core.Assessment;
import org.port853.core.DotMode;
import org.port853.core.FixAction;
import org.port853.core.GlobalState;
import org.port853.core.InvalidInputException;
import org.port853.core.LinkState;
import org.port853.core.Provider;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.ResolvConfState;
import org.port853.core.ServerAddress;
import org.port853.probe.pins.ChangedKeys;
import org.port853.ui.AppModel;
import org.port853.ui.LeakEvidence;
import org.port853.ui.traffic.LeakExplainer;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.I18n;
import org.port853.ui.common.ProviderTexts;
import org.port853.ui.common.ProviderNames;

/**
 * The Status screen: one state (from the assessment and what was measured), one primary action, the honest
 * switch, the reasons with their one-click fixes, the active settings and the network links.
 */
public final class StatusViewModel {
    /** One row of the links table: facts only; what they mean is in the assessment's reasons. */
    public record LinkRow(String name, String servers, String dot, String defaultRoute) {
    }

    private final AppModel model;
    private final ApplyViewModel apply;
    private final ReadOnlyObjectWrapper<ProtectionState> state = new ReadOnlyObjectWrapper<>(ProtectionState.READING);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(I18n.t("state.reading"));
    private final ReadOnlyStringWrapper stateDetail = new ReadOnlyStringWrapper(I18n.t("state.reading.detail"));
    private final ReadOnlyStringWrapper showLeaksText = new ReadOnlyStringWrapper(I18n.t("status.showLeaks"));
    private final javafx.beans.property.ReadOnlyBooleanWrapper leakWithoutQuery =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper providers = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper dnssec = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper currentServer = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper resolvConf = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper recoverRefused =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper switchText = new ReadOnlyStringWrapper(I18n.t("switch.reading"));
    /** The switch's name: what it turns on here (DNS-over-TLS, or DNS-over-HTTPS on a Windows build without DoT). */
    private final ReadOnlyStringWrapper switchTitle = new ReadOnlyStringWrapper(I18n.t("status.switch"));
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper blockedCommand = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper protectText = new ReadOnlyStringWrapper("");
    /** A change of the user's that did not take (Protect's own says so in its row), or null. */
    private final ReadOnlyStringWrapper changeFailed = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper protectOffered = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper protectLabel = new ReadOnlyStringWrapper(I18n.t("protect.button"));
    private final ReadOnlyBooleanWrapper protectPlaceKept = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty switchOn = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper switchUsable = new ReadOnlyBooleanWrapper();
    private final ObservableList<ReasonTexts.Text> reasons = FXCollections.observableArrayList();
    private final ObservableList<LinkRow> links = FXCollections.observableArrayList();

    public StatusViewModel(AppModel model, ApplyViewModel apply) {
        this.model = model;
        this.apply = apply;
        model.stateProperty().addListener((o, a, s) -> update());
        model.assessmentProperty().addListener((o, a, s) -> update());
        model.evidence().leakingProperty().addListener((o, a, s) -> update());
        model.evidence().bypassProperty().addListener((o, a, b) -> update());
        model.evidence().resolverLeakProperty().addListener((o, a, b) -> update());
        model.evidence().resolverQueryLeakProperty().addListener((o, a, b) -> update());
        model.changedKeysProperty().addListener((o, a, b) -> update());
        model.evidence().unansweredProperty().addListener((o, a, s) -> update());
        model.chosen().addListener((javafx.collections.ListChangeListener<Provider>) c -> updateProtect());
        // the servers are named by the catalogue: a custom provider renamed or deleted is renamed here too
        model.catalogue().addListener((javafx.collections.ListChangeListener<Provider>) c -> update());
        apply.lastFailureProperty().addListener((o, a, f) -> updateProtect());
        model.tlsFailures().changes().addListener((o, a, b) -> updateProtect());
        model.refreshErrorProperty().addListener((o, a, e) -> updateProtect());
        switchUsable.bind(Bindings.createBooleanBinding(() -> model.stateProperty().get() != null
                && model.blockedProperty().get() == null && !apply.busy(), model.stateProperty(),
                model.blockedProperty(), apply.busyProperty()));
        update();
    }

    /** The assessment saw opportunistic mode fall back to plaintext: the switch says so, not only the reasons. */
    private static boolean fellBack(Assessment a) {
        return a.reasons().stream().anyMatch(r -> r.code().startsWith("DOT_DOWNGRADED"));
    }

    /** Reasons that say names do not resolve, and why: a Verify or a change's check that got no answer adds nothing. */
    private static final List<String> UNANSWERED_SAID = List.of(Reason.NO_SERVERS, "NAMES_UNRESOLVED",
            "DNSSEC_VALIDATION_FAILED");

    private void update() {
        ResolverState s = model.stateProperty().get();
        Assessment read = model.assessmentProperty().get();
        Assessment a = read == null ? null : ChangedKeys.assessed(read, s, model.changedKeysProperty().get());
        LeakEvidence.Unanswered unanswered = model.evidence().unansweredProperty().get();
        ProtectionState st = ProtectionState.of(s == null ? null : a, model.evidence().leakingProperty().get(),
                unanswered != null);
        state.set(st);
        stateText.set(I18n.t("state." + st.key()));
        boolean unreadOnly = st.leaking() && onlyUnreadLeaks();
        leakWithoutQuery.set(unreadOnly);
        stateDetail.set(I18n.t("state." + st.key() + (unreadOnly ? ".unread.detail" : ".detail")));
        // no leaked query to show: Traffic's totals count those packets
        showLeaksText.set(I18n.t(unreadOnly ? "status.showTraffic" : "status.showLeaks"));
        updateProtect();
        if (s != null) {
            switchTitle.set(I18n.t(s.platform().encryptsOverHttps() ? "status.switch.doh" : "status.switch"));
        }
        if (s == null || a == null) {
            return;
        }
        // a switch that cannot be used says why in its own banner; the reasons do not say it a second time
        org.port853.ui.Blocked blocked = model.blockedProperty().get();
        Reason blocking = blocked == null ? null : blocked.reason();
        List<ReasonTexts.Text> texts = new ArrayList<>();
        // what was measured comes first, unless the configuration itself says why nothing answers (no server to ask)
        // or the resolver's own lookup, newer than it, says it with its cause
        if (st == ProtectionState.NOT_WORKING && unanswered != null
                && UNANSWERED_SAID.stream().noneMatch(code -> Reason.anyHas(a.reasons(), code))) {
            texts.add(ReasonTexts.of(unansweredReason(unanswered), s));
        }
        for (Reason r : measuredLeaks()) {
            texts.add(ReasonTexts.of(r, s));
        }
        for (Reason r : a.reasons()) {
            if (r != blocking) texts.add(ReasonTexts.of(r, s));
        }
        if (!texts.equals(reasons)) {
            reasons.setAll(texts); // the view rebuilds its rows on every change, so a re-read that finds the same is none
        }
        // a change another process is making now (a terminal's apply, the boot unit) is no interrupted one to recover:
        // the reasons say it is under way
        pending.set(s.pendingChange() == null || s.pendingChange().inProgress() ? null
                : I18n.t("pending.text", PendingTexts.description(s.pendingChange().description()), s.pendingChange().started() == null ? "?"
                : I18n.dateTime(s.pendingChange().started())));
        recoverRefused.set(a.reasons().stream().anyMatch(StatusViewModel::recoveryWaits));
        String version = ResolverTexts.version(s);
        // an installed resolver that is not running was found: there was just nothing to read from it
        String from = s.installed() && !s.running() ? "source.stopped"
                : s.installed() && !s.readable() ? "source.unreadable"
                : "source." + s.source().jsonName();
        source.set(I18n.t(from, ResolverTexts.name(s)) + (version.isEmpty() ? "" : " · " + version));
        ResolvConfState file = s.platform().resolverFile();
        boolean stubGone = s.resolverFileLeadsNowhere(); // not "all programs go through it"
        // a file of its own that names only the stub's address leads programs to the stub, as a link to it does
        boolean staticToStub = file != null && file.kind() == ResolvConfState.Kind.STATIC && file.pointsOnlyAtStub();
        resolvConf.set(file == null ? "—" : I18n.t("resolvconf." + file.kind().name().toLowerCase(Locale.ROOT)
                + (staticToStub ? ".stub" : "") + (stubGone ? ".stopped" : ""), String.valueOf(file.target()),
                String.join(", ", file.nameservers()), file.target() == null ? 0 : 1, file.nameservers().isEmpty() ? 0 : 1,
                file.specialKind()));
        if (blocked != null) {
            // a reason refuses every change: the switch says why, the state as read stays in view
            String command = blocking == null ? null : model.fixCommand(blocking);
            blockedReason.set(blocking == null ? blocked.message() : blockedText(blocked.text(), command));
            blockedCommand.set(command);
        } else {
            blockedReason.set(null);
            blockedCommand.set(null);
        }
        if (blocked != null && !blocked.stateRead()) {
            providers.set("—");
            mode.set("—");
            dnssec.set("—");
            currentServer.set("—");
            links.clear();
            // a stopped resolver is a state that passes (start it), not "cannot be used here" for good
            switchText.set(s.installed() && !s.running() ? I18n.t("switch.unavailable.stopped", ResolverTexts.name(s))
                    : I18n.t("switch.unavailable"));
            setSwitch(false);
            return;
        }
        var g = s.global();
        providers.set(ProviderNames.describe(g.servers(), model.catalogue(), I18n.t("status.noservers")));
        DotMode dot = model.encryptionOn() ? g.dnsOverTls() : DotMode.OFF;
        mode.set(I18n.t("mode." + (g.dnsOverTls() == null ? "off" : g.dnsOverTls().name().toLowerCase(Locale.ROOT)))
                + (g.routesEverything() ? " · " + I18n.t("status.allDomains") : ""));
        // off, while a connection turns DNS-over-TLS on for its own servers: not "queries leave in plaintext"
        switchText.set(I18n.t("switch." + dot.name().toLowerCase(Locale.ROOT)
                + (dot == DotMode.OPPORTUNISTIC && fellBack(a) ? ".fallback"
                : dot == DotMode.OFF && org.port853.core.Assessor.linksDecide(s) ? ".links" : "")));
        // resolved reports DNSSEC "unsupported" whenever validation is off: only worth saying when it is on
        dnssec.set(g.dnssec() == null ? "—" : g.dnssec() == org.port853.core.DnssecMode.NO ? I18n.t("status.dnssecOff")
                : I18n.t("dnssec." + g.dnssec().name().toLowerCase(Locale.ROOT))
                + (g.dnssecSupported() ? "" : " · " + I18n.t("status.dnssecUnsupported")));
        currentServer.set(currentServers(g, s.links()));
        List<LinkRow> rows = new ArrayList<>();
        org.port853.core.UnclaimedNames unclaimed = org.port853.core.UnclaimedNames.in(s);
        for (LinkState l : s.links()) {
            rows.add(row(l, g, unclaimed));
        }
        links.setAll(rows);
        setSwitch(model.encryptionOn());
    }

    /**
     * The leaks that count now, as reasons: a program's own (settings and Verify do not cover it, so it is named) and
     * one through the resolver or from a program that could not be identified (with its time and where to look; also
     * under a state that outranks Leaking, such as Not working).
     */
    private List<Reason> measuredLeaks() {
        List<Reason> out = new ArrayList<>();
        LeakEvidence.Bypass own = model.evidence().bypassProperty().get();
        if (own != null) {
            out.add(ReasonTexts.windowReason("LEAK_OWN_RESOLVER", org.port853.core.Severity.UNENCRYPTED,
                    List.of(LeakExplainer.programOpening(own.program()), String.valueOf(own.server()),
                            I18n.timeWithSeconds(own.at()), LeakExplainer.programInFix(own.program()))));
        }
        java.time.Instant query = model.evidence().resolverQueryLeakProperty().get();
        java.time.Instant leak = model.evidence().resolverLeakProperty().get();
        if (query != null) {
            out.add(ReasonTexts.windowReason("LEAK_SEEN", org.port853.core.Severity.UNENCRYPTED,
                    List.of(I18n.timeWithSeconds(query))));
        } else if (leak != null) { // only packets on port 53 in which no DNS query was read
            out.add(ReasonTexts.windowReason("LEAK_UNREAD", org.port853.core.Severity.UNENCRYPTED,
                    List.of(I18n.timeWithSeconds(leak))));
        }
        return out;
    }

    /** The leak that counts is only packets on port 53 in which no DNS query was read (e.g. a VPN on port 53). */
    private boolean onlyUnreadLeaks() {
        LeakEvidence e = model.evidence();
        return e.resolverQueryLeakProperty().get() == null && e.bypassProperty().get() == null;
    }

    /** Verify's finding in the assessment's terms, so it is listed and worded like the configuration's reasons. */
    private static Reason unansweredReason(LeakEvidence.Unanswered u) {
        return ReasonTexts.windowReason(u.afterChange() ? "CHANGE_LEFT_UNRESOLVED" : "VERIFY_UNANSWERED",
                org.port853.core.Severity.BROKEN, List.of(String.valueOf(u.queries()), I18n.dateTimeOrTimeToday(u.at())));
    }

    /** The reason, and its fix in words unless the command below the text is the fix. */
    private static String blockedText(ReasonTexts.Text t, String command) {
        return command != null || t.fix() == null || t.fix().isBlank() ? t.message()
                : t.message() + "\n" + I18n.t("reason.fix", t.fix());
    }

    private void updateProtect() {
        ResolverState s = model.stateProperty().get();
        // /etc/resolv.conf is promised only when Protect's change links it
        boolean linksFile = s != null && s.resolverFileNeedsLink();
        OneClickChanges.Change change = protectChange(s);
        boolean inPlace = change != null && OneClickChanges.inPlace(change, s);
        if (inPlace) {
            apply.settingsInPlace(change.settings());
        }
        // the same change just failed: offering it as if new would invite the same failure without a word
        ApplyViewModel.Failure failed = apply.lastFailureProperty().get();
        boolean triedAndFailed = failed != null && change != null && failed.settings().equals(change.settings());
        protectLabel.set(I18n.t(triedAndFailed ? "protect.again" : "protect.button"));
        // any other change that did not take: Status would otherwise look as if nothing had been tried
        changeFailed.set(failed == null || triedAndFailed ? null : I18n.t(failed.rolledBack() ? "status.changeFailed"
                : "status.changeFailed.failed", I18n.dateTimeOrTimeToday(failed.at()),
                org.port853.core.Sentence.ended(failed.cause().isEmpty() ? failed.outcome() : failed.cause())));
        ProtectProviders choice = protectChoice();
        String skipped = choice.skippedText();
        protectText.set(triedAndFailed ? failedText(failed)
                : I18n.t(linksFile ? "protect.detail" : "protect.detail.noResolverFile", providerNames(choice.providers()))
                + (skipped.isEmpty() ? "" : " " + skipped));
        // once the system has what Protect sets, the remaining problem is not Protect's to fix: the reasons say what is
        protectOffered.set(s != null && model.blockedProperty().get() == null && state.get() != ProtectionState.PROTECTED
                && !inPlace);
        protectPlaceKept.set(protectOffered.get() || state.get() == ProtectionState.READING
                && model.refreshErrorProperty().get() == null);
    }

    /**
     * The server the resolver talks to now: the global one, else each link's ("192.168.1.1 (wlan0)": with servers
     * only on a link, the global one stays unset however many queries went out).
     */
    static String currentServers(org.port853.core.GlobalState g, List<LinkState> links) {
        if (g.currentServer() != null) {
            return g.currentServer().toShownSyntax();
        }
        String perLink = links.stream().filter(l -> l.currentServer() != null)
                .map(l -> l.currentServer().toShownSyntax() + " (" + (l.name() == null ? "#" + l.index() : l.name())
                        + ")")
                .collect(Collectors.joining(", "));
        return perLink.isEmpty() ? I18n.t("status.noCurrent") : perLink;
    }

    /** Protect's change for {@code s}; null while it cannot be built (no provider list): its preview explains why. */
    private OneClickChanges.Change protectChange(ResolverState s) {
        try {
            return OneClickChanges.protect(s, protectProviders());
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static String failedText(ApplyViewModel.Failure f) {
        String at = I18n.dateTimeOrTimeToday(f.at());
        // short: what the servers' probe found says most; the whole outcome stays in the change's result
        String why = f.cause().isEmpty() ? f.outcome() : f.cause();
        return I18n.t("protect.failed", at, f.answered().isEmpty() ? why : why + " " + f.answered());
    }

    /** The providers "Protect my DNS" uses ({@link ProtectProviders}). */
    List<Provider> protectProviders() {
        return protectChoice().providers();
    }

    private ProtectProviders protectChoice() {
        return ProtectProviders.of(model.chosen(), ProviderNames.recommended(model.catalogue()), model.tlsFailures());
    }

    private static String providerNames(List<Provider> ps) {
        return ps.stream().map(ProviderTexts::name).collect(Collectors.joining(", "));
    }

    static LinkRow row(LinkState l, GlobalState g, org.port853.core.UnclaimedNames unclaimed) {
        DotMode effective = l.effectiveDotMode(g);
        String dot = l.dnsOverTls() == null
                ? I18n.t("link.dot.unset", I18n.t("mode." + effective.name().toLowerCase(Locale.ROOT)))
                : I18n.t("mode." + l.dnsOverTls().name().toLowerCase(Locale.ROOT));
        return new LinkRow(l.name() == null ? "#" + l.index() : l.name(),
                l.servers().isEmpty() ? "—" : l.servers().stream().map(ServerAddress::toShownSyntax)
                        .collect(Collectors.joining(", ")),
                dot, !l.defaultRoute() ? I18n.t("no") : unclaimed.reach(l) || l.servers()
                        .isEmpty() ? I18n.t("yes") : I18n.t("link.route.unused"));
    }

    private boolean syncing;
    private final javafx.beans.property.ReadOnlyLongWrapper switchSync = new javafx.beans.property.ReadOnlyLongWrapper();

    private void setSwitch(boolean on) {
        syncing = true;
        try {
            switchOn.set(on);
            switchSync.set(switchSync.get() + 1);
        } finally {
            syncing = false;
        }
    }

    /** Ticks whenever the switch must show {@link #switchOnProperty()} again (e.g. after a cancelled flow). */
    public javafx.beans.property.ReadOnlyLongProperty switchSyncProperty() {
        return switchSync.getReadOnlyProperty();
    }

    /** The user flipped the switch: on = "Protect my DNS" (previewed), off = revert (previewed). */
    public void switchFlipped(boolean wantOn) {
        if (syncing) {
            return;
        }
        if (wantOn) {
            protect();
        } else {
            apply.begin(ApplyViewModel.Kind.REVERT, AppModel.off());
        }
    }

    /** The primary action: strict, the chosen or recommended providers, all domains, resolv.conf linked. */
    public void protect() {
        ResolverState s = model.stateProperty().get();
        ProtectProviders choice = protectChoice();
        apply.beginChange(() -> OneClickChanges.protect(s, choice.providers()), choice.skippedText(),
                choice.noneWorks() ? protectHeld(choice) : null);
    }

    /**
     * Strict mode with providers whose encrypted connections all just failed would leave the computer without DNS (or,
     * at best, be rolled back): the preview shows the change but holds it until a check again of the providers left
     * out finds one that works, and then Protect begins afresh with it.
     */
    private ApplyViewModel.Hold protectHeld(ProtectProviders choice) {
        List<ServerAddress> servers = choice.skipped().stream()
                .flatMap(k -> org.port853.ui.common.InUseServers.serversOf(k.provider()).stream()).distinct().toList();
        return tlsHold(servers, () -> protectChoice().noneWorks(), this::protect);
    }

    /**
     * The hold of a change that needs {@code servers}' encrypted connections, which all just failed: its check again
     * probes them and records what it found; {@code stillFails} then says whether the change is still to be held, and
     * if not, {@code retry} begins it afresh.
     */
    private ApplyViewModel.Hold tlsHold(List<ServerAddress> servers, java.util.function.BooleanSupplier stillFails,
                                        Runnable retry) {
        org.port853.probe.pins.ServerPins pins = model.services().pins();
        return new ApplyViewModel.Hold(I18n.t("protect.held"), pins == null ? null : () -> pins.tlsChecks(servers),
                checks -> {
                    model.tlsFailures().checked(checks);
                    return !stillFails.getAsBoolean();
                }, retry);
    }

    /** After the flow ends (applied, rolled back or cancelled) the switch shows the real state again. */
    public void resync() {
        setSwitch(model.encryptionOn());
    }

    /** One-click fix for a reason: changes exactly what its label says, starting from the system's settings. */
    public void fix(Reason r) {
        FixAction f = r.fixAction();
        if (f == null) {
            return;
        }
        if (f == FixAction.RECOVER) {
            recover();
            return;
        }
        ResolverState s = model.stateProperty().get();
        List<Provider> ps = protectProviders();
        apply.beginChange(() -> OneClickChanges.fix(f, s, ps), "", fixHeld(r));
    }

    /**
     * A fix towards strict mode with servers that all just failed is held as Protect is (null: it is not, or it cannot
     * be made at all, which its preview says).
     */
    private ApplyViewModel.Hold fixHeld(Reason r) {
        List<ServerAddress> failed = failedServersOfFix(r.fixAction());
        return failed.isEmpty() ? null : tlsHold(failed, () -> !failedServersOfFix(r.fixAction()).isEmpty(),
                () -> fix(r));
    }

    /** The servers of {@code f}'s change on the system as it is now, when it is strict and they all just failed. */
    private List<ServerAddress> failedServersOfFix(FixAction f) {
        try {
            return FailedStrictServers.of(OneClickChanges.fix(f, model.stateProperty().get(), protectProviders())
                    .settings(), model.tlsFailures());
        } catch (InvalidInputException e) {
            return List.of();
        }
    }

    /**
     * The reason has a one-click fix that can be made now, alone: not one whose change would only be refused (routing
     * all domains while nothing is encrypted, where Protect my DNS is the fix; linking /etc/resolv.conf to a stub that
     * is off). Its fix text still says what to do.
     */
    public boolean offersFix(Reason r) {
        FixAction f = r.fixAction();
        if (f == null || f == FixAction.RECOVER) {
            return f != null;
        }
        try {
            OneClickChanges.fix(f, model.stateProperty().get(), protectProviders());
            return true;
        } catch (org.port853.core.InvalidInputException e) {
            return false;
        }
    }

    /**
     * The interrupted change's reason says its recovery is refused until something is cleared (a named pipe among the
     * resolver's settings: its third detail 1 or 2): a Recover click would only be refused.
     */
    private static boolean recoveryWaits(Reason r) {
        return r.code().equals(org.port853.core.Assessment.INTERRUPTED) && r.details().size() > 2
                && List.of("1", "2").contains(r.details().get(2));
    }

    /** True while the interrupted change cannot be recovered yet; its reason says what to clear first. */
    public ReadOnlyBooleanProperty recoverRefusedProperty() { return recoverRefused.getReadOnlyProperty(); }

    public void recover() {
        apply.begin(ApplyViewModel.Kind.RECOVER, null);
    }

    public static String fixLabel(FixAction f) {
        return I18n.t("fix." + f.name().toLowerCase(Locale.ROOT));
    }

    public ReadOnlyObjectProperty<ProtectionState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateTextProperty() { return stateText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateDetailProperty() { return stateDetail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty providersProperty() { return providers.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modeProperty() { return mode.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dnssecProperty() { return dnssec.getReadOnlyProperty(); }
    public ReadOnlyStringProperty currentServerProperty() { return currentServer.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resolvConfProperty() { return resolvConf.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pendingProperty() { return pending.getReadOnlyProperty(); }
    /** What the switch really does: "On · strict", "On · opportunistic, not authenticated", "Off". */
    public ReadOnlyStringProperty switchTextProperty() { return switchText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty switchTitleProperty() { return switchTitle.getReadOnlyProperty(); }
    /** Why the switch cannot be used (null when it can). */
    public ReadOnlyStringProperty blockedReasonProperty() { return blockedReason.getReadOnlyProperty(); }
    /** The command that unblocks it (null when there is none). */
    public ReadOnlyStringProperty blockedCommandProperty() { return blockedCommand.getReadOnlyProperty(); }
    public ReadOnlyStringProperty protectTextProperty() { return protectText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty changeFailedProperty() { return changeFailed.getReadOnlyProperty(); }
    /** Plaintext DNS leaving the machine was measured lately (whatever the state says first). */
    public javafx.beans.property.ReadOnlyBooleanProperty leakingProperty() { return model.evidence().leakingProperty(); }

    /**
     * The state says a leak, and what leaked were only packets on port 53 in which no DNS query was read (the tray says
     * so instead of "leaked queries since start: 0").
     */
    public javafx.beans.property.ReadOnlyBooleanProperty leakWithoutQueryProperty() {
        return leakWithoutQuery.getReadOnlyProperty();
    }

    /** The words of the way to Traffic while leaking: its leaked queries, or its totals when none was read. */
    public ReadOnlyStringProperty showLeaksTextProperty() { return showLeaksText.getReadOnlyProperty(); }

    /** The user has read that the change did not take: the banner goes (Protect offers its change as new again). */
    public void dismissChangeFailed() {
        apply.forgetFailure();
    }
    public ReadOnlyBooleanProperty protectOfferedProperty() { return protectOffered.getReadOnlyProperty(); }
    /** "Protect my DNS", or "Protect my DNS again" after the same change was just seen to fail. */
    public ReadOnlyStringProperty protectLabelProperty() { return protectLabel.getReadOnlyProperty(); }
    /** The Protect row's place is kept while the state is read (where it is offered most), so nothing jumps then. */
    public ReadOnlyBooleanProperty protectPlaceKeptProperty() { return protectPlaceKept.getReadOnlyProperty(); }
    public BooleanProperty switchOnProperty() { return switchOn; }
    public ReadOnlyBooleanProperty switchUsableProperty() { return switchUsable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty refreshingProperty() { return model.refreshingProperty(); }
    public ObservableList<ReasonTexts.Text> reasons() { return reasons; }
    public ObservableList<LinkRow> links() { return links; }
}
