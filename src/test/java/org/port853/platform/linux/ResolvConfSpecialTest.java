package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.FileType;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolvConfState.Kind;
import org.port853.core.ResolverState;
import org.port853.core.Severity;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;

/**
 * A named pipe (or socket, or device) at /etc/resolv.conf: status called it "a file of its own with no nameserver line
 * this program could read", and linking it to the stub failed with "... is not a regular file".
 */
@DisplayName("/etc/resolv.conf as a named pipe is said to be no regular file, and is never waited on")
class ResolvConfSpecialTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private static ResolvConfState pipe(boolean readByCLibrary) {
        return new ResolvConfState(Kind.SPECIAL, null, List.of(), readByCLibrary, FileType.NAMED_PIPE);
    }

    private static Reason reason(ResolverState s) {
        assertTrue(new LinuxRules().assess(s).stream().noneMatch(r -> r.code().equals("RESOLV_CONF_STATIC")));
        return DropInDirectoryReasonTest.reason(s, "RESOLV_CONF_SPECIAL");
    }

    @Test
    void aPipeOnDiskIsSaidToBeOneAndNotWaitedOn() throws Exception {
        Path rc = org.port853.core.RegularFilesTest.pipe(Files.createDirectories(root.resolve("etc")).resolve("resolv.conf"));
        ResolvConfState file = assertTimeoutPreemptively(QUICKLY, () -> ResolvConfInspector.inspect(rc));
        assertEquals(pipe(false), file);
        assertFalse(assertTimeoutPreemptively(QUICKLY, () -> ResolvConfInspector.usesResolved(rc)));
        Path link = Files.createSymbolicLink(root.resolve("etc/link.conf"), rc);
        assertEquals(new ResolvConfState(Kind.SPECIAL, rc.toString(), List.of(), false, FileType.NAMED_PIPE),
                assertTimeoutPreemptively(QUICKLY, () -> ResolvConfInspector.inspect(link)), "a link to one is one");
        assertEquals("NAMED_PIPE", new LinuxDetails(252, file, List.of()).jsonFields().get("resolvConf") instanceof
                java.util.Map<?, ?> m ? m.get("fileType") : null, "status --json says what it is");
    }

    @Test
    void readByTheCLibraryNoNameResolvesAndTheWordsSayWhatItIs() {
        ResolverState s = ResolvConfDirectoryTest.with(pipe(true), "yes");
        Reason r = reason(s);
        assertEquals(Severity.BROKEN, r.severity());
        assertNull(r.fixAction(), "the one-click link cannot replace it: it would only be refused");
        assertEquals("/etc/resolv.conf is not a regular file (a named pipe): programs that read it find no settings and "
                + "may wait on it for good, and the C library, which asks 'dns' before any working 'resolve', cannot look "
                + "names up either, so most programs cannot resolve names.", r.message());
        assertEquals("Move it away (sudo mv /etc/resolv.conf /etc/resolv.conf.old), then link /etc/resolv.conf to "
                + "/run/systemd/resolve/stub-resolv.conf: 'port853 apply' with --link-resolv-conf does it with the "
                + "settings it applies.", r.fix());
        String english = ResolvConfDirectoryTest.said(Locale.ENGLISH, r, s);
        assertTrue(english.startsWith("/etc/resolv.conf is not a regular file (a named pipe): programs that read it find "
                + "no settings and may wait on it for good, and the C library") && english.contains(
                "Move it away (") && english.contains("mv /etc/resolv.conf /etc/resolv.conf.old), then point"), english);
        String german = ResolvConfDirectoryTest.said(Locale.GERMAN, r, s);
        assertTrue(german.startsWith("/etc/resolv.conf ist keine reguläre Datei (eine benannte Pipe)") && german.contains(
                "kann ebenfalls keine Namen nachschlagen") && german.contains("Es verschieben ("), german);
        ResolvConfDirectoryTest.saysNoFileOfItsOwn(english, german);
        assertEquals("not a regular file (a socket), a link to /run/x: programs cannot read settings from it",
                I18n.in(Locale.ENGLISH, () -> I18n.t("resolvconf.special", "/run/x", "", 1, 0, 1)));
        assertEquals("keine reguläre Datei (ein Gerät): Programme können keine Einstellungen daraus lesen",
                I18n.in(Locale.GERMAN, () -> I18n.t("resolvconf.special", "null", "", 0, 0, 2)));
    }

    @Test
    @DisplayName("a link to /dev/null: the C library reads it as empty and asks 127.0.0.1 (a warning, not 'no program "
            + "can resolve names'), and the fix points the link elsewhere rather than moving it away")
    void aLinkToTheNullDeviceIsRepointed() throws Exception {
        Path rc = Files.createSymbolicLink(Files.createDirectories(root.resolve("etc")).resolve("resolv.conf"),
                Path.of("/dev/null"));
        assertEquals(new ResolvConfState(Kind.SPECIAL, "/dev/null", List.of(), false, FileType.CHARACTER_DEVICE, true),
                ResolvConfInspector.inspect(rc));
        ResolvConfState file = new ResolvConfState(Kind.SPECIAL, "/dev/null", List.of(), true,
                FileType.CHARACTER_DEVICE, true);
        ResolverState s = ResolvConfDirectoryTest.with(file, "yes");
        Reason r = reason(s);
        assertEquals(Severity.WARNING, r.severity());
        assertEquals(org.port853.core.FixAction.LINK_RESOLV_CONF, r.fixAction(), "the one-click link replaces a link");
        assertEquals("/etc/resolv.conf is not a regular file (a device): programs that read it find no settings, and "
                + "the C library, which asks 'dns' before any working 'resolve', finds no server there either and asks "
                + "127.0.0.1, not the stub.", r.message());
        assertEquals("Point the link at the local resolver instead (sudo ln -sf /run/systemd/resolve/stub-resolv.conf "
                + "/etc/resolv.conf): 'port853 apply' with --link-resolv-conf does it with the settings it applies.",
                r.fix());
        String english = ResolvConfDirectoryTest.said(Locale.ENGLISH, r, s);
        assertTrue(english.contains("finds no server there either and asks 127.0.0.1, not the stub.") && english.contains(
                "Point the link at the local resolver instead (") && !english.contains("Move it away"), english);
        String german = ResolvConfDirectoryTest.said(Locale.GERMAN, r, s);
        assertTrue(german.contains("fragt 127.0.0.1, nicht den Stub.") && german.contains(
                "Den Verweis stattdessen auf den lokalen Resolver zeigen lassen (") && !german.contains("verschieben"),
                german);
        assertEquals("", file.beforeTheLink("/etc/resolv.conf"), "apply's note: the link is replaced as it is");
        org.port853.platform.ApplyResult applied = new SystemdResolvedAdapter(LinuxPaths.under(root),
                new PrivilegedClient()).notCovered(org.port853.platform.ApplyResult.of(
                        org.port853.platform.ApplyResult.Outcome.APPLIED, "names resolve"), file, false);
        assertTrue(!applied.reason().contains("move it away") && applied.reason().endsWith("--link-resolv-conf to "
                + "point it at the stub"), applied.reason());

        ResolverState off = ResolvConfDirectoryTest.with(file, "no");
        Reason offReason = reason(off);
        assertNull(offReason.fixAction(), "no link to a stub that does not answer");
        assertTrue(offReason.fix().startsWith("Point the link at a file that names a DNS server instead"));
        assertTrue(ResolvConfDirectoryTest.said(Locale.GERMAN, offReason, off).contains("Den Verweis stattdessen auf "
                + "eine Datei zeigen lassen"));
    }

    /** A character device made at {@code file} with mknod (as root), numbered {@code major}:{@code minor}. */
    static Path device(Path file, int major, int minor) throws Exception {
        Files.createDirectories(file.getParent());
        assertEquals(0, new ProcessBuilder("mknod", file.toString(), "c", String.valueOf(major), String.valueOf(minor))
                .inheritIO().start().waitFor());
        return file;
    }

    /** The state of {@code rc} as the C library reads it. */
    private static ResolvConfState readByTheCLibrary(Path rc) {
        ResolvConfState seen = ResolvConfInspector.inspect(rc);
        return new ResolvConfState(seen.kind(), seen.target(), seen.nameservers(), true, seen.fileType(),
                seen.nullDevice());
    }

    /** etc/resolv.conf as a link to a device {@code major}:{@code minor} made at run/{@code name}, as the C library reads it. */
    private ResolvConfState linkToDevice(String name, int major, int minor) throws Exception {
        Path device = device(root.resolve("run").resolve(name), major, minor);
        return readByTheCLibrary(Files.createSymbolicLink(Files.createDirectories(root.resolve("etc"))
                .resolve("resolv.conf"), device));
    }

    @Test
    @DisplayName("the null device made at /etc/resolv.conf itself (mknod c 1 3) reads as empty: a warning, and the file "
            + "itself is moved away")
    void theNullDeviceItselfIsTakenByItsNumbers() throws Exception {
        Path rc = device(root.resolve("etc/resolv.conf"), 1, 3);
        ResolvConfState file = readByTheCLibrary(rc);
        assertEquals(new ResolvConfState(Kind.SPECIAL, null, List.of(), true, FileType.CHARACTER_DEVICE, true), file);
        ResolverState s = ResolvConfDirectoryTest.with(file, "yes");
        Reason r = reason(s);
        assertEquals(Severity.WARNING, r.severity(), "glibc reads it as an empty file and asks 127.0.0.1");
        assertTrue(r.message().endsWith("finds no server there either and asks 127.0.0.1, not the stub."), r.message());
        assertTrue(r.fix().startsWith("Move it away (sudo mv"), r.fix());
        assertNull(r.fixAction(), "no link replaces the device itself");
        assertTrue(ResolvConfDirectoryTest.said(Locale.GERMAN, r, s).contains("fragt 127.0.0.1, nicht den Stub."));
    }

    @Test
    @DisplayName("a link to another path of the null device (a copy made with mknod) reads as empty too")
    void aLinkToACopyOfTheNullDeviceReadsAsEmpty() throws Exception {
        ResolvConfState file = linkToDevice("null-copy", 1, 3);
        assertTrue(file.readsAsEmpty(), file.toString());
        Reason r = reason(ResolvConfDirectoryTest.with(file, "yes"));
        assertEquals(Severity.WARNING, r.severity());
        assertEquals(org.port853.core.FixAction.LINK_RESOLV_CONF, r.fixAction());
    }

    @Test
    @DisplayName("another device, at the path or through a link, is no empty file: the C library cannot use it")
    void otherDevicesAreNotTakenForTheNullDevice() throws Exception {
        ResolvConfState linked = linkToDevice("zero-copy", 1, 5);
        assertEquals(new ResolvConfState(Kind.SPECIAL, root.resolve("run/zero-copy").toString(), List.of(), true,
                FileType.CHARACTER_DEVICE, false), linked);
        assertEquals(Severity.BROKEN, reason(ResolvConfDirectoryTest.with(linked, "yes")).severity());
        Path rc = root.resolve("etc/resolv.conf");
        Files.delete(rc);
        ResolvConfState itself = readByTheCLibrary(device(rc, 1, 5));
        assertFalse(itself.readsAsEmpty(), itself.toString());
        assertEquals(Severity.BROKEN, reason(ResolvConfDirectoryTest.with(itself, "yes")).severity());
    }

    @Test
    void aLinkToAPipeReadByTheCLibraryStaysBrokenButIsRepointedToo() {
        ResolverState s = ResolvConfDirectoryTest.with(new ResolvConfState(Kind.SPECIAL, "/run/x", List.of(), true,
                FileType.NAMED_PIPE), "yes");
        Reason r = reason(s);
        assertEquals(Severity.BROKEN, r.severity(), "glibc's fopen waits on it");
        assertTrue(r.fix().startsWith("Point the link at the local resolver instead"), r.fix());
    }

    @Test
    void aSocketNotReadByTheCLibraryIsAWarningWhoseFixKeepsTheListenerInMind() {
        ResolverState s = ResolvConfDirectoryTest.with(new ResolvConfState(Kind.SPECIAL, null, List.of(), false,
                FileType.SOCKET), "no");
        Reason r = reason(s);
        assertEquals(Severity.WARNING, r.severity());
        assertEquals("/etc/resolv.conf is not a regular file (a socket): programs that read it find no settings.",
                r.message());
        assertTrue(ResolvConfDirectoryTest.said(Locale.ENGLISH, r, s).endsWith("unless you turn it on "
                + "(DNSStubListener=yes)."));
        assertTrue(ResolvConfDirectoryTest.said(Locale.GERMAN, r, s).startsWith("/etc/resolv.conf ist keine reguläre "
                + "Datei (ein Socket): Programme, die es lesen, finden darin keine Einstellungen."));
    }

    @Test
    void aChangeThatLeavesItSaysItIsNoRegularFile() {
        ResolvConfState file = pipe(false);
        assertEquals("/etc/resolv.conf is not a regular file (a named pipe)", file.bypass().orElseThrow());
        assertEquals(4, ResolvConfInspector.bypassKind(file));
        assertEquals(2, file.missedBy(), "programs that read it find no DNS server there");
        assertEquals("move it away first (sudo mv /etc/resolv.conf /etc/resolv.conf.old), then ",
                file.beforeTheLink("/etc/resolv.conf"));
        org.port853.platform.ApplyResult r = new SystemdResolvedAdapter(LinuxPaths.under(root), new PrivilegedClient())
                .notCovered(org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.APPLIED,
                        "names resolve"), file, false);
        assertTrue(r.reason().startsWith("names resolve, but /etc/resolv.conf is not a regular file (a named pipe), so "
                + "programs that read it find no DNS server there; move it away first"), r.reason());
        assertTrue(I18n.in(Locale.GERMAN, () -> I18n.t("change.result.not-covered", 4, "", 0, "x", 2))
                .contains("/etc/resolv.conf ist keine reguläre Datei"));
    }

    @Test
    @DisplayName("apply that would link it is refused saying it is no regular file and what to do, not 'cannot read "
            + "/etc/resolv.conf: ... is not a regular file' (nor waiting on it)")
    void linkingItIsRefusedSayingItIsNoRegularFile() throws Exception {
        LinuxPaths paths = TestRoots.withDropInDirectory(root);
        Path rc = org.port853.core.RegularFilesTest.pipe(paths.resolvConf());
        String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
        SystemdResolvedAdapter adapter = new SystemdResolvedAdapter(paths, new PrivilegedClient());
        ResolverState s = ResolvConfDirectoryTest.with(ResolvConfInspector.inspect(rc), "yes");

        org.port853.platform.Plan p = assertTimeoutPreemptively(QUICKLY,
                () -> adapter.plan(StubListenerOffTest.STRICT, s, true));
        assertEquals(rc + " is not a regular file (a named pipe), so Port853 cannot link it to the stub: move it away "
                + "first (sudo mv " + rc + " " + rc + ".old), then try again", p.refusal());
        assertEquals(rc + " ist keine reguläre Datei (eine benannte Pipe), daher kann Port853 es nicht auf den Stub "
                + "verweisen lassen: verschieben Sie es zuerst (" + sudo + "mv " + rc + " " + rc + ".old) und versuchen "
                + "Sie es dann erneut", I18n.in(Locale.GERMAN, () -> org.port853.ui.apply.ChangeTexts.refusal(p)));
        assertEquals(p.refusal(), assertTimeoutPreemptively(QUICKLY, () -> new LinuxChange(paths, 252, () -> "yes")
                .refusalSaid(org.port853.helper.HelperRequest.apply(StubListenerOffTest.STRICT, true)).orElseThrow()
                .english()), "the helper refuses the same");
        assertFalse(assertTimeoutPreemptively(QUICKLY, () -> adapter.plan(StubListenerOffTest.STRICT, s, false))
                .isRefused(), "the drop-in alone is fine");

        org.port853.platform.Plan off = adapter.plan(StubListenerOffTest.STRICT,
                ResolvConfDirectoryTest.with(ResolvConfInspector.inspect(rc), "no"), true);
        assertEquals(rc + " is not a regular file (a named pipe), and systemd-resolved's stub listener is off "
                + "(DNSStubListener=no), so it cannot be linked to the stub: move it away (sudo mv " + rc + " " + rc
                + ".old) and put a file there that names a DNS server", off.refusal());
        assertTrue(I18n.in(Locale.GERMAN, () -> org.port853.ui.apply.ChangeTexts.refusal(off)).startsWith(rc
                + " ist keine reguläre Datei (eine benannte Pipe), und der Stub-Listener"));
    }
}
