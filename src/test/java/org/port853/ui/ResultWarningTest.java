package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.I18n;
import org.port853.ui.task.CurrentThreadTaskExecutor;

/**
 * The change result's warning (the sheet's colour and the notification's kind) follows the command line's rule for
 * exit code 3, "done but not covering everything": a revert that left a file of Port853's that someone else changed
 * is no plain success in the window either.
 */
@DisplayName("change result: a warning exactly where the command line exits 3")
class ResultWarningTest {
    private static final String FILE = "/etc/systemd/resolved.conf.d/zz-port853.conf";

    private Fakes.FakeAdapter adapter;
    private AppModel model;
    private Fakes.RecordingNotifier shown;

    @BeforeEach
    void setUp() throws Exception {
        adapter = new Fakes.FakeAdapter(Fakes.strictState(List.of(ServerAddress.parse("198.18.0.2#dot.test")), true));
        adapter.delayMs = 0;
        shown = new Fakes.RecordingNotifier();
        model = new AppModel(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), shown, Runnable::run),
                new CurrentThreadTaskExecutor());
        model.refresh();
    }

    private ApplyViewModel revertTo(ApplyResult r) {
        adapter.nextRevert = r;
        ApplyViewModel apply = new ApplyViewModel(model);
        apply.begin(ApplyViewModel.Kind.REVERT, AppModel.off());
        apply.confirm();
        assertEquals(ApplyViewModel.Phase.RESULT, apply.phaseProperty().get());
        return apply;
    }

    private String lastNotification() {
        return shown.shown.get(shown.shown.size() - 1);
    }

    @Test
    @DisplayName("reverted, but the edited drop-in was left: a warning that names the file, in English and German")
    void revertThatLeftAFileWarns() {
        ApplyResult left = ApplyResult.of(Outcome.REVERTED, Sentence.of("restored the previous settings; names resolve; "
                + "left " + FILE + " as it is because someone else changed it after Port853's change", "result.reverted",
                1, FILE, "", 0));
        ApplyViewModel apply = revertTo(left);
        assertTrue(apply.resultWarningProperty().get(), "the command line exits 3 for it");
        assertTrue(lastNotification().startsWith("WARNING"), lastNotification());
        assertEquals("Reverted: restored the previous settings; names resolve; left " + FILE + " as it is because "
                + "someone else changed it after the change by Port853", apply.resultTextProperty().get());
        assertEquals("Zurückgesetzt: die vorherigen Einstellungen sind wiederhergestellt; Namen werden aufgelöst; " + FILE
                + " blieb, wie es war, weil jemand anderes es nach der Änderung von Port853 geändert hat",
                I18n.in(Locale.GERMAN, () -> ApplyViewModel.resultText(left)));
    }

    @Test
    @DisplayName("nothing reverted because someone else changed the drop-in: a warning that says so, not 'nothing to do'")
    void nothingRevertedWarns() {
        ApplyViewModel apply = revertTo(ApplyResult.of(Outcome.UNCHANGED, Sentence.of("nothing reverted: " + FILE
                + " changed after Port853 last wrote it, so it is someone else's now and stays as it is, with what it "
                + "sets; to remove it, delete it yourself, or apply again and then revert",
                ApplyResult.NOTHING_REVERTED_OTHERS, FILE)));
        assertTrue(apply.resultWarningProperty().get());
        assertTrue(lastNotification().startsWith("WARNING"), lastNotification());
        assertEquals("Nothing reverted: " + FILE + " changed after Port853 last wrote it, so it is someone else's now "
                + "and stays as it is, with what it sets; to remove it, delete it yourself, or apply again and then "
                + "revert.", apply.resultTextProperty().get());
    }

    @Test
    @DisplayName("a revert that put everything back, and one with nothing to do, are plain successes")
    void completeRevertsDoNotWarn() {
        ApplyViewModel all = revertTo(ApplyResult.of(Outcome.REVERTED, Sentence.of(
                "restored the previous settings; names resolve", "result.reverted", 0, "", "", 0)));
        assertFalse(all.resultWarningProperty().get());
        assertTrue(lastNotification().startsWith("INFO"), lastNotification());
        assertEquals("Reverted: the system configuration is back as it was.", all.resultTextProperty().get());

        ApplyViewModel none = revertTo(ApplyResult.of(Outcome.UNCHANGED, Sentence.of(
                "nothing to revert: Port853's changes are not in place", "result.nothing-to-revert")));
        assertFalse(none.resultWarningProperty().get());
        assertTrue(lastNotification().startsWith("INFO"), lastNotification());
    }

    @Test
    @DisplayName("a revert that finds nothing of Port853's says there is nothing to undo, in the sheet and the "
            + "notification, in English and German: 'already in place' is an apply's")
    void nothingToUndoIsARevertsWording() {
        ApplyResult none = ApplyResult.of(Outcome.UNCHANGED, Sentence.of(
                "nothing to revert: Port853's changes are not in place", ApplyResult.NOTHING_TO_REVERT));
        ApplyViewModel revert = revertTo(none);
        assertEquals("Nothing to undo: Port853 has no changes on this system.", revert.resultTextProperty().get());
        assertEquals("INFO: " + I18n.t("notify.apply.title") + ": Nothing to undo: Port853 has no changes on this "
                + "system.", lastNotification());
        assertEquals("Nichts rückgängig zu machen: Port853 hat auf diesem System nichts geändert.",
                I18n.in(Locale.GERMAN, () -> ApplyViewModel.resultText(ApplyViewModel.Kind.REVERT, none)));

        String file = "/etc/systemd/resolved.conf";
        ApplyResult noted = none.withNote(Sentence.of("DNS-over-TLS (yes) stays on: it is set in " + file + ", outside "
                + "Port853, and revert removes only Port853's own settings; to turn it off, change DNSOverTLS= there",
                "result.encryption-stays", "yes", file));
        assertEquals("Nothing to undo: Port853 has no changes on this system. Encryption stays on (yes): " + file
                + " turns it on, outside Port853. To turn it off, change DNSOverTLS= in that file.",
                revertTo(noted.with(new ApplyResult.EncryptionStaysOn("yes", file), new Sentence(noted.reason(),
                        noted.reasonWords()))).resultTextProperty().get());

        model.modeProperty().set(org.port853.core.DotMode.OPPORTUNISTIC); // a change to make
        adapter.nextApply = ApplyResult.of(Outcome.UNCHANGED, Sentence.of("the settings are already in place",
                "result.in-place"));
        ApplyViewModel apply = new ApplyViewModel(model);
        apply.beginApplyOrExplain(model::desired);
        apply.confirm();
        assertEquals("Nothing to do: these settings were already in place.", apply.resultTextProperty().get());
    }

    @Test
    @DisplayName("a recovery that changed nothing says why (no interrupted change, or one left for later), not that "
            + "settings were already in place")
    void aRecoveryThatChangedNothingSaysWhy() {
        adapter.nextRecover = ApplyResult.of(Outcome.UNCHANGED, Sentence.of("left the interrupted change as it is: the "
                + "network did not come up within 300 s, so the check proves nothing; the next boot or 'port853 recover' "
                + "checks it again", "result.network-down", 300));
        ApplyViewModel recover = new ApplyViewModel(model);
        recover.begin(ApplyViewModel.Kind.RECOVER, null);
        recover.confirm();
        assertEquals("Left the interrupted change as it is: the network did not come up within 300 s, so the check "
                + "proves nothing; the next boot or 'port853 recover' checks it again.",
                recover.resultTextProperty().get());
    }

    @Test
    @DisplayName("applied but not covering programs that read a static resolv.conf: a warning, as exit 3, not a failure")
    void notCoveredIsAWarning() {
        model.modeProperty().set(org.port853.core.DotMode.OPPORTUNISTIC); // a change to make
        adapter.nextApply = ApplyResult.of(Outcome.NOT_COVERED, "/etc/resolv.conf is a static file");
        ApplyViewModel apply = new ApplyViewModel(model);
        apply.beginApplyOrExplain(model::desired);
        apply.confirm();
        assertEquals(ApplyViewModel.Phase.RESULT, apply.phaseProperty().get());
        assertTrue(apply.resultWarningProperty().get());
        assertTrue(lastNotification().startsWith("WARNING"), lastNotification());
    }
}
