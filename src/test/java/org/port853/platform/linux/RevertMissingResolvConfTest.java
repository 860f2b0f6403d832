package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;
import org.port853.ui.apply.ChangeTexts;
import org.port853.ui.common.I18n;

/**
 * A revert restores /etc/resolv.conf byte for byte, also when it was missing before Port853: the resolver's own check
 * then passes ("names resolve"), but most programs cannot resolve names, and the result must say so.
 */
class RevertMissingResolvConfTest {
    @TempDir
    Path root;
    LinuxPaths paths;
    SystemdResolvedAdapter adapter;

    @BeforeEach
    void setUp() throws IOException {
        paths = LinuxPaths.under(root);
        Files.createDirectories(paths.resolvConf().getParent());
        adapter = new SystemdResolvedAdapter(paths, new PrivilegedClient());
    }

    static ApplyResult reverted(int filesLeftAlone) {
        return ApplyResult.of(ApplyResult.Outcome.REVERTED, Sentence.of("restored the previous settings; names resolve",
                "result.reverted", filesLeftAlone, filesLeftAlone == 0 ? "" : "/etc/x.conf", "", 0));
    }

    @Test
    void aMissingResolvConfPutBackIsSaid() {
        ApplyResult r = adapter.missingResolvConfSaid(reverted(0));
        assertEquals(ApplyResult.Outcome.REVERTED, r.outcome());
        assertEquals("restored the previous settings; names resolve; /etc/resolv.conf is missing again, as it was "
                + "before Port853, so most programs cannot resolve names; to fix that, link it to the stub: sudo ln -sf "
                + "/run/systemd/resolve/stub-resolv.conf /etc/resolv.conf", r.reason());
        String german = I18n.in(Locale.GERMAN, () -> ChangeTexts.reason(r));
        assertTrue(german.contains("/etc/resolv.conf fehlt wieder"), german);
        assertTrue(I18n.in(Locale.ENGLISH, () -> ChangeTexts.reason(r)).contains("is missing again"));
    }

    @Test
    void aRecoverThatFinishedAnInterruptedRevertSaysItToo() {
        ApplyResult r = adapter.afterRecover(reverted(0));
        assertTrue(r.reason().contains("/etc/resolv.conf is missing again"), r.reason());
    }

    @Test
    void aResolvConfThatIsThereIsNoConcern() throws IOException {
        Files.writeString(paths.resolvConf(), "nameserver 127.0.0.53\n");
        ApplyResult r = reverted(0);
        assertSame(r, adapter.missingResolvConfSaid(r));
    }

    @Test
    void whatTheRevertLeftAloneIsStillReadBehindTwoNotes() {
        ApplyResult r = adapter.missingResolvConfSaid(reverted(1))
                .withNote(Sentence.of("DNS-over-TLS stays on", "result.encryption-stays", "yes", "/etc/y.conf"));
        assertTrue(r.revertLeftFilesAlone(), r.reasonWords().toString());
        assertEquals("restored the previous settings; names resolve", r.reasonBeforeNote().english());
    }
}
