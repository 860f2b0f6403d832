package org.port853.ui.apply;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.ResolverState;
import org.port853.platform.ApplyResult;
import org.port853.platform.OutsideEncryption;
import org.port853.platform.Plan;
import org.port853.platform.ResolverAdapter;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.RollbackCause;
import org.port853.probe.pins.ServerPins;
import org.port853.ui.AppModel;
import org.port853.ui.common.Errors;
import org.port853.ui.diagnostics.CheckTexts;
import org.port853.ui.common.I18n;
import org.port853.ui.common.InputErrorTexts;
import org.port853.ui.common.Notifier;
import org.port853.ui.task.BackgroundTask;

/**
 * The apply flow: plan (exact diff) → preview → confirm → applying (privileged prompt, restart, health
 * check) → result. Every adapter call runs in the background; the window never waits on one.
 */
public final class ApplyViewModel {
    /** {@code NO_CHANGE}: the plan changes nothing, so there is nothing to confirm (Close, or Verify now). */
    public enum Phase { IDLE, PLANNING, PREVIEW, NO_CHANGE, REFUSED, APPLYING, RESULT }

    public enum Kind { APPLY, REVERT, RECOVER }

    /**
     * A change towards {@code settings} that was just seen to fail (rolled back, or failed on the way), in the window's
     * words; {@code cause} is what the servers' probe found, empty until it has answered; {@code answered} which of
     * those servers answered that probe (empty until then, or where none ran); {@code rolledBack}: the settings from
     * before are back in force (else it failed, maybe half-way).
     */
    public record Failure(DesiredSettings settings, java.time.Instant at, String outcome, String cause,
                          String answered, boolean rolledBack) {
        Failure withProbe(String why, String whoAnswered) {
            return new Failure(settings, at, outcome, why, whoAnswered, rolledBack);
        }
    }

    /**
     * A preview that may not be confirmed (yet): {@code why} is said beside its greyed-out button. {@code probe}, run in
     * the background, checks again (null: nothing can); {@code cleared} takes its checks and says whether the change
     * may be made now, and then {@code retry} begins it afresh (its plan may differ).
     */
    public record Hold(String why, java.util.function.Supplier<java.util.List<Check>> probe,
                       java.util.function.Predicate<java.util.List<Check>> cleared, Runnable retry) {
    }

    private final AppModel model;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    /** A sheet is open (preview, running change or result): the rest of the window waits for it. */
    private final BooleanBinding busy = phase.isNotEqualTo(Phase.IDLE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper plainSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    /** What the diff shows: files (Linux) or settings (Windows), as the planning adapter said. */
    private final ReadOnlyStringWrapper diffLabel = new ReadOnlyStringWrapper(I18n.t("apply.diff.label"));
    private boolean changesFiles = true;
    private final ReadOnlyStringWrapper actions = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pinsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper causeText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ApplyResult> result = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Failure> lastFailure = new ReadOnlyObjectWrapper<>();
    /** The change is in place but its check was answered without encryption (see ApplyResult#encryptionUnproven). */
    private final ReadOnlyBooleanWrapper encryptionUnproven = new ReadOnlyBooleanWrapper();
    /** The result is shown as a warning: encryption unproven, or a revert after which names do not resolve. */
    private final ReadOnlyBooleanWrapper resultWarning = new ReadOnlyBooleanWrapper();
    /** Why this preview cannot be confirmed (null: it can). */
    private final ReadOnlyStringWrapper held = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper checkingAgain = new ReadOnlyBooleanWrapper();
    private Hold hold;
    private Kind kind;
    private DesiredSettings desired;
    /** This flow also points the resolver file (/etc/resolv.conf) at the local stub; preview and apply alike. */
    private boolean linkResolverFile;
    /** The plan's notes in the window's words ("" when none): said in the preview and again with the result. */
    private String planNotes = "";
    private Runnable onFinished = () -> { };
    private Runnable onVerify = () -> { };
    private Runnable onChooseProviders = () -> { };
    private boolean notifications = true;
    /** Counts flows: a follow-up probe of an earlier flow that finishes late must not write into a later sheet. */
    private long flow;

    public ApplyViewModel(AppModel model) {
        this.model = model;
    }

    public void setNotificationsEnabled(boolean on) {
        notifications = on;
    }

    /** Called after every finished or cancelled flow (e.g. to re-sync the switch). */
    public void setOnFinished(Runnable r) {
        onFinished = r;
    }

    /** What "Verify now" at the end of a flow runs. */
    public void setOnVerify(Runnable r) {
        onVerify = r;
    }

    /** What "Choose other providers" on a held preview runs (e.g. shows the Providers screen). */
    public void setOnChooseProviders(Runnable r) {
        onChooseProviders = r;
    }

    /** Cancels a held preview for the user to choose other providers than those that just failed. */
    public void chooseProviders() {
        if (phase.get() != Phase.PREVIEW || held.get() == null) {
            return;
        }
        close();
        onChooseProviders.run();
    }

    /** Closes the result and starts a verification. */
    public void verifyNow() {
        if (phase.get() != Phase.RESULT && phase.get() != Phase.NO_CHANGE) {
            return;
        }
        close();
        onVerify.run();
    }

    public boolean busy() {
        return busy.get();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    /** Starts a change towards {@code settings}; builds the plan first and waits for confirmation. */
    public void begin(Kind kind, DesiredSettings settings) {
        begin(kind, settings, false, null);
    }

    /**
     * Like {@link #begin(Kind, DesiredSettings)}; with {@code linkResolverFile} an apply also points the resolver
     * file (/etc/resolv.conf) at the local stub, and the preview shows that change too; with a {@code hold} (null: none),
     * its preview waits on it.
     */
    private void begin(Kind kind, DesiredSettings settings, boolean linkResolverFile, Hold hold) {
        if (busy() && phase.get() != Phase.RESULT && phase.get() != Phase.NO_CHANGE) {
            return;
        }
        flow++;
        this.kind = kind;
        this.desired = settings;
        this.linkResolverFile = kind == Kind.APPLY && linkResolverFile;
        planNotes = "";
        clearResult();
        hold(hold);
        plainSummary.set(kind == Kind.APPLY && settings != null ? ChangeSummary.describe(model.stateProperty().get(),
                settings, this.linkResolverFile, model.catalogue())
                : kind == Kind.REVERT ? ChangeSummary.turningOff(model.stateProperty().get()) : "");
        diff.set("");
        actions.set("");
        title.set(kind == Kind.APPLY ? applyTitle() : I18n.t("apply.title." + kind.name().toLowerCase(java.util.Locale.ROOT)));
        if (kind == Kind.RECOVER) {
            summary.set(preview("apply.recover.summary"));
            phase.set(Phase.PREVIEW);
            return;
        }
        summary.set(I18n.t("apply.planning"));
        phase.set(Phase.PLANNING);
        ResolverAdapter adapter = model.services().adapter();
        // JavaFX properties are read here, on the JavaFX thread; the worker gets plain values only.
        ResolverState known = model.stateProperty().get();
        boolean link = this.linkResolverFile;
        boolean revert = kind == Kind.REVERT;
        model.tasks().execute(BackgroundTask.of(() -> new Planned(adapter.plan(settings, known == null ? adapter.readState()
                        : known, link), adapter.changesRefused(), adapter.cannotChange(), adapter.changesFiles(),
                        // a revert that finds nothing of Port853's explains what is there now: the screen's state may
                        // be older than a change made elsewhere (the command line, another window)
                        revert ? adapter.readState() : null))
                .onSuccess(planned -> showPlan(planned, known))
                .onFailure(e -> {
                    summary.set(I18n.t("apply.preview.failed", Errors.describe(e)));
                    phase.set(Phase.REFUSED);
                }));
    }

    /** Turns the user's current choice into a change, or shows why it cannot be made. */
    public void beginApplyOrExplain(java.util.function.Supplier<DesiredSettings> settings) {
        beginApplyOrExplain(settings, false);
    }

    /** A one-click change (Status): its settings and whether resolv.conf is linked, or why it cannot be made. */
    public void beginChange(java.util.function.Supplier<org.port853.ui.status.OneClickChanges.Change> change) {
        beginChange(change, (Hold) null);
    }

    private void beginChange(java.util.function.Supplier<org.port853.ui.status.OneClickChanges.Change> change, Hold hold) {
        org.port853.ui.status.OneClickChanges.Change c;
        try {
            c = change.get();
        } catch (InvalidInputException e) {
            refuse(InputErrorTexts.of(e));
            return;
        }
        beginApplyOrExplain(c::settings, c.linkResolvConf(), hold);
    }

    /**
     * As {@link #beginChange(java.util.function.Supplier)}; the preview's plain summary adds {@code note} (what the
     * change leaves out, and why), when this flow began.
     */
    public void beginChange(java.util.function.Supplier<org.port853.ui.status.OneClickChanges.Change> change, String note) {
        beginChange(change, note, null);
    }

    /** As {@link #beginChange(java.util.function.Supplier, String)}; with a {@code hold}, its preview waits on it. */
    public void beginChange(java.util.function.Supplier<org.port853.ui.status.OneClickChanges.Change> change, String note,
                            Hold hold) {
        long before = flow;
        beginChange(change, hold);
        if (flow != before && !note.isEmpty() && !plainSummary.get().isEmpty()) {
            plainSummary.set(plainSummary.get() + "\n" + note);
        }
    }

    private void hold(Hold h) {
        hold = h;
        held.set(h == null ? null : h.why());
        checkingAgain.set(false);
    }

    /**
     * Runs the hold's check again in the background: when it clears the hold, this preview closes and the change begins
     * afresh; else the reason says when it was checked. The checks count either way (the caller records them).
     */
    public void checkAgain() {
        Hold h = hold;
        if (h == null || h.probe() == null || checkingAgain.get() || phase.get() != Phase.PREVIEW) {
            return;
        }
        long mine = flow;
        checkingAgain.set(true);
        held.set(I18n.t("apply.held.checking"));
        model.tasks().execute(BackgroundTask.of(() -> h.probe().get()).onSuccess(checks -> {
            boolean cleared = h.cleared().test(checks);
            if (mine != flow) {
                return; // a later flow's sheet shows its own hold
            }
            checkingAgain.set(false);
            if (cleared) {
                close();
                h.retry().run();
            } else {
                held.set(I18n.t("apply.held.still", I18n.dateTimeOrTimeToday(java.time.Instant.now()), h.why()));
            }
        }).onFailure(e -> {
            if (mine == flow) {
                checkingAgain.set(false);
                held.set(h.why() + " " + I18n.t("apply.held.failed", Errors.describe(e)));
            }
        }));
    }

    /** Why the preview cannot be confirmed (null when it can): said beside the greyed-out button. */
    public ReadOnlyStringProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    /** The preview's hold can be checked again (its button is shown). */
    public boolean canCheckAgain() {
        return hold != null && hold.probe() != null;
    }

    public ReadOnlyBooleanProperty checkingAgainProperty() {
        return checkingAgain.getReadOnlyProperty();
    }

    /** Nothing of the previous change's result stays in the sheet. */
    private void clearResult() {
        result.set(null);
        encryptionUnproven.set(false);
        resultWarning.set(false);
        resultText.set("");
        pinsText.set("");
        causeText.set("");
    }

    /** "Apply DNS-over-TLS settings", or DNS-over-HTTPS where that is what a change turns on here. */
    private String applyTitle() {
        ResolverState s = model.stateProperty().get();
        return I18n.t(s != null && s.platform().encryptsOverHttps() ? "apply.title.apply.doh" : "apply.title.apply");
    }

    private void refuse(String why) {
        kind = Kind.APPLY;
        hold(null);
        clearResult(); // its colour would make the refusal look like a success
        title.set(applyTitle());
        summary.set(I18n.t("apply.invalid", why));
        plainSummary.set("");
        diff.set("");
        actions.set("");
        phase.set(Phase.REFUSED);
    }

    /**
     * Like {@link #beginApplyOrExplain(java.util.function.Supplier)}; with {@code linkResolverFile} the change also
     * points the resolver file (/etc/resolv.conf) at the local stub (the one-click fix for that file).
     */
    public void beginApplyOrExplain(java.util.function.Supplier<DesiredSettings> settings, boolean linkResolverFile) {
        beginApplyOrExplain(settings, linkResolverFile, null);
    }

    private void beginApplyOrExplain(java.util.function.Supplier<DesiredSettings> settings, boolean linkResolverFile,
                                     Hold hold) {
        try {
            begin(Kind.APPLY, settings.get(), linkResolverFile, hold);
        } catch (InvalidInputException e) {
            refuse(InputErrorTexts.of(e));
        }
    }

    /** A plan, and why no plan of this adapter can be applied (a sample machine; null when it can). */
    private record Planned(Plan plan, String changesRefused, org.port853.core.Sentence cannotChange,
                           boolean changesFiles, ResolverState now) {
    }

    private void showPlan(Planned planned, ResolverState known) {
        Plan plan = planned.plan();
        changesFiles = planned.changesFiles();
        diffLabel.set(I18n.t(changesFiles ? "apply.diff.label" : "apply.diff.label.settings"));
        if (plan.isRefused()) {
            summary.set(I18n.t("apply.refused", ChangeTexts.refusal(plan)));
            phase.set(Phase.REFUSED);
            return;
        }
        if (planned.changesRefused() != null) {
            // a sample machine: the preview shows the change and says, before anyone confirms, that it is not made
            diff.set(plan.changesNothing() ? I18n.t("apply.nothing") : plan.diff());
            actions.set(ChangeTexts.actions(plan));
            summary.set(I18n.t("apply.sampleOnly"));
            phase.set(Phase.REFUSED);
            return;
        }
        // an interrupted change is finished by applying even when the files already match
        if (plan.changesNothing() && (known == null || known.pendingChange() == null)) {
            ResolverState now = planned.now() != null ? planned.now() : known;
            if (!java.util.Objects.equals(now, known)) {
                model.refresh(); // the screens catch up with what the sheet found
            }
            showNothingToDo(now);
            return;
        }
        diff.set(plan.diff());
        actions.set(ChangeTexts.actions(plan));
        planNotes = ChangeTexts.notes(plan);
        if (planned.cannotChange() != null) {
            // the change is shown, and why this process cannot make it, before anyone is promised a password prompt
            org.port853.core.Sentence why = planned.cannotChange();
            summary.set(I18n.t("apply.cannotChange", I18n.said("change.", why.words(), "", why.english())));
            phase.set(Phase.REFUSED);
            return;
        }
        summary.set(withNotes(preview("apply.preview." + kind.name().toLowerCase(java.util.Locale.ROOT))));
        phase.set(Phase.PREVIEW);
    }

    private String withNotes(String text) {
        return planNotes.isEmpty() ? text : text + "\n" + planNotes;
    }

    /** What a preview says; the demo's ({@code key.demo}) says it simulates the change and asks for no password. */
    /** The preview's words: the demo's own, and run as root no password is asked for (pkexec is not used). */
    private String preview(String key) {
        return I18n.t(key + (model.services().demo() ? ".demo"
                : I18n.has(key + ".root") && org.port853.core.Privileges.isRoot() ? ".root" : ""));
    }

    /**
     * Nothing would change: say so, with no actions and no button that pretends. Turning encryption off that
     * another file turns on names that file: Port853 removes only its own settings.
     */
    private void showNothingToDo(ResolverState known) {
        diff.set("");
        actions.set("");
        if (kind == Kind.REVERT) {
            plainSummary.set("");
            // whose file keeps it on and what to do, in the words the command line's revert uses
            summary.set(!OutsideEncryption.encrypting(known) ? I18n.t("apply.revert.nothing")
                    : OutsideEncryption.staysOn(known).map(on -> I18n.t("apply.revert.stays", ChangeTexts.staysOn(on)))
                    .orElse(I18n.t("apply.revert.outside", I18n.t("apply.revert.elsewhere"))));
        } else {
            summary.set(I18n.t("apply.nothing"));
        }
        phase.set(Phase.NO_CHANGE);
    }

    /** The user confirmed the preview: run the change (the privileged prompt may appear). */
    public void confirm() {
        if (phase.get() != Phase.PREVIEW || held.get() != null) {
            return;
        }
        phase.set(Phase.APPLYING);
        // a recovery is offered before any plan, so it is said the same way on every platform
        summary.set(I18n.t(kind == Kind.RECOVER ? "apply.recovering"
                : changesFiles ? "apply.applying" : "apply.applying.settings"));
        ResolverAdapter adapter = model.services().adapter();
        Kind k = kind;
        DesiredSettings d = desired;
        boolean link = linkResolverFile;
        // the change's health check asks the resolver for a name too
        java.util.function.Supplier<ApplyResult> change = () -> switch (k) {
            case APPLY -> adapter.apply(d, link);
            case REVERT -> adapter.revert();
            case RECOVER -> adapter.recover();
        };
        BackgroundTask<ApplyResult> task = BackgroundTask.of(() -> model.ownLookups().asking(adapter.ownLookupName(),
                change));
        model.tasks().execute(task.onSuccess(r -> {
            showResult(r);
            if (k == Kind.APPLY) {
                recordPins(r, d);
                nameRollbackCause(r, d);
            } else if (k == Kind.RECOVER) { // its settings are those the interrupted change wrote
                adapter.settingsWritten(r).ifPresent(asked -> nameRollbackCause(r, asked));
            }
        }).onFailure(e -> showResult(ApplyResult.of(ApplyResult.Outcome.FAILED,
                I18n.t("apply.failed.system", Errors.describe(e))))));
    }

    /**
     * After the result is shown: probes the applied servers and records their pins in the background. Only
     * information: a failure is shown, the change stands.
     */
    private void recordPins(ApplyResult r, DesiredSettings d) {
        ServerPins pins = model.services().pins();
        if (pins == null || !ServerPins.serversInUse(r) || ServerPins.pinnable(d).isEmpty()) {
            return;
        }
        long mine = flow;
        ResolverAdapter adapter = model.services().adapter();
        model.tasks().execute(BackgroundTask.of(() -> pins.afterChange(r, d, ServerPins.currentServer(adapter::readState)))
                .onRunning(() -> pinsText.set(I18n.t("apply.pins.checking")))
                .onSuccess(p -> {
                    // a key shown is a handshake that worked: a failure of that server just before no longer stands
                    model.tlsFailures().checked(p.pins().stream().map(ServerPins.Recorded::check).toList());
                    if (p.keyChanged() && notifications) {
                        model.services().notifier().notify(Notifier.Kind.ERROR, I18n.t("diag.pins.changed"), PinsText.of(p));
                    }
                    setIfStill(mine, pinsText, PinsText.of(p));
                    model.pinsRecorded();
                })
                .onFailure(e -> setIfStill(mine, pinsText, I18n.t("apply.pins.failed", Errors.describe(e)))));
    }

    /**
     * After a change towards encryption was rolled back: probes the chosen servers in the background and says what
     * the doctor would find wrong with them (the resolver only says that no server answered).
     */
    private void nameRollbackCause(ApplyResult r, DesiredSettings d) {
        ServerPins pins = model.services().pins();
        if (pins == null || !RollbackCause.applies(r, d)) {
            return;
        }
        long mine = flow;
        Failure failed = lastFailure.get(); // this attempt's, remembered just before
        ResolverState state = model.stateProperty().get();
        org.port853.core.SettingElsewhere dnssecAfterOurs = state == null || state.platform() == null ? null
                : state.platform().settingAfterOurs("DNSSEC");
        model.tasks().execute(BackgroundTask.of(() -> pins.rollbackCause().probed(r, d, dnssecAfterOurs))
                .onRunning(() -> causeText.set(I18n.t("apply.cause.checking")))
                .onSuccess(p -> {
                    // the servers that passed count as well as the one that failed: a pass ends an earlier failure
                    model.tlsFailures().checked(p.checks());
                    String answered = answeredText(p);
                    String why = p.cause().map(ApplyViewModel::causeText).orElse("");
                    setIfStill(mine, causeText, why.isEmpty() || answered.isEmpty() ? why + answered
                            : why + "\n" + answered);
                    if (failed != null && lastFailure.get() == failed) { // not a later attempt's failure
                        lastFailure.set(failed.withProbe(p.cause().map(ApplyViewModel::shortCause).orElse(""), answered));
                    }
                })
                .onFailure(e -> setIfStill(mine, causeText, "")));
    }

    /** Sets {@code text} unless a later flow has begun since flow {@code mine} (its sheet shows its own texts). */
    private void setIfStill(long mine, ReadOnlyStringWrapper text, String value) {
        if (mine == flow) {
            text.set(value);
        }
    }

    /** Which of the chosen servers answered the probe after the rollback; empty where no probe ran. */
    private static String answeredText(RollbackCause.Probed p) {
        return p.answeredSaid().map(s -> I18n.said("apply.", s.words(), "", s.english())).orElse("");
    }

    /** The cause in a line, for Status: the server and what failed there (the sheet adds the fix). */
    private static String shortCause(Check c) {
        String evidence = CheckTexts.of(c).evidence();
        return c.server() == null ? evidence : c.server() + ": " + evidence;
    }

    private static String causeText(Check c) {
        CheckTexts.Text t = CheckTexts.of(c);
        // a cause of no one server (DNSSEC) has no "SERVER: " before it
        return I18n.t("apply.cause", c.server() == null ? "" : c.server() + ": ", t.evidence(),
                t.fix() == null ? "" : t.fix());
    }

    /** The outcome of an apply (or of the hardening) in the window's words (with its own reason where it failed). */
    public static String resultText(ApplyResult r) {
        return resultText(Kind.APPLY, r);
    }

    /** As {@link #resultText(ApplyResult)} for a change of {@code kind}: what "nothing changed" means depends on it. */
    public static String resultText(Kind kind, ApplyResult r) {
        String said = ChangeTexts.reason(r);
        String reason = said == null || said.isBlank() ? "" : said;
        return switch (r.outcome()) {
            // a hardening rule that lasts only until the next reboot: the reason says what keeps it
            case APPLIED -> r.doneWithWarning() ? ChangeTexts.asSentence(reason)
                    : r.encryptedVerified() ? I18n.t("result.applied.verified") : I18n.t("result.applied");
            // nothing reverted because someone else changed Port853's files, or a hardening rule not kept at boot: the
            // reason says which, and how to go on
            case UNCHANGED -> r.doneWithWarning() ? ChangeTexts.asSentence(reason) : nothingChanged(kind, r, reason);
            // the note that encryption stays on is said once, below, not also inside the reason
            case REVERTED -> (r.doneWithWarning() ? I18n.t("result.reverted.warning", ChangeTexts.said(
                    r.reasonBeforeNote())) : I18n.t("result.reverted"))
                    + r.notesBesideEncryptionStaysOn().stream().map(n -> " " + org.port853.core.Sentence.ended(ChangeTexts.said(n)))
                    .collect(java.util.stream.Collectors.joining())
                    + staysOn(r);
            case KEPT -> I18n.t("result.kept");
            case ROLLED_BACK -> I18n.t("result.rolledback", reason);
            case REFUSED -> I18n.t("result.refused", reason);
            case FAILED -> I18n.t("result.failed", reason);
            case NOT_COVERED -> I18n.t("result.notcovered", reason);
            case PLANNED -> I18n.t("result.planned");
        };
    }

    /**
     * Nothing changed, as the operation tells: an apply found its settings in place; a revert found nothing of Port853's
     * to undo (and says where encryption stays on), unless its reason says more (a fleet script's rule on Windows); a
     * recovery says why in its reason (no interrupted change, or one left for later).
     */
    private static String nothingChanged(Kind kind, ApplyResult r, String reason) {
        return switch (kind) {
            case APPLY -> I18n.t("result.unchanged");
            case REVERT -> r.nothingToRevert() ? I18n.t("result.unchanged.revert") + staysOn(r)
                    : ChangeTexts.asSentence(reason);
            case RECOVER -> reason.isEmpty() ? I18n.t("result.unchanged.recover") : ChangeTexts.asSentence(reason);
        };
    }

    /**
     * The note that a revert left DNS-over-TLS on, after a space, said as whose file keeps it (not "outside Port853" at
     * Port853's path); empty where it did not.
     */
    private static String staysOn(ApplyResult r) {
        ApplyResult.EncryptionStaysOn on = r.encryptionStaysOn();
        if (on == null) {
            return "";
        }
        String key = switch (on.setBy()) {
            case OTHER_FILE -> "result.reverted.stays-on";
            case EXPORTED_COPY -> "result.reverted.stays-on.export";
            case FILE_AT_OUR_PATH -> "result.reverted.stays-on.our-path";
            case FLEET_SCRIPT -> "result.reverted.stays-on.fleet-script";
        };
        return " " + I18n.t(key, on.mode(), on.setIn(), org.port853.platform.OutsideEncryption.strict(on) ? 0 : 1);
    }

    /** The sheet's title for a change's outcome; a revert after which encryption stays on does not say "turned off". */
    public static String resultTitle(ApplyResult r) {
        String key = "apply.title.result." + r.outcome().name().toLowerCase(java.util.Locale.ROOT);
        return I18n.t(r.outcome() == ApplyResult.Outcome.REVERTED && r.encryptionStaysOn() != null
                ? key + ".stays-on" : key);
    }

    private void showResult(ApplyResult r) {
        // a recovered change asked for what the interrupted apply wrote
        DesiredSettings asked = kind == Kind.APPLY ? desired
                : kind == Kind.RECOVER ? model.services().adapter().settingsWritten(r).orElse(null) : null;
        boolean unproven = asked != null && r.encryptionUnproven(asked);
        encryptionUnproven.set(unproven);
        resultWarning.set(asked == null ? r.doneWithWarning() : r.doneWithWarning(asked)); // where the CLI exits 3
        result.set(r);
        rememberFailure(r);
        if (!r.actions().isEmpty()) {
            actions.set(ChangeTexts.actions(r)); // what was done, with the server that answered the check
        } else if (!r.succeeded()) {
            actions.set(""); // failed before any step (pkexec refused, no helper): the plan's steps were not done
        }
        if (r.changedSettings()) {
            java.time.Instant now = java.time.Instant.now();
            model.evidence().settingsChanged(now);
            if (r.revertedUnhealthy()) {
                model.evidence().changeLeftNamesUnresolved(now); // its check is newer than the change it ends
            }
        }
        String said = unproven ? I18n.t((r.outcome() == ApplyResult.Outcome.KEPT ? "result.kept." : "result.applied.")
                + (asked.mode() == DotMode.OPPORTUNISTIC ? "fallback" : "unproven")) : resultText(kind, r);
        String text = said + (model.services().demo() ? " " + I18n.t("apply.demo") : "");
        resultText.set(text);
        // the notes of settings that are now in place (a rolled-back change lowered nothing)
        summary.set(kind == Kind.APPLY && ServerPins.serversInUse(r) ? withNotes(text) : text);
        // the sheet's title says what came of it, not what was about to be done
        title.set(resultTitle(r));
        phase.set(Phase.RESULT);
        if (notifications) {
            model.services().notifier().notify(r.succeeded() && !resultWarning.get() ? Notifier.Kind.INFO : Notifier.Kind.WARNING,
                    I18n.t("notify.apply.title"), text);
        }
        model.refresh();
    }

    /**
     * Keeps the settings of an apply that did not take, so the window stops offering the same change as if it were
     * new; an apply or a revert that took forgets it. Refusals (no password, no helper) are not the change failing.
     */
    private void rememberFailure(ApplyResult r) {
        if (kind != Kind.APPLY || desired == null) {
            // turning encryption off changed the settings the failed change had kept: it is no longer the last one
            if (kind == Kind.REVERT && r.changedSettings()) {
                lastFailure.set(null);
            }
            return;
        }
        boolean tried = r.outcome() == ApplyResult.Outcome.ROLLED_BACK
                || r.outcome() == ApplyResult.Outcome.FAILED && !r.notTried();
        if (tried) {
            lastFailure.set(new Failure(desired, java.time.Instant.now(), resultText(r), "", "",
                    r.outcome() == ApplyResult.Outcome.ROLLED_BACK));
        } else if (r.succeeded() || r.changedSettings()) {
            lastFailure.set(null);
        }
    }

    /** The user dismissed the failed change's notice. */
    public void forgetFailure() {
        lastFailure.set(null);
    }

    /** The system now has {@code settings} (e.g. set from the command line): their earlier failure is history. */
    public void settingsInPlace(DesiredSettings settings) {
        Failure f = lastFailure.get();
        if (f != null && f.settings().equals(settings)) {
            lastFailure.set(null);
        }
    }

    /** Closes the flow: cancels a preview, or dismisses a result. Does nothing while applying. */
    public void close() {
        if (phase.get() == Phase.APPLYING || phase.get() == Phase.PLANNING) {
            return;
        }
        phase.set(Phase.IDLE);
        onFinished.run();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The change in plain words, shown first ("Servers: Quad9 → Mullvad · Mode: strict · All domains"). */
    public ReadOnlyStringProperty plainSummaryProperty() {
        return plainSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffLabelProperty() {
        return diffLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionsProperty() {
        return actions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    /** The applied servers' key pins, once recorded (empty when there are none to record). */
    public ReadOnlyStringProperty pinsTextProperty() {
        return pinsText.getReadOnlyProperty();
    }

    /** Why the servers failed, after a rolled-back change towards encryption; empty otherwise. */
    public ReadOnlyStringProperty causeTextProperty() {
        return causeText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultWarningProperty() {
        return resultWarning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty encryptionUnprovenProperty() {
        return encryptionUnproven.getReadOnlyProperty();
    }

    /** The last apply that did not take, until one takes; null when none failed. */
    public ReadOnlyObjectProperty<Failure> lastFailureProperty() {
        return lastFailure.getReadOnlyProperty();
    }

    public ObjectProperty<ApplyResult> resultProperty() {
        return result;
    }

    public Kind kind() {
        return kind;
    }
}
