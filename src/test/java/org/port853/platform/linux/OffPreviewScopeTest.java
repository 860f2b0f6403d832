package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.helper.HelperRequest;
import org.port853.helper.PrivilegedHelper;
import org.port853.helper.Requester;
import org.port853.platform.Plan;

/**
 * The window's Off previews the privileged helper's revert: a file at Port853's drop-in path that the published revert
 * scope shows the revert leaves is not promised removed (the window then says there is nothing to turn off). Where the
 * scope is unknown (the helper could not write it), the preview shows the removal and the helper, the window's Off and
 * 'port853 revert' alike, judges by its journal.
 */
@DisplayName("the window's Off previews what the helper's revert does with the file at Port853's path")
class OffPreviewScopeTest {
    /** An edited copy of Port853's drop-in that kept its header. */
    private static final String EDITED_WITH_OUR_HEADER = DropInRenderer.HEADER + "[Resolve]\nDNS=192.0.2.7\n"
            + "DNSOverTLS=yes\n";

    @TempDir
    Path root;

    @Test
    @DisplayName("someone else's file at Port853's path, no journal: no removal previewed, and the helper removes none")
    void someoneElsesFileWithoutAJournal() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        String theirs = "# a playbook's\n[Resolve]\nDNS=192.0.2.7\nDNSOverTLS=yes\n";
        Files.writeString(paths.ourDropIn(), theirs);
        assertTrue(off(paths).changesNothing(), off(paths).diff());
        assertTrue(revertByTheHelper(paths).stdout().contains("\"result.nothing-to-revert\""));
        assertEquals(theirs, Files.readString(paths.ourDropIn()));
    }

    @Test
    @DisplayName("Port853's drop-in edited since it wrote it (journalled, scope published): no removal previewed, and "
            + "the helper leaves it")
    void anEditedCopyWithItsScope() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        applied(paths);
        Files.writeString(paths.ourDropIn(), EDITED_WITH_OUR_HEADER);
        assertTrue(off(paths).changesNothing(), off(paths).diff());
        assertTrue(revertByTheHelper(paths).stdout().contains("result.nothing-to-revert.others"));
        assertEquals(EDITED_WITH_OUR_HEADER, Files.readString(paths.ourDropIn()));
    }

    @Test
    @DisplayName("Port853's drop-in as it wrote it, the scope unwritable: the removal is previewed, and the helper "
            + "removes it by its journal")
    void oursWithAnUnwritableScope() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        unwritableScope(paths);
        applied(paths);
        assertFalse(off(paths).changesNothing(), "the removal is previewed");
        PrivilegedHelper.Response r = revertByTheHelper(paths);
        assertTrue(r.stdout().contains("\"REVERTED\""), r.stdout() + r.stderr());
        assertFalse(Files.exists(paths.ourDropIn()));
    }

    @Test
    @DisplayName("an edited copy, the scope unwritable: the preview leaves it to the helper, which leaves the file by "
            + "its journal")
    void anEditedCopyWithAnUnwritableScope() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        unwritableScope(paths);
        applied(paths);
        Files.writeString(paths.ourDropIn(), EDITED_WITH_OUR_HEADER);
        assertFalse(off(paths).changesNothing(), "unknown: left to the helper");
        PrivilegedHelper.Response r = revertByTheHelper(paths);
        assertTrue(r.stdout().contains("result.nothing-to-revert.others"), r.stdout() + r.stderr());
        assertEquals(EDITED_WITH_OUR_HEADER, Files.readString(paths.ourDropIn()));
    }

    /** A directory where the helper writes revert-scope.json: every write of it fails, and readers find none. */
    private static void unwritableScope(LinuxPaths paths) throws Exception {
        Files.createDirectories(paths.stateDir().resolve("revert-scope.json"));
    }

    /** Port853's strict settings applied and journalled. */
    private static void applied(LinuxPaths paths) throws Exception {
        LinuxChange platform = new LinuxChange(paths, 252, () -> "yes");
        assertEquals(org.port853.platform.ApplyResult.Outcome.APPLIED, platform.engine(DropInDirectoryRaceTest.WAIT,
                DropInDirectoryRaceTest.resolver(() -> { }, () -> { })).apply(platform.targetItems(HelperRequest.apply(
                ResolvedPlannerTest.STRICT, false)), "strict", true).outcome());
    }

    private static Plan off(LinuxPaths paths) {
        return new ResolvedPlanner(paths).plan(ResolvedPlannerTest.OFF, 252, DropInScanner.scan(paths, 252), false);
    }

    private static PrivilegedHelper.Response revertByTheHelper(LinuxPaths paths) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                PrivilegedHelper.handle(HelperRequest.of(HelperRequest.Action.REVERT),
                        new LinuxChange(paths, 252, () -> "yes"), new Requester(0, "direct")));
    }
}
