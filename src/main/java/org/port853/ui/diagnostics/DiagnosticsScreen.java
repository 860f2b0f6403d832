package org.port853.ui.diagnostics;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import org.port853.core.FixAction;
import org.port853.core.ProviderCatalog;
import org.port853.core.Reason;
import org.port853.core.Severity;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.FixActions;
import org.port853.probe.doctor.Hardening;
import org.port853.ui.AppModel;
import org.port853.ui.AppServices;
import org.port853.ui.common.Errors;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Notifier;
import org.port853.ui.status.StatusViewModel;
import org.port853.ui.task.BackgroundTask;

/** Builds the Diagnostics screen for the main window: the one place that knows the window's other parts. */
public final class DiagnosticsScreen {
    private DiagnosticsScreen() {
    }

    public static Node create(AppServices services, AppModel model, StatusViewModel status) {
        return create(services, model, status, new javafx.beans.property.SimpleObjectProperty<>());
    }

    /**
     * @param watch the window's pin watcher: null while it is starting in the background (the screen follows it once
     *              it is there) and when pins are not watched
     */
    public static Node create(AppServices services, AppModel model, StatusViewModel status,
                              javafx.beans.value.ObservableValue<PinWatch> watch) {
        DiagnosticsService service = services.demo() ? new DemoDiagnostics(services.adapter())
                : new SystemDiagnostics(services.adapter(), ProviderCatalog::loadDefault, model.ownLookups());
        DiagnosticsViewModel vm = new DiagnosticsViewModel(service, model.tasks(),
                text -> services.notifier().notify(Notifier.Kind.ERROR, I18n.t("diag.pins.changed"), text));
        follow(vm, watch);
        vm.onRun(model.tlsFailures()::checked); // stamped when the run ended
        vm.followSettings(model.stateProperty(), model.pinsRecordedProperty());
        vm.onPinsChanged(model::pinsRecorded);
        model.changedKeysProperty().addListener((o, a, b) -> vm.loadPins()); // a Refresh found a key change
        // one hardening at a time: a second Fix while it runs would ask for authorisation again
        org.port853.ui.task.TaskSlot hardening = new org.port853.ui.task.TaskSlot(model.tasks());
        return new DiagnosticsView(vm, check -> fix(check, status, services.demo(), hardening::isBusy, () -> hardening.run(
                BackgroundTask.of(() -> services.adapter().harden(true))
                        .onSuccess(DiagnosticsScreen::showResult)
                        .onFailure(t -> showResult(org.port853.platform.ApplyResult.of(
                                org.port853.platform.ApplyResult.Outcome.FAILED,
                                I18n.t("apply.failed.system", Errors.describe(t))))))), c -> offered(c, status));
    }

    /** A check's fix is offered as a button when it can be made now (as on Status: not one that would be refused). */
    static boolean offered(Check check, StatusViewModel status) {
        if (FixActions.HARDEN_PORT_53.equals(check.fixAction())) {
            return true;
        }
        FixAction f;
        try {
            f = FixAction.valueOf(check.fixAction());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        return status.offersFix(new Reason(check.id(), Severity.WARNING, "", null, f));
    }

    /** The screen follows the watcher that runs now and each one that starts later (it starts in the background). */
    static void follow(DiagnosticsViewModel vm, javafx.beans.value.ObservableValue<PinWatch> watch) {
        java.util.function.Consumer<PinWatch> follow = w -> {
            if (w != null) {
                vm.follow(w.alertProperty(), w.description());
            }
        };
        follow.accept(watch.getValue());
        watch.addListener((o, old, w) -> follow.accept(w));
    }

    private static void showResult(org.port853.platform.ApplyResult r) {
        Alert a = new Alert(alertType(r));
        a.setTitle(I18n.t("diag.harden.title"));
        a.setHeaderText(resultHeader(r));
        a.setContentText(resultBody(r));
        a.show();
    }

    /** Where the command line exits 3 (a rule that lasts only until the next reboot), the dialog warns. */
    static Alert.AlertType alertType(org.port853.platform.ApplyResult r) {
        return !r.succeeded() ? Alert.AlertType.ERROR
                : r.doneWithWarning() ? Alert.AlertType.WARNING : Alert.AlertType.INFORMATION;
    }

    /** What was done, step by step; null when nothing was (the demo): no empty body under the headline. */
    static String resultBody(org.port853.platform.ApplyResult r) {
        String done = org.port853.ui.apply.ChangeTexts.actions(r);
        return done == null || done.isBlank() ? null : done;
    }

    /** The hardening result's headline: a plan that changed nothing says why (the demo: only simulated). */
    static String resultHeader(org.port853.platform.ApplyResult r) {
        String why = org.port853.ui.apply.ChangeTexts.reason(r);
        return r.outcome() == org.port853.platform.ApplyResult.Outcome.PLANNED && why != null && !why.isBlank() ? why
                : org.port853.ui.apply.ApplyViewModel.resultText(r);
    }

    /** What the confirmation says happens: the demo asks for nothing and changes nothing. */
    static String hardenText(boolean demo) {
        return I18n.t(demo ? "diag.harden.text.demo" : "diag.harden.text");
    }

    /** As {@link #hardenText(boolean)}, first saying whose machines it cuts where a DNS server serves the network. */
    static String hardenText(boolean demo, Check exposure) {
        return org.port853.probe.doctor.ExposureCheck.serversCut(exposure)
                .map(s -> I18n.t("diag.harden.cuts", s.names(), s.count()) + " ")
                .orElse("") + hardenText(demo);
    }

    /** Resolver fixes go through the Status screen's apply flow (plan, preview, apply, health check). */
    static void fix(Check check, StatusViewModel status, boolean demo, java.util.function.BooleanSupplier hardening,
                    Runnable harden) {
        if (FixActions.HARDEN_PORT_53.equals(check.fixAction())) {
            if (hardening.getAsBoolean()) {
                return; // already under way: its result comes as a dialog of its own
            }
            Alert a = new Alert(Alert.AlertType.CONFIRMATION);
            a.setTitle(I18n.t("diag.harden.title"));
            a.setHeaderText(I18n.t("diag.harden.header"));
            TextArea preview = new TextArea(hardenText(demo, check) + "\n\n"
                    + I18n.t("diag.harden.preview", Hardening.FILE, Hardening.ruleset(), Hardening.TABLE));
            preview.setEditable(false);
            preview.setWrapText(true);
            a.getDialogPane().setContent(preview);
            a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> harden.run());
            return;
        }
        try {
            FixAction f = FixAction.valueOf(check.fixAction());
            CheckTexts.Text said = CheckTexts.of(check);
            status.fix(new Reason(check.id(), Severity.WARNING, said.evidence(), said.fix(), f));
        } catch (IllegalArgumentException | NullPointerException e) {
            // a check without an app-applied fix shows its fix text only
        }
    }
}
