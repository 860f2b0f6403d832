package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;
import org.port853.ui.apply.ChangeTexts;
import org.port853.ui.common.I18n;

/**
 * With DNSStubListener=no nothing answers on 127.0.0.53: Port853 must neither link /etc/resolv.conf to the stub
 * nor advise it, or every program that reads resolv.conf loses DNS while the D-Bus health check still passes.
 */
class StubListenerOffTest {
    static final DesiredSettings STRICT = new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
            DotMode.STRICT, DnssecMode.NO, true, List.of());
    static final ResolvConfState PIHOLE = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("127.0.0.1"));

    @TempDir
    Path root;
    SystemdResolvedAdapter adapter;

    @BeforeEach
    void setUp() throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        adapter = new SystemdResolvedAdapter(paths, new PrivilegedClient());
    }

    static ResolverState state(String stubListener, ResolvConfState rc) {
        GlobalState g = new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(),
                stubListener, "foreign");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(252, rc, List.of()));
    }

    @Test
    void linkingToAStubNobodyAnswersOnIsRefused() {
        Plan p = adapter.plan(STRICT, state("no", PIHOLE), true);
        assertTrue(p.isRefused());
        assertTrue(p.refusal().startsWith("systemd-resolved's stub listener is off (DNSStubListener=no)")
                && p.refusal().contains("without DNS") && p.refusal().contains("DNSStubListener=yes"), p.refusal());
        assertTrue(I18n.in(Locale.ENGLISH, () -> ChangeTexts.refusal(p)).startsWith(
                "systemd-resolved's stub listener is off"), "the window's words, quotes and all");
        assertTrue(I18n.in(Locale.GERMAN, () -> ChangeTexts.refusal(p)).startsWith(
                "der Stub-Listener von systemd-resolved ist aus (DNSStubListener=no)"));

        assertFalse(adapter.plan(STRICT, state("no", PIHOLE), false).isRefused(), "the drop-in alone is fine");
        assertFalse(adapter.plan(STRICT, state("yes", PIHOLE), true).isRefused(), "a running stub may be linked");
        assertFalse(adapter.plan(STRICT, state("udp", PIHOLE), true).isRefused(), "udp only still answers");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("where systemd is not the init system (a container, WSL), a stopped resolver "
            + "cannot be started: the change is refused before anything is written, in both languages")
    void notBootedBySystemdWithTheResolverStopped() {
        GlobalState g = new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(),
                "yes", "foreign");
        ResolverState stopped = new ResolverState("systemd-resolved", StateSource.DBUS, true, false, g, List.of(), null,
                null, new LinuxDetails(252, PIHOLE, List.of(), null, false));
        Plan p = adapter.plan(STRICT, stopped, false);
        assertTrue(p.isRefused() && p.refusal().startsWith("this system was not started by systemd"), p.refusal());
        assertEquals("dropIn", p.itemKind(), "apply --dry-run --json says \"dropIn\": null, as for every refusal");
        assertTrue(I18n.in(Locale.GERMAN, () -> ChangeTexts.refusal(p)).startsWith(
                "dieses System wurde nicht von systemd gestartet"));
        ResolverState running = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null,
                null, new LinuxDetails(252, PIHOLE, List.of(), null, false));
        assertFalse(adapter.plan(STRICT, running, false).isRefused(), "a resolver started by hand runs: changes work");
        ResolverState booted = new ResolverState("systemd-resolved", StateSource.DBUS, true, false, g, List.of(), null,
                null, new LinuxDetails(252, PIHOLE, List.of(), null, true));
        assertFalse(adapter.plan(STRICT, booted, false).isRefused(), "with systemd, applying starts it");
    }

    @Test
    void aLinkAlreadyInPlaceIsNotRefused() throws IOException {
        Files.createSymbolicLink(LinuxPaths.under(root).resolvConf(), Path.of(LinuxPaths.STUB_RESOLV_CONF));
        assertFalse(adapter.plan(STRICT, state("no", new ResolvConfState(ResolvConfState.Kind.STUB,
                LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53"))), true).isRefused(), "already linked: nothing to do");
    }

    @Test
    void theRefusalAndTheResultGiveTheSameAdvice() {
        String refusal = adapter.plan(STRICT, state("no", PIHOLE), true).refusal();
        ApplyResult off = adapter.notCovered(ApplyResult.of(ApplyResult.Outcome.APPLIED, "names resolve"), PIHOLE, true);
        assertTrue(off.reason().endsWith("; " + refusal), off.reason() + "\n" + refusal);
        assertEquals(off.reasonWords().parts().get(3), adapter.plan(STRICT, state("no", PIHOLE), true).refusalWords(),
                "the window says them by the same words");
    }

    @Test
    void aDirectoryIsNotCoveredSayingProgramsFindNoServerAndToMoveItFirst() {
        ApplyResult applied = ApplyResult.of(ApplyResult.Outcome.APPLIED, "names resolve");
        ResolvConfState directory = new ResolvConfState(ResolvConfState.Kind.DIRECTORY, null, List.of(), true);
        ApplyResult r = adapter.notCovered(applied, directory, false);
        String file = LinuxPaths.under(root).resolvConf().toString();
        assertEquals("names resolve, but /etc/resolv.conf is a directory, so programs that read it find no DNS server "
                + "there; move the directory away first (sudo mv " + file + " " + file + ".old), then run apply again "
                + "with --link-resolv-conf to point it at the stub", r.reason());
        String english = I18n.in(Locale.ENGLISH, () -> ChangeTexts.reason(r)); // "sudo " only where not root
        assertTrue(english.startsWith("names resolve, but /etc/resolv.conf is a directory, so programs that read it find "
                + "no DNS server there; move the directory away first (") && english.endsWith(file + " " + file + ".old), "
                + "then \"Fix resolv.conf\" on the Status screen points it at the stub"), english);
        assertTrue(I18n.in(Locale.GERMAN, () -> ChangeTexts.reason(r)).contains("daher finden Programme, die es lesen, "
                + "dort keinen DNS-Server; verschieben Sie das Verzeichnis zuerst ("),
                I18n.in(Locale.GERMAN, () -> ChangeTexts.reason(r)));
    }

    @Test
    void notCoveredAdvisesTheLinkOnlyWhileTheStubListens() {
        ApplyResult applied = ApplyResult.of(ApplyResult.Outcome.APPLIED, "names resolve");

        ApplyResult on = adapter.notCovered(applied, PIHOLE, false);
        assertEquals(ApplyResult.Outcome.NOT_COVERED, on.outcome());
        assertTrue(on.reason().endsWith("run apply again with --link-resolv-conf to point it at the stub"), on.reason());
        assertTrue(I18n.in(Locale.ENGLISH, () -> ChangeTexts.reason(on)).endsWith(
                "\"Fix resolv.conf\" on the Status screen points it at the stub"));

        ApplyResult off = adapter.notCovered(applied, PIHOLE, true);
        assertEquals(ApplyResult.Outcome.NOT_COVERED, off.outcome());
        String file = LinuxPaths.under(root).resolvConf().toString();
        String advice = "systemd-resolved's stub listener is off (DNSStubListener=no), so linking " + file + " to the "
                + "stub would leave programs that read it without DNS; turn the stub listener on (DNSStubListener=yes) "
                + "or leave " + file + " as it is";
        assertEquals("names resolve, but /etc/resolv.conf is a file of its own naming 127.0.0.1, so programs that read it "
                + "bypass this change; " + advice, off.reason());
        String english = I18n.in(Locale.ENGLISH, () -> ChangeTexts.reason(off));
        assertTrue(english.endsWith("bypass this change; " + advice) && !english.contains("Fix"), english);
        String german = I18n.in(Locale.GERMAN, () -> ChangeTexts.reason(off));
        assertTrue(german.contains("Stub-Listener von systemd-resolved ist aus") && !german.contains("reparieren"), german);
    }

    @Test
    @DisplayName("where the C library follows a static file to a network server, the result says nearly every program "
            + "bypasses the change, as status says right after (distro walkthrough: 'programs that read it')")
    void notCoveredSaysEveryProgramWhereTheCLibraryFollowsTheFile() {
        ResolvConfState router = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("198.18.124.4"), true);
        ApplyResult r = adapter.notCovered(ApplyResult.of(ApplyResult.Outcome.APPLIED, "names resolve"), router, false);
        assertTrue(r.reason().contains("naming 198.18.124.4, so nearly every program on this machine bypasses this "
                + "change (the C library follows the file); "), r.reason());
        String german = I18n.in(Locale.GERMAN, () -> ChangeTexts.reason(r));
        assertTrue(german.contains("umgehen fast alle Programme dieses Rechners diese Änderung"), german);
        ResolvConfState ownReaders = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("198.18.124.4"));
        assertTrue(adapter.notCovered(ApplyResult.of(ApplyResult.Outcome.APPLIED, "names resolve"), ownReaders, false)
                .reason().contains("so programs that read it bypass this change"));
    }
}
