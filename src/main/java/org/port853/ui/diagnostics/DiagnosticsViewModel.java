package org.port853.ui.diagnostics;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.port853.ui.common.Background;
import org.port853.ui.common.I18n;

/**
 * The Diagnostics screen's state: doctor checks, recorded pins (re-checked on demand here, and by the window's
 * {@link PinWatch} periodically and after network changes; a key change raises a loud alert), and the provider
 * benchmark.
 */
public final class DiagnosticsViewModel {
    private final DiagnosticsService service;
    private final Background background;
    private final Consumer<String> alert;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(I18n.t("diag.idle"));
    private final ReadOnlyStringWrapper pinAlert = new ReadOnlyStringWrapper(null);
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper watching = new ReadOnlyStringWrapper("");
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ObservableList<PinRecord> pins = FXCollections.observableArrayList();
    private final ObservableList<BenchResult> bench = FXCollections.observableArrayList();

    /** {@code alert}: shows a desktop notification (the loud part of a key change). */
    public DiagnosticsViewModel(DiagnosticsService service, Background background, Consumer<String> alert) {
        this.service = service;
        this.background = background;
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
        start(I18n.t("diag.running"));
        background.run(service::doctor, this::showReport, this::failed);
    }

    private void showReport(Doctor.Report r) {
        checks.setAll(r.checks());
        long failures = r.checks().stream().filter(c -> c.status() == CheckStatus.FAILURE).count();
        long warnings = r.checks().stream().filter(c -> c.status() == CheckStatus.WARNING).count();
        headline.set(I18n.t("diag.done", r.checks().size(), failures, warnings)
                + (r.skipped().isEmpty() ? "" : " " + I18n.t("diag.skipped", String.join("; ", r.skipped())))
                + (service.demo() ? " " + I18n.t("diag.demo") : ""));
        pinChanges(r.checks());
        running.set(false);
        loadPins();
    }

    public void checkPins() {
        start(I18n.t("diag.pins.running"));
        background.run(service::checkPins, list -> {
            headline.set(I18n.t("diag.pins.done", list.size()));
            pinChanges(list);
            running.set(false);
            loadPins();
        }, this::failed);
    }

    public void loadPins() {
        background.run(service::pins, pins::setAll, t -> { });
    }

    public void runBench() {
        start(I18n.t("diag.bench.running"));
        background.run(service::bench, list -> {
            bench.setAll(list);
            suggestion.set(ProviderBench.suggestion(list).map(b -> I18n.t("diag.bench.suggest", b.server(),
                    b.provider() == null ? "" : b.provider())).orElse(I18n.t("diag.bench.none")));
            headline.set(I18n.t("diag.bench.done", list.size()));
            running.set(false);
        }, this::failed);
    }

    private void pinChanges(List<Check> list) {
        List<Check> changed = list.stream().filter(c -> c.id().equals("pin.spki") && c.status() == CheckStatus.FAILURE)
                .collect(Collectors.toList());
        if (changed.isEmpty()) {
            return;
        }
        String text = changed.stream().map(Check::evidence).collect(Collectors.joining(" "));
        pinAlert.set(text);
        alert.accept(text);
    }

    private void start(String text) {
        running.set(true);
        headline.set(text);
    }

    private void failed(Throwable t) {
        headline.set(I18n.t("diag.failed", Background.describe(t)));
        running.set(false);
    }

    public void dismissPinAlert() {
        pinAlert.set(null);
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pinAlertProperty() { return pinAlert.getReadOnlyProperty(); }
    public ReadOnlyStringProperty suggestionProperty() { return suggestion.getReadOnlyProperty(); }
    public ReadOnlyStringProperty watchingProperty() { return watching.getReadOnlyProperty(); }
    public ObservableList<Check> checks() { return checks; }
    public ObservableList<PinRecord> pins() { return pins; }
    public ObservableList<BenchResult> bench() { return bench; }
}
