package org.port853.ui.diagnostics;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.bench.ProviderBench;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.pins.PinRecord;
import org.port853.ui.common.Errors;
import org.port853.ui.common.I18n;
import org.port853.ui.task.BackgroundTask;
import org.port853.ui.task.TaskExecutor;
import org.port853.ui.task.TaskSlot;

/**
 * The Diagnostics screen's state: doctor checks, recorded pins (re-checked on demand here, and by the window's
 * {@link PinWatch} periodically and after network changes; a key change raises a loud alert), and the provider
 * benchmark.
 */
public final class DiagnosticsViewModel {
    private final DiagnosticsService service;
    private final TaskExecutor tasks;
    /** The doctor, the pin check or the benchmark: one at a time. */
    private final TaskSlot running;
    private final Consumer<String> alert;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(I18n.t("diag.idle"));
    /** What the last diagnostics or pin check found: the headline again once a benchmark is over. */
    private String checksSummary = I18n.t("diag.idle");
    private final ReadOnlyStringWrapper pinAlert = new ReadOnlyStringWrapper(null);
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper("");
    /** The benchmarked servers the chart cannot show as they are: one that never answered, one strict mode refuses. */
    private final ReadOnlyStringWrapper benchProblems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper watching = new ReadOnlyStringWrapper("");
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ObservableList<PinRecord> pins = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper changedKeys = new ReadOnlyStringWrapper("");
    private Runnable pinsChanged = () -> { };
    private Consumer<List<Check>> ran = list -> { };
    /** The resolver's state, once {@link #followSettings} gave it: what the checks are run under. */
    private javafx.beans.value.ObservableValue<org.port853.core.ResolverState> state;
    /** The settings the shown checks were run under (null before a run, or when they could not be read). */
    private DnsSettings checkedUnder;
    /** When the settings changed after the shown checks ran (null: they did not). */
    private java.time.Instant outdatedAt;
    /** The settings changed after the shown checks ran: their verdicts and fixes are of the settings before. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper outdated = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ObservableList<BenchResult> bench = FXCollections.observableArrayList();

    /** {@code alert}: shows a desktop notification (the loud part of a key change). */
    public DiagnosticsViewModel(DiagnosticsService service, TaskExecutor tasks, Consumer<String> alert) {
        this.service = service;
        this.tasks = tasks;
        this.running = new TaskSlot(tasks);
        this.alert = alert;
    }

    /**
     * Shows the watcher's key changes as this screen's alert (the watcher has notified the desktop already).
     * {@code description} says how the pins are watched.
     */
    public void follow(ReadOnlyStringProperty watcherAlert, String description) {
        watching.set(description);
        if (watcherAlert.get() != null) {
            pinAlert.set(watcherAlert.get());
        }
        watcherAlert.addListener((o, a, text) -> {
            if (text != null) {
                pinAlert.set(text);
                loadPins();
            }
        });
    }

    public void runDoctor() {
        DnsSettings under = DnsSettings.of(state == null ? null : state.getValue());
        start(I18n.t("diag.running"), BackgroundTask.of(service::doctor).onSuccess(r -> {
            checkedUnder = under;
            outdatedAt = null;
            outdated.set(false);
            showReport(r);
            noteOutdated(DnsSettings.of(state == null ? null : state.getValue())); // changed meanwhile
        }));
    }

    private void showReport(Doctor.Report r) {
        // what needs doing first: failures, then warnings, each in the order the checks ran
        checks.setAll(mostUrgentFirst(r.checks()));
        ran.accept(r.checks());
        long failures = r.checks().stream().filter(c -> c.status() == CheckStatus.FAILURE).count();
        long warnings = r.checks().stream().filter(c -> c.status() == CheckStatus.WARNING).count();
        // when they ran: the results describe the servers at that time, not after a later recovery or change
        summarise(I18n.t("diag.done", r.checks().size(), failures, warnings,
                I18n.dateTimeOrTimeToday(java.time.Instant.now()))
                + (r.skipped().isEmpty() ? "" : " " + I18n.t("diag.skipped", String.join("; ", skipped(r)))));
        pinChanges(r.checks());
        loadPins();
    }

    public void checkPins() {
        start(I18n.t("diag.pins.running"), BackgroundTask.of(service::checkPins).onSuccess(list -> {
            long unchecked = list.stream().filter(c -> c.status() == CheckStatus.WARNING).count();
            summarise(list.isEmpty() ? I18n.t("diag.pins.nothing") : I18n.t("diag.pins.done", list.size(),
                    I18n.dateTimeOrTimeToday(java.time.Instant.now()), keyChanges(list).size(), unchecked));
            // the pin results take the place of the last run's in the checks table
            List<Check> merged = new java.util.ArrayList<>(checks.stream().filter(c -> !c.id().equals(PIN_CHECK)).toList());
            merged.addAll(list);
            checks.setAll(mostUrgentFirst(merged));
            ran.accept(list);
            pinChanges(list);
            loadPins();
            pinsChanged.run();
        }));
    }

    /**
     * A change of servers or mode checks their pins: the pins table is read again when a change made here has saved
     * them ({@code pinsRecorded} counts up; they are probed after the change's result) and when the settings change
     * elsewhere (the command line saves the pins before the window sees the new settings), so its "last checked" is
     * the change's.
     */
    public void followSettings(javafx.beans.value.ObservableValue<org.port853.core.ResolverState> state,
                               javafx.beans.value.ObservableValue<Number> pinsRecorded) {
        this.state = state;
        state.addListener((o, before, now) -> {
            if (!pinnedSettings(before).equals(pinnedSettings(now))) {
                loadPins();
            }
            noteOutdated(DnsSettings.of(now));
        });
        pinsRecorded.addListener((o, before, now) -> loadPins());
    }

    /**
     * A change of settings after the checks ran (a Fix made here, Status, the command line, a VPN) leaves their
     * verdicts and Fix buttons about the settings before: the headline says so, and the buttons go (a Fix then
     * previewed "nothing to change" under a check still shown as failed).
     */
    private void noteOutdated(DnsSettings now) {
        if (outdated.get() || checkedUnder == null || !checkedUnder.changedTo(now)) {
            return;
        }
        outdatedAt = java.time.Instant.now();
        outdated.set(true);
        if (!running.isBusy()) { // what runs now says what it does, then its result, which keeps the notice
            headline.set(shownSummary());
        }
    }

    /** What the checks found, and that the settings changed since, while they did. */
    private String shownSummary() {
        return outdatedAt == null ? checksSummary
                : checksSummary + " " + I18n.t("diag.outdated", I18n.dateTimeOrTimeToday(outdatedAt));
    }

    /** What a change checks pins for: the global servers and their mode (empty when not read). */
    private static List<Object> pinnedSettings(org.port853.core.ResolverState s) {
        return s == null || s.global() == null ? List.of() : List.of(s.global().servers(), s.global().effectiveDotMode());
    }

    public void loadPins() {
        tasks.execute(BackgroundTask.of(service::pins).onSuccess(list -> {
            pins.setAll(list);
            changedKeys.set(String.join(", ", list.stream().filter(PinRecord::changed).map(PinRecord::server).toList()));
        }));
    }

    /**
     * The user, asked first, accepts the keys that changed as the servers' pins (only when the provider announced a
     * new key): the alert ends and the screens that show pins read them again.
     */
    public void acceptChangedKeys() {
        List<String> servers = pins.stream().filter(PinRecord::changed).map(PinRecord::server).toList();
        start(I18n.t("diag.pins.accepting"), BackgroundTask.of(() -> {
            List<String> done = new java.util.ArrayList<>();
            for (String server : servers) {
                if (service.acceptPin(server)) { // not when another process accepted it meanwhile
                    done.add(server);
                }
            }
            return done;
        }).onSuccess(done -> {
            if (!done.isEmpty()) {
                pinAlert.set(null);
                summarise(I18n.t("diag.pins.accepted", String.join(", ", done)));
                // the key-change failures of those servers are settled: the checks table no longer shows them
                java.util.Set<String> settled = new java.util.HashSet<>(done);
                checks.removeIf(c -> c.id().equals(PIN_CHECK) && c.status() == CheckStatus.FAILURE
                        && c.server() != null && settled.contains(org.port853.probe.pins.PinStore.canonical(c.server())));
            }
            loadPins();
            pinsChanged.run();
        }));
    }

    /**
     * Takes the checks of each run as it ends, and only those: the checks table also keeps earlier runs' results, which
     * are not news when it changes.
     */
    public void onRun(Consumer<List<Check>> ran) {
        this.ran = ran;
    }

    /** Runs after pins were checked or accepted here (the window's model reads them again, so Status follows). */
    public void onPinsChanged(Runnable r) {
        pinsChanged = r;
    }

    /** The servers whose key changed and is not accepted, as the store writes them ("" when none). */
    public ReadOnlyStringProperty changedKeysProperty() { return changedKeys.getReadOnlyProperty(); }

    public void runBench() {
        start(I18n.t("diag.bench.running"), BackgroundTask.of(service::bench).onSuccess(list -> {
            bench.setAll(list);
            benchProblems.set(problems(list));
            // the benchmark's result is said in its own section; the headline goes back to what the checks found
            long answered = list.stream().filter(b -> b.score() != null).count();
            suggestion.set(I18n.t("diag.bench.done", answered) + " " + ProviderBench.suggestion(list)
                    .map(b -> I18n.t("diag.bench.suggest", b.server(),
                            b.provider() == null ? "" : "(" + b.provider() + ")"))
                    .orElse(I18n.t("diag.bench.none")) + demoMark());
            headline.set(shownSummary());
        }));
    }

    /** One line per server that never answered or that strict mode would refuse, with why (the probe's words). */
    static String problems(List<BenchResult> results) {
        List<String> lines = new java.util.ArrayList<>();
        for (BenchResult b : results) {
            String who = b.rank() + ". " + (b.provider() != null ? b.provider() + " (" + b.server() + ")"
                    : b.server().toString());
            if (b.score() == null) {
                lines.add(b.error() != null ? I18n.t("diag.bench.problem.no-answer", who, b.error())
                        : I18n.t("diag.bench.problem.failed-queries", who, b.failures(), b.queries()));
            } else if (b.strictProblem() != null) {
                lines.add(I18n.t("diag.bench.problem.not-strict", who, b.strictProblem()));
            }
        }
        return String.join("\n", lines);
    }

    private void summarise(String found) {
        checksSummary = found + demoMark();
        headline.set(shownSummary());
    }

    /** False in the demo, whose benchmark is a sample: nothing is contacted. */
    public boolean benchContactsProviders() {
        return !service.demo();
    }

    /** Every result of the demo says it is a sample: nothing was probed. */
    private String demoMark() {
        return service.demo() ? " " + I18n.t("diag.demo") : "";
    }

    private void pinChanges(List<Check> list) {
        List<Check> changed = keyChanges(list);
        if (changed.isEmpty()) {
            return;
        }
        String text = CheckTexts.evidence(changed);
        pinAlert.set(text);
        alert.accept(text);
    }

    private static final String PIN_CHECK = "pin.spki";

    private static List<Check> keyChanges(List<Check> list) {
        return list.stream().filter(c -> c.id().equals(PIN_CHECK) && c.status() == CheckStatus.FAILURE)
                .collect(Collectors.toList());
    }

    /** Failures, then warnings, then the rest, each in the order the checks ran (a stable sort). */
    private static List<Check> mostUrgentFirst(List<Check> list) {
        return list.stream().sorted(java.util.Comparator.comparing((Check c) -> c.status()).reversed()).toList();
    }

    /** What could not be checked, in the window's words where the doctor gives them. */
    private static List<String> skipped(Doctor.Report r) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < r.skipped().size(); i++) {
            out.add(I18n.said("diag.skipped.", i < r.skippedWords().size() ? r.skippedWords().get(i) : null, "",
                    r.skipped().get(i)));
        }
        return out;
    }

    /** Runs {@code task} unless another check runs; {@code text} says what is under way. */
    private void start(String text, BackgroundTask<?> task) {
        running.run(task.onRunning(() -> headline.set(text))
                .onFailure(t -> headline.set(I18n.t("diag.failed", Errors.describe(t)))));
    }

    public void dismissPinAlert() {
        pinAlert.set(null);
    }

    public ReadOnlyBooleanProperty outdatedProperty() { return outdated.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.busyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pinAlertProperty() { return pinAlert.getReadOnlyProperty(); }
    public ReadOnlyStringProperty suggestionProperty() { return suggestion.getReadOnlyProperty(); }
    public ReadOnlyStringProperty benchProblemsProperty() { return benchProblems.getReadOnlyProperty(); }
    public ReadOnlyStringProperty watchingProperty() { return watching.getReadOnlyProperty(); }
    public ObservableList<Check> checks() { return checks; }
    public ObservableList<PinRecord> pins() { return pins; }
    public ObservableList<BenchResult> bench() { return bench; }
}
