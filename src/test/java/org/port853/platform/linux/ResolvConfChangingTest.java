package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolvConfState.Kind;
import org.port853.core.ResolverState;
import org.port853.core.Severity;
import org.port853.ui.apply.ChangeTexts;
import org.port853.ui.common.I18n;

/**
 * ResolvConfLook took a file that changed under it again up to 100 times back to back, so one rewritten without end
 * kept a core busy; when it never held still, status called it "a file of its own with no nameserver line".
 */
@DisplayName("/etc/resolv.conf rewritten without end is looked at a few times, with pauses, and said to be changing")
class ResolvConfChangingTest {
    @Test
    void aFewLooksWithPausesBetween() {
        List<Long> looks = new ArrayList<>();
        Optional<ResolvConfLook> look = ResolvConfLook.untilStill(() -> {
            looks.add(System.nanoTime());
            return Optional.empty();
        });
        assertTrue(look.isEmpty());
        assertTrue(looks.size() > 1 && looks.size() <= 10, looks.size() + " looks");
        for (int i = 1; i < looks.size(); i++) {
            assertTrue(looks.get(i) - looks.get(i - 1) >= 5_000_000L, "no pause before look " + i);
        }
    }

    @Test
    void aLookThatHoldsIsTakenAtOnce() {
        List<Long> looks = new ArrayList<>();
        ResolvConfLook still = new ResolvConfLook(null, null, null);
        assertEquals(Optional.of(still), ResolvConfLook.untilStill(() -> {
            looks.add(System.nanoTime());
            return Optional.of(still);
        }));
        assertEquals(1, looks.size());
    }

    @Test
    void itIsSaidToBeChangingWithWhatToDo() {
        ResolvConfState file = ResolvConfInspector.state(Optional.empty(), true);
        assertEquals(new ResolvConfState(Kind.CHANGING, null, List.of(), true), file);
        assertEquals("/etc/resolv.conf kept changing while it was read", file.bypass().orElseThrow());
        assertEquals(5, ResolvConfInspector.bypassKind(file));

        ResolverState s = ResolvConfDirectoryTest.with(file, "yes");
        assertTrue(new LinuxRules().assess(s).stream().noneMatch(r -> r.code().equals("RESOLV_CONF_STATIC")));
        Reason r = DropInDirectoryReasonTest.reason(s, "RESOLV_CONF_CHANGING");
        assertEquals(Severity.WARNING, r.severity());
        assertEquals("/etc/resolv.conf changed each time Port853 looked at it: a program keeps rewriting it, so what "
                + "programs that read it find there cannot be told.", r.message());
        assertTrue(r.fix().startsWith("Find the program that keeps rewriting /etc/resolv.conf") && r.fix().endsWith(
                "--link-resolv-conf does it with the settings it applies."), r.fix());
        String english = ResolvConfDirectoryTest.said(Locale.ENGLISH, r, s);
        assertTrue(english.startsWith("/etc/resolv.conf changed each time Port853 looked at it") && english.contains(
                "and stop it, then point /etc/resolv.conf at the local resolver"), english);
        String german = ResolvConfDirectoryTest.said(Locale.GERMAN, r, s);
        assertTrue(german.startsWith("/etc/resolv.conf hat sich bei jedem Blick von Port853 geändert") && german
                .contains("und es anhalten, dann /etc/resolv.conf"), german);
        Reason off = DropInDirectoryReasonTest.reason(ResolvConfDirectoryTest.with(file, "no"), "RESOLV_CONF_CHANGING");
        assertTrue(off.fix().endsWith("and stop it."), off.fix());
        assertTrue(org.port853.ui.common.I18n.in(Locale.GERMAN, () -> org.port853.ui.common.I18n.t(
                "change.result.not-covered", 5, "", 0, "x", 0)).contains("hat sich beim Lesen ständig geändert"));
    }

    @Test
    @DisplayName("apply's not-covered advice says to stop the program that keeps rewriting the file before linking it, "
            + "in English and German, without naming a program it cannot see")
    void notCoveredAdvisesStoppingTheRewriterBeforeTheLink(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) {
        ResolvConfState file = ResolvConfInspector.state(Optional.empty(), true);
        assertEquals("find the program that keeps rewriting it and stop it first, then ",
                file.beforeTheLink("/etc/resolv.conf"), "apply's dry-run note puts this before its advice");
        org.port853.platform.ApplyResult r = new SystemdResolvedAdapter(LinuxPaths.under(root), new PrivilegedClient())
                .notCovered(org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.APPLIED,
                        "names resolve"), file, false);
        assertEquals("names resolve, but /etc/resolv.conf kept changing while it was read, so programs that read it "
                + "bypass this change; find the program that keeps rewriting it and stop it first, then run apply "
                + "again with --link-resolv-conf to point it at the stub", r.reason());
        assertTrue(I18n.in(Locale.ENGLISH, () -> ChangeTexts.reason(r)).endsWith("; find the program that keeps "
                + "rewriting it and stop it first, then \"Fix resolv.conf\" on the Status screen points it at the stub"),
                I18n.in(Locale.ENGLISH, () -> ChangeTexts.reason(r)));
        assertTrue(I18n.in(Locale.GERMAN, () -> ChangeTexts.reason(r)).endsWith("; finden Sie zuerst das Programm, das "
                + "sie ständig neu schreibt, und halten Sie es an, dann „resolv.conf reparieren“ auf der Seite „Status“ "
                + "lässt sie auf den Stub zeigen"), I18n.in(Locale.GERMAN, () -> ChangeTexts.reason(r)));
        org.port853.platform.ApplyResult off = new SystemdResolvedAdapter(LinuxPaths.under(root),
                new PrivilegedClient()).notCovered(org.port853.platform.ApplyResult.of(
                        org.port853.platform.ApplyResult.Outcome.APPLIED, "names resolve"), file, true);
        assertTrue(off.reason().contains("; find the program that keeps rewriting it and stop it first, then "
                + "systemd-resolved's stub listener is off"), off.reason());
    }
}
