package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * Port853's drop-in replaced by a symbolic link after Port853's change (DROP_IN_OURS_LINKED): the revert leaves it,
 * as someone else's file, and its advice must be one that works: apply refuses to write through the link
 * (refused.symlink), so "apply again and then revert" cannot remove it.
 */
@DisplayName("a revert that leaves a link at Port853's drop-in path does not advise applying again")
class LinkedDropInRevertTest {
    @TempDir
    Path root;

    @Test
    void linkAtOurPathIsToBeRemovedByHand() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        LinuxChange platform = new LinuxChange(paths, 252, () -> "yes");
        var resolver = DropInDirectoryRaceTest.resolver(() -> { }, () -> { });
        assertEquals(Outcome.APPLIED, platform.engine(DropInDirectoryRaceTest.WAIT, resolver).apply(
                platform.targetItems(HelperRequest.apply(StubListenerOffTest.STRICT, false)), "strict", true).outcome());
        Path ours = paths.ourDropIn();
        Files.delete(ours);
        Files.createSymbolicLink(ours, Path.of("/dev/null"));

        ApplyResult r = platform.engine(DropInDirectoryRaceTest.WAIT, resolver).revert();
        assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
        assertEquals("nothing reverted: " + ours + " changed after Port853 last wrote it, so it is someone else's now "
                + "and stays as it is, with what it sets; to remove it, delete it yourself (sudo rm " + ours + "): "
                + "applying again and then reverting cannot, as Port853 does not write through the symbolic link " + ours,
                r.reason());
        assertEquals("result.nothing-to-revert.linked", r.reasonWords().wording());
        assertEquals("nichts zurückgenommen: " + ours + " wurde geändert, nachdem Port853 es zuletzt geschrieben hat; es "
                + "gehört jetzt jemand anderem und bleibt, wie es ist, samt seinen Einstellungen; zum Entfernen selbst "
                + "löschen (sudo rm " + ours + "): erneut anwenden und dann zurücknehmen geht nicht, da Port853 nicht "
                + "durch den symbolischen Link " + ours + " schreibt", org.port853.ui.common.I18n.in(Locale.GERMAN,
                () -> org.port853.ui.common.I18n.said("change.", r.reasonWords(), "", r.reason())));
        assertTrue(Files.isSymbolicLink(ours), "the link is someone else's and stays");
        assertEquals(List.of(ours.toString()), r.filesLeftAlone(), "exit 3 and the removal scripts read this list");
        assertEquals("refused.symlink", platform.refusalSaid(StubListenerOffTest.STRICT).orElseThrow().words()
                .wording(), "what the old advice said to do first is refused");
    }

    @Test
    @DisplayName("a regular file someone else wrote there keeps the advice to apply again and then revert: that works")
    void fileAtOurPathKeepsTheOldAdvice() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        LinuxChange platform = new LinuxChange(paths, 252, () -> "yes");
        var resolver = DropInDirectoryRaceTest.resolver(() -> { }, () -> { });
        platform.engine(DropInDirectoryRaceTest.WAIT, resolver).apply(
                platform.targetItems(HelperRequest.apply(StubListenerOffTest.STRICT, false)), "strict", true);
        Files.writeString(paths.ourDropIn(), "# a playbook's\n[Resolve]\nDNS=192.0.2.7\n");

        ApplyResult r = platform.engine(DropInDirectoryRaceTest.WAIT, resolver).revert();
        assertEquals("result.nothing-to-revert.others", r.reasonWords().wording(), r.reason());
        assertTrue(r.reason().endsWith("delete it yourself, or apply again and then revert"), r.reason());
        assertEquals(List.of(paths.ourDropIn().toString()), r.filesLeftAlone());
        assertTrue(platform.refusalSaid(StubListenerOffTest.STRICT).isEmpty(), "apply writes over it");
    }
}
