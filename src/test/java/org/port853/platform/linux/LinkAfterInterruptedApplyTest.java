package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ChangeEngine;
import org.port853.change.JournalStore;
import org.port853.change.ResolverControl;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;

/**
 * {@code apply --link-resolv-conf} run again after a run that was killed once it had linked resolv.conf: the rerun
 * finds the link in place, yet must still ask for it, or the engine (which puts back what an interrupted change
 * touched and the new one does not name) restores the old resolv.conf.
 */
class LinkAfterInterruptedApplyTest {
    static final String STATIC = "nameserver 192.0.2.53\n";

    @TempDir
    Path root;
    LinuxPaths paths;
    LinuxChange helperSide;

    /** A resolver that restarts and answers over TLS; {@code killed}: the process dies at the restart. */
    static ResolverControl resolver(boolean killed) {
        return new ResolverControl() {
            @Override
            public void reload() {
                if (killed) {
                    throw new IllegalStateException("killed");
                }
            }

            @Override
            public Health check(boolean requireEncrypted) {
                return new Health(true, true, "resolved example.com over an encrypted connection", null);
            }
        };
    }

    @BeforeEach
    void setUp() throws IOException {
        paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        helperSide = new LinuxChange(paths, 252, () -> "yes");
    }

    ApplyResult applyAsTheAdapterAsks(ResolverControl resolver) throws IOException {
        HelperRequest request = new SystemdResolvedAdapter(paths, new PrivilegedClient()).applyRequest(StubListenerOffTest.STRICT, true);
        ChangeEngine engine = new ChangeEngine(new JournalStore(paths.stateDir()),
                new FileItemStore(Set.of(paths.ourDropIn(), paths.resolvConf())), resolver, Duration.ofMillis(500),
                List.of());
        return engine.apply(helperSide.targetItems(request), "link", true);
    }

    @Test
    void theRerunKeepsTheLinkTheInterruptedRunWrote() throws IOException {
        Files.writeString(paths.resolvConf(), STATIC);
        assertThrows(IllegalStateException.class, () -> applyAsTheAdapterAsks(resolver(true)));
        assertEquals(Path.of(LinuxPaths.STUB_RESOLV_CONF), Files.readSymbolicLink(paths.resolvConf()),
                "the interrupted run got as far as the link");

        ApplyResult rerun = applyAsTheAdapterAsks(resolver(false));

        assertEquals(ApplyResult.Outcome.APPLIED, rerun.outcome(), rerun.reason());
        assertTrue(Files.isSymbolicLink(paths.resolvConf()), "the rerun put the static resolv.conf back");
        assertEquals(Path.of(LinuxPaths.STUB_RESOLV_CONF), Files.readSymbolicLink(paths.resolvConf()));
        assertTrue(rerun.actions().stream().anyMatch(a -> a.startsWith("check the interrupted change")),
                "the same change, checked, not replaced: " + rerun.actions());
    }

    @Test
    void aLinkThatAlreadyLeadsToTheStubIsNeitherRewrittenNorShownAsAChange() throws IOException {
        Path relative = paths.resolvConf().getParent().relativize(Path.of(LinuxPaths.STUB_RESOLV_CONF));
        Files.createSymbolicLink(paths.resolvConf(), relative);

        Plan p = new ResolvedPlanner(paths).plan(StubListenerOffTest.STRICT, 252, List.of(), true, false);
        assertFalse(p.files().get(1).changes(), "a relative link to the stub is the link: " + p.files().get(1));
        assertFalse(p.diff().contains(paths.resolvConf().toString()), p.diff());
        assertFalse(p.actions().contains("write " + paths.resolvConf()), p.actions().toString());

        assertEquals(ApplyResult.Outcome.APPLIED, applyAsTheAdapterAsks(resolver(false)).outcome());
        assertEquals(relative, Files.readSymbolicLink(paths.resolvConf()), "kept as it was spelled");
    }
}
