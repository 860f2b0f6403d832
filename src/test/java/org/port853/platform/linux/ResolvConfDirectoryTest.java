package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.Severity;
import org.port853.core.StateSource;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;

/**
 * /etc/resolv.conf that is a directory (rig, Debian 12): status called it "a file of its own with no nameserver line
 * this program could read: programs that read it ask 127.0.0.1", while glibc opens it, fails to read it (EISDIR) and
 * asks no server at all.
 */
@DisplayName("/etc/resolv.conf as a directory is said to be one, in both languages")
class ResolvConfDirectoryTest {
    static ResolverState with(ResolvConfState rc, String stubListener) {
        GlobalState g = new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(),
                stubListener, "foreign");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(252, rc, List.of()));
    }

    static Reason reason(ResolverState s) {
        assertTrue(new LinuxRules().assess(s).stream().noneMatch(r -> r.code().equals("RESOLV_CONF_STATIC")));
        return DropInDirectoryReasonTest.reason(s, "RESOLV_CONF_DIRECTORY");
    }

    /** None of {@code texts} calls the file one of its own whose readers ask 127.0.0.1 (what status said before). */
    static void saysNoFileOfItsOwn(String... texts) {
        for (String text : texts) {
            assertFalse(text.contains("file of its own") || text.contains("eigene Datei") || text.contains("127.0.0.1"),
                    text);
        }
    }

    static String said(Locale language, Reason r, ResolverState s) {
        return DropInDirectoryReasonTest.words(language, r, s);
    }

    @Test
    void theDirectoryOnDiskIsSaidToBeOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws Exception {
        java.nio.file.Path rc = java.nio.file.Files.createDirectories(root.resolve("etc/resolv.conf"));
        ResolverState s = with(ResolvConfInspector.inspect(rc), "yes");
        assertTrue(I18n.in(Locale.ENGLISH, () -> ReasonTexts.of(reason(s), s).message())
                .startsWith("/etc/resolv.conf is a directory, not a file"));
    }

    @Test
    void readByTheCLibraryNoNameResolves() {
        ResolverState s = with(new ResolvConfState(ResolvConfState.Kind.DIRECTORY, null, List.of(), true), "yes");
        Reason r = reason(s);
        assertEquals(Severity.BROKEN, r.severity(), "glibc asks no server: most programs cannot resolve names");
        assertNull(r.fixAction(), "the one-click link cannot replace a directory: it would only be refused");
        assertEquals("/etc/resolv.conf is a directory, not a file: programs that read it find no settings, and the C "
                + "library, which asks 'dns' before any working 'resolve', cannot look names up at all, so most programs "
                + "cannot resolve names.", r.message());
        String english = said(Locale.ENGLISH, r, s);
        assertTrue(english.startsWith("/etc/resolv.conf is a directory, not a file: programs that read it find no "
                + "settings, and the C library") && english.contains("mv /etc/resolv.conf /etc/resolv.conf.old), then "
                + "point /etc/resolv.conf at the local resolver"), english);
        String german = said(Locale.GERMAN, r, s);
        assertTrue(german.startsWith("/etc/resolv.conf ist ein Verzeichnis, keine Datei") && german.contains(
                "kann gar keine Namen nachschlagen") && german.contains("mv /etc/resolv.conf /etc/resolv.conf.old"), german);
        saysNoFileOfItsOwn(english, german);
        assertEquals("ein Verzeichnis, keine Datei: Programme können keine Einstellungen daraus lesen",
                I18n.in(Locale.GERMAN, () -> I18n.t("resolvconf.directory", "null", "", 0, 0)));
        assertEquals("a directory, not a file (a link to /srv/dns): programs cannot read settings from it",
                I18n.in(Locale.ENGLISH, () -> I18n.t("resolvconf.directory", "/srv/dns", "", 1, 0)));
    }

    @Test
    void withTheStubListenerOffTheFixIsNoLinkToIt() {
        ResolverState s = with(new ResolvConfState(ResolvConfState.Kind.DIRECTORY, null, List.of(), false), "no");
        Reason r = reason(s);
        assertEquals(Severity.WARNING, r.severity(), "the C library does not read it: programs that read it themselves");
        assertEquals("/etc/resolv.conf is a directory, not a file: programs that read it find no settings.", r.message());
        assertTrue(r.fix().contains("put a file there that names a DNS server") && !r.fix().contains("--link-resolv-conf"),
                r.fix());
        assertTrue(said(Locale.ENGLISH, r, s).endsWith("so the stub cannot answer unless you turn it on "
                + "(DNSStubListener=yes)."), said(Locale.ENGLISH, r, s));
        assertTrue(said(Locale.GERMAN, r, s).contains("Der Stub-Listener von systemd-resolved ist aus"));
    }

    @Test
    void aChangeThatLeavesItSaysItIsADirectory() {
        ResolvConfState dir = new ResolvConfState(ResolvConfState.Kind.DIRECTORY, null, List.of(), false);
        assertEquals("/etc/resolv.conf is a directory", dir.bypass().orElseThrow());
        assertEquals(3, ResolvConfInspector.bypassKind(dir));
        assertTrue(I18n.in(Locale.GERMAN, () -> I18n.t("change.result.not-covered", 3, "", 0, "x", 0))
                .contains("/etc/resolv.conf ist ein Verzeichnis"));
    }

    @Test
    @DisplayName("apply or Protect my DNS that would link it is refused saying it is a directory and what to do, not "
            + "'cannot read /etc/resolv.conf: ... is not a regular file'")
    void linkingItIsRefusedSayingItIsADirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        java.nio.file.Path rc = java.nio.file.Files.createDirectories(paths.resolvConf());
        java.nio.file.Files.createDirectories(paths.ourDropIn().getParent());
        String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
        SystemdResolvedAdapter adapter = new SystemdResolvedAdapter(paths, new PrivilegedClient());
        ResolverState s = with(ResolvConfInspector.inspect(rc), "yes");

        org.port853.platform.Plan p = adapter.plan(StubListenerOffTest.STRICT, s, true);
        assertEquals(rc + " is a directory, not a file, so Port853 cannot link it to the stub: move the directory away "
                + "first (sudo mv " + rc + " " + rc + ".old), then try again", p.refusal());
        assertEquals(rc + " is a directory, not a file, so Port853 cannot link it to the stub: move the directory away "
                + "first (" + sudo + "mv " + rc + " " + rc + ".old), then try again",
                I18n.in(Locale.ENGLISH, () -> org.port853.ui.apply.ChangeTexts.refusal(p)));
        assertEquals(rc + " ist ein Verzeichnis, keine Datei, daher kann Port853 es nicht auf den Stub verweisen lassen: "
                + "verschieben Sie das Verzeichnis zuerst (" + sudo + "mv " + rc + " " + rc + ".old) und versuchen Sie es "
                + "dann erneut", I18n.in(Locale.GERMAN, () -> org.port853.ui.apply.ChangeTexts.refusal(p)));
        assertEquals(p.refusal(), new LinuxChange(paths, 252, () -> "yes").refusalSaid(org.port853.helper.HelperRequest
                .apply(StubListenerOffTest.STRICT, true)).orElseThrow().english(), "the helper refuses the same");
        assertFalse(adapter.plan(StubListenerOffTest.STRICT, s, false).isRefused(), "the drop-in alone is fine");

        org.port853.platform.Plan off = adapter.plan(StubListenerOffTest.STRICT, with(ResolvConfInspector.inspect(rc),
                "no"), true);
        assertEquals(rc + " is a directory, not a file, and systemd-resolved's stub listener is off (DNSStubListener=no), "
                + "so it cannot be linked to the stub: move the directory away (sudo mv " + rc + " " + rc + ".old) and "
                + "put a file there that names a DNS server", off.refusal());
        assertEquals(rc + " ist ein Verzeichnis, keine Datei, und der Stub-Listener von systemd-resolved ist aus "
                + "(DNSStubListener=no), daher kann es nicht auf den Stub verweisen: verschieben Sie das Verzeichnis ("
                + sudo + "mv " + rc + " " + rc + ".old) und legen Sie dort eine Datei an, die einen DNS-Server nennt",
                I18n.in(Locale.GERMAN, () -> org.port853.ui.apply.ChangeTexts.refusal(off)));
    }

    @Test
    @DisplayName("a link to a directory: the fix points the link elsewhere, as apply's note and its one-click link do, "
            + "rather than moving the directory away")
    void aLinkToADirectoryIsRepointed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws Exception {
        LinuxPaths paths = TestRoots.withDropInDirectory(root);
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(root.resolve("srv/dns"));
        java.nio.file.Files.createSymbolicLink(paths.resolvConf(), dir);
        ResolvConfState rc = ResolvConfInspector.inspect(paths.resolvConf());
        assertEquals(new ResolvConfState(ResolvConfState.Kind.DIRECTORY, dir.toString(), List.of(), false), rc);
        ResolverState s = with(rc, "yes");
        Reason r = reason(s);
        assertEquals(org.port853.core.FixAction.LINK_RESOLV_CONF, r.fixAction(), "the one-click link replaces a link");
        assertEquals("Point the link at the local resolver instead (sudo ln -sf /run/systemd/resolve/stub-resolv.conf "
                + "/etc/resolv.conf): 'port853 apply' with --link-resolv-conf does it with the settings it applies.",
                r.fix());
        String english = said(Locale.ENGLISH, r, s);
        assertTrue(english.contains("Point the link at the local resolver instead (") && !english.contains("Move the "
                + "directory away"), english);
        String german = said(Locale.GERMAN, r, s);
        assertTrue(german.contains("Den Verweis stattdessen auf den lokalen Resolver zeigen lassen (")
                && !german.contains("verschieben"), german);
        assertEquals("", rc.beforeTheLink("/etc/resolv.conf"), "apply's note: the link is replaced as it is");
        assertFalse(new SystemdResolvedAdapter(paths, new PrivilegedClient()).plan(StubListenerOffTest.STRICT, s, true)
                .isRefused(), "apply --link-resolv-conf replaces the link");

        ResolverState off = with(rc, "no");
        Reason offReason = reason(off);
        assertNull(offReason.fixAction(), "no link to a stub that does not answer");
        assertTrue(offReason.fix().startsWith("Point the link at a file that names a DNS server instead"), offReason.fix());
        assertTrue(said(Locale.GERMAN, offReason, off).contains("Den Verweis stattdessen auf eine Datei zeigen lassen"));
    }
}
