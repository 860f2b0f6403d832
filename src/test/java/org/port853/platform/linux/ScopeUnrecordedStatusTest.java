package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DropIn;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.Severity;
import org.port853.helper.HelperRequest;

/**
 * Port853's drop-in as it wrote it, where the helper could not record its revert scope (a read-only /var/lib: here a
 * folder where revert-scope.json goes, so that every write of it fails): status still shows the drop-in as Port853's,
 * not as someone else's, and says that the scope is not recorded.
 */
@DisplayName("status with the revert scope unrecorded")
class ScopeUnrecordedStatusTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("Port853's drop-in is Port853's, and REVERT_SCOPE_UNRECORDED says why the scope is missing")
    void oursAndSaidSo() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.stateDir().resolve("revert-scope.json"));
        LinuxChange platform = new LinuxChange(paths, 252, () -> "yes");
        assertEquals(org.port853.platform.ApplyResult.Outcome.APPLIED, platform.engine(DropInDirectoryRaceTest.WAIT,
                DropInDirectoryRaceTest.resolver(() -> { }, () -> { })).apply(platform.targetItems(HelperRequest.apply(
                ResolvedPlannerTest.STRICT, false)), "strict", true).outcome());
        DropIn ours = DropInScanner.scan(paths, 252).stream().filter(d -> d.path().equals(paths.ourDropIn().toString()))
                .findFirst().orElseThrow();
        assertTrue(ours.ours(), "Port853's own drop-in, not someone else's");
        LinuxDetails read = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> (LinuxDetails) new ResolvedStateReader(paths, false).read().platform());
        assertTrue(read.revertScopeUnrecorded());

        ResolverState s = stateWith(true);
        Reason r = DropInDirectoryReasonTest.reason(s, "REVERT_SCOPE_UNRECORDED");
        assertEquals(Severity.INFO, r.severity());
        assertFalse(new LinuxRules().refusesChanges(r));
        String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
        String english = "Port853 could not record in /var/lib/port853 which files a revert puts back (the folder may "
                + "be read-only or full), so whether /etc/systemd/resolved.conf.d/zz-port853.conf is Port853's is told "
                + "here by its journal or its header; a revert decides by Port853's journal alone. / Make /var/lib/port853 writable "
                + "again, then run " + sudo + "port853 recover: it records them.";
        assertEquals(english, r.message() + " / " + r.fix().replace("sudo ", sudo));
        assertEquals(english, DropInDirectoryReasonTest.words(Locale.ENGLISH, r, s));
        assertTrue(DropInDirectoryReasonTest.words(Locale.GERMAN, r, s).startsWith("Port853 konnte in /var/lib/port853 "
                + "nicht festhalten"));
        assertTrue(new LinuxRules().assess(stateWith(false)).stream()
                .noneMatch(x -> x.code().equals("REVERT_SCOPE_UNRECORDED")));
    }

    @Test
    @DisplayName("with the scope recorded, nothing is said")
    void recordedIsNotSaid() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        LinuxChange platform = new LinuxChange(paths, 252, () -> "yes");
        platform.engine(DropInDirectoryRaceTest.WAIT, DropInDirectoryRaceTest.resolver(() -> { }, () -> { }))
                .apply(platform.targetItems(HelperRequest.apply(ResolvedPlannerTest.STRICT, false)), "strict", true);
        assertFalse(OurDropIn.scopeUnrecorded(paths));
        assertTrue(OurDropIn.shownAsOurs(paths));
    }

    private static ResolverState stateWith(boolean scopeUnrecorded) {
        LinuxDetails d = new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53")), List.of(), null, true, null, false, null, null,
                LinuxDetails.MAIN_CONF, null, false, null, false, null, null, null, scopeUnrecorded);
        ResolverState running = MainConfPipeReasonTest.stateWith(d, 252, true, org.port853.core.DotMode.STRICT);
        return new ResolverState(running.resolverName(), running.source(), true, true, running.global(), List.of(),
                null, null, d);
    }
}
