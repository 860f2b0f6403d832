package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;

/** A masked systemd-resolved: systemctl refuses to enable or start it, so its fix unmasks first, and apply refuses. */
class MaskedResolverTest {
    @TempDir
    Path root;

    private ResolverState stopped(boolean masked) {
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                "systemd-resolved is not running", new LinuxDetails(252, null, List.of(), null, true, null, masked));
    }

    @Test
    @DisplayName("the unit linked to /dev/null in etc or run is read as masked; another link or none is not")
    void readFromTheMaskLinks() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        assertFalse(ResolvedStateReader.masked(paths));
        Path etcLink = paths.resolvedMaskLinks().get(0);
        Files.createDirectories(etcLink.getParent());
        Files.createSymbolicLink(etcLink, Path.of("/lib/systemd/system/systemd-resolved.service"));
        assertFalse(ResolvedStateReader.masked(paths), "an override of the unit is no mask");
        Files.delete(etcLink);
        Path runLink = paths.resolvedMaskLinks().get(1);
        Files.createDirectories(runLink.getParent());
        Files.createSymbolicLink(runLink, Path.of("/dev/null"));
        assertTrue(ResolvedStateReader.masked(paths), "systemctl mask --runtime");
        assertEquals(Path.of("/etc/systemd/system/systemd-resolved.service"),
                LinuxPaths.system().resolvedMaskLinks().get(0));
    }

    @Test
    @DisplayName("a masked, stopped resolver: the fix and its command unmask before they start it")
    void fixUnmasksFirst() {
        LinuxRules rules = new LinuxRules();
        Reason r = rules.assess(stopped(true)).get(0);
        assertEquals("RESOLVER_STOPPED", r.code());
        assertTrue(r.message().endsWith("(its unit is masked)."), r.message());
        assertEquals("sudo systemctl unmask systemd-resolved.service && sudo systemctl enable --now "
                + "systemd-resolved.service", rules.command(r));
        assertTrue(r.fix().contains("systemctl unmask"), r.fix());
        Reason plain = rules.assess(stopped(false)).get(0);
        assertEquals("sudo systemctl enable --now systemd-resolved.service", rules.command(plain));
    }

    @Test
    @DisplayName("apply refuses on a masked resolver before writing anything; turning encryption off is not refused")
    void applyRefuses() {
        SystemdResolvedAdapter adapter = new SystemdResolvedAdapter(LinuxPaths.under(root), null);
        DesiredSettings strict = new DesiredSettings(List.of(ServerAddress.parse("198.18.0.2#dot.test")), DotMode.STRICT,
                null, true, List.of());
        var plan = adapter.plan(strict, stopped(true));
        assertTrue(plan.isRefused());
        assertTrue(plan.refusal().contains("unmask it first"), plan.refusal());
        DesiredSettings off = new DesiredSettings(List.of(), DotMode.OFF, null, false, List.of());
        String offRefusal = adapter.plan(off, stopped(true)).refusal();
        assertFalse(offRefusal != null && offRefusal.contains("masked"), offRefusal);
    }
}
