package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.GlobalState;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.Severity;
import org.port853.core.StateSource;

/**
 * A drop-in that is a named pipe: systemd-resolved up to 257 waits on it when it starts and never comes up (rig, 247,
 * 252 and 257: the bus name stayed unowned), from 258 it cannot open it and ignores every settings file (rig, 262:
 * "File descriptor in bad state", LLMNR back on and Port853's DNSOverTLS=yes gone). Status says that, not "cannot read
 * it (…)" or "check the file's permissions and syntax".
 */
@DisplayName("a drop-in that is a named pipe is said as what systemd-resolved does with it")
class DropInPipeReasonTest {
    @TempDir
    Path root;

    /** The path of a FIFO among the drop-ins, and the drop-ins as systemd-resolved reads them. */
    record Scanned(String pipe, List<DropIn> dropIns, int version) {
        ResolverState state(boolean running, boolean encrypting) {
            return DropInPipeReasonTest.state(version, dropIns, running, encrypting);
        }

        /** What the rules say while resolved is not running: the pipe, then RESOLVER_STOPPED. */
        List<Reason> whileDown() {
            List<Reason> reasons = new LinuxRules().assess(state(false, false));
            assertEquals(List.of("DROP_IN_PIPE", "RESOLVER_STOPPED"), reasons.stream().map(Reason::code).toList());
            return reasons;
        }

        /** RESOLVER_STOPPED's reason and fix as the window says them in English; no command to copy can fix it alone. */
        String stoppedSaid() {
            Reason stopped = whileDown().get(1);
            assertEquals(null, new LinuxRules().command(stopped));
            return sudo(DropInDirectoryReasonTest.words(Locale.ENGLISH, stopped, state(false, false)));
        }
    }

    /** A FIFO named {@code name} among the drop-ins, beside Port853's own; the drop-ins as systemd {@code version} reads them. */
    Scanned pipeBesideOurs(String name, int version) throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        Files.writeString(paths.ourDropIn(), DropInRenderer.HEADER + "[Resolve]\nDNS=9.9.9.9#dns.quad9.net\n"
                + "DNSOverTLS=yes\n");
        Path pipe = paths.ourDropIn().resolveSibling(name);
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        return new Scanned(pipe.toString(),
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DropInScanner.scan(paths, version)), version);
    }

    static ResolverState state(int version, List<DropIn> dropIns, boolean running, boolean encrypting) {
        GlobalState g = new GlobalState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), List.of(), null,
                encrypting ? DotMode.STRICT : DotMode.OFF, DnssecMode.NO, true, List.of(), "yes", "stub");
        LinuxDetails d = new LinuxDetails(version, new ResolvConfState(ResolvConfState.Kind.STUB,
                LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53")), dropIns, null, true, null, false, null, null,
                LinuxDetails.MAIN_CONF, null, false, null, false);
        return running ? new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null, d)
                : new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                "systemd-resolved is not running", d);
    }

    private static List<String> codes(ResolverState s) {
        return new LinuxRules().assess(s).stream().map(Reason::code).toList();
    }

    @Test
    void onTwoFiftyTwoResolvedWaitsOnIt() throws Exception {
        Scanned scanned = pipeBesideOurs("50-x.conf", 252);
        String pipe = scanned.pipe();
        ResolverState s = scanned.state(true, true);

        assertEquals(List.of("DROP_IN_PIPE"), codes(s), "not DROP_IN_HIDES_OURS's 'cannot read' nor DROP_IN_UNREADABLE");
        Reason r = DropInDirectoryReasonTest.reason(s, "DROP_IN_PIPE");
        assertEquals(Severity.WARNING, r.severity(), "DNS works now; the next start of resolved hangs");
        String english = "The settings file " + pipe + " is a named pipe or device, not a file: systemd-resolved waits "
                + "on it when it starts and does not come up, so DNS works only until its next restart or the next boot. "
                + "Apply and Protect my DNS are refused until it is gone. / Move it away (sudo mv " + pipe + " " + pipe
                + ".old): systemd-resolved then reads the other settings files as before.";
        assertEquals(english, r.message() + " / " + r.fix());
        assertEquals(english, sudo(DropInDirectoryReasonTest.words(Locale.ENGLISH, r, s)));
        assertEquals("Die Einstellungsdatei " + pipe + " ist eine Named Pipe oder ein Gerät, keine Datei: "
                + "systemd-resolved wartet beim Start darauf und kommt nicht hoch, daher funktioniert DNS nur bis zu seinem "
                + "nächsten Neustart oder dem nächsten Hochfahren. Port853 lehnt apply und „DNS schützen“ ab, bis sie dort "
                + "weg ist. / Verschieben Sie sie (sudo mv " + pipe + " " + pipe + ".old): dann liest systemd-resolved die "
                + "übrigen Einstellungsdateien wie zuvor.", sudo(DropInDirectoryReasonTest.words(Locale.GERMAN, r, s)));
        assertTrue(new LinuxRules().refusesChanges(r), "the window says so before Protect my DNS is tried");
        assertEquals("refused.drop-in-pipe", new ResolvedPlanner(LinuxPaths.under(root)).plan(StubListenerOffTest.STRICT,
                252, scanned.dropIns(), false).refusalWords().wording(), "what status announces is what apply refuses");
    }

    /** A resolver that is not running cannot start while the pipe is there, after Port853's too. */
    @Test
    void whileResolvedIsDown() throws Exception {
        Scanned scanned = pipeBesideOurs("zzz-x.conf", 257);
        String pipe = scanned.pipe();
        ResolverState s = scanned.state(false, false);
        List<Reason> reasons = scanned.whileDown();
        assertTrue(DropInDirectoryReasonTest.words(Locale.ENGLISH, reasons.get(0), s).startsWith("The settings file "
                + pipe + " is a named pipe or device, not a file: systemd-resolved waits on it when it starts and does "
                + "not come up, so it cannot start while it is there."), reasons.get(0).message());
        assertTrue(DropInDirectoryReasonTest.words(Locale.GERMAN, reasons.get(0), s).contains("daher kann es nicht "
                + "starten, solange sie dort ist."));
        // "Start it" would wait on the pipe: the pipe goes first, as for a main resolved.conf that is one
        assertEquals("systemd-resolved is installed but not running. / Move " + pipe + " away first (systemd-resolved "
                + "waits on it when it starts and does not come up), then start it: sudo systemctl enable --now "
                + "systemd-resolved.service", scanned.stoppedSaid());
    }

    @Test
    @DisplayName("from 258 resolved ignores every settings file: where the encryption is gone, that is why")
    void onTwoSixtyTwoResolvedIgnoresEveryFile() throws Exception {
        Scanned scanned = pipeBesideOurs("50-x.conf", 262);
        String pipe = scanned.pipe();
        ResolverState s = scanned.state(true, false);

        assertEquals(List.of("DROP_IN_PIPE"), codes(s));
        Reason r = DropInDirectoryReasonTest.reason(s, "DROP_IN_PIPE");
        assertEquals(Severity.UNENCRYPTED, r.severity());
        String english = "The settings file " + pipe + " is a named pipe or device, not a file: systemd-resolved cannot "
                + "open it and then ignores every settings file, the other drop-ins and resolved.conf included, so it runs "
                + "on its built-in defaults from its next start on, or already does. Apply and Protect my DNS are refused "
                + "until it is gone.";
        assertEquals(english, r.message());
        assertTrue(sudo(DropInDirectoryReasonTest.words(Locale.ENGLISH, r, s)).startsWith(english + " / Move it away"));
        assertTrue(DropInDirectoryReasonTest.words(Locale.GERMAN, r, s).startsWith("Die Einstellungsdatei " + pipe
                + " ist eine Named Pipe oder ein Gerät, keine Datei: systemd-resolved kann sie nicht öffnen und übergeht "
                + "dann alle Einstellungsdateien, auch die übrigen Drop-in-Dateien und resolved.conf, daher läuft es ab "
                + "seinem nächsten Start (oder schon jetzt) mit seinen eingebauten Standardwerten. Port853 lehnt apply "
                + "und „DNS schützen“ ab, bis sie dort weg ist."), DropInDirectoryReasonTest.words(Locale.GERMAN, r, s));
        assertEquals(Severity.WARNING, DropInDirectoryReasonTest.reason(scanned.state(true, true), "DROP_IN_PIPE")
                .severity(), "still encrypting: what it loaded before runs until its next start");
        // apply refuses it for what 262 does with it, not for a start that would hang
        org.port853.platform.Plan plan = new ResolvedPlanner(LinuxPaths.under(root)).plan(StubListenerOffTest.STRICT,
                262, scanned.dropIns(), false);
        assertEquals("refused.drop-in-pipe.ignores-all", plan.refusalWords().wording());
        assertEquals("the drop-in " + pipe + " is a named pipe or device, not a file: systemd-resolved cannot open it "
                + "and then ignores every settings file, Port853's drop-in too, so the change would not take; move it "
                + "away first (sudo mv " + pipe + " " + pipe + ".old)", plan.refusal());
        assertTrue(org.port853.ui.common.I18n.in(Locale.GERMAN, () -> org.port853.ui.apply.ChangeTexts.refusal(plan))
                .startsWith("die Drop-in-Datei " + pipe + " ist eine Named Pipe oder ein Gerät, keine Datei: "
                + "systemd-resolved kann sie nicht öffnen und übergeht dann alle Einstellungsdateien, auch die "
                + "Drop-in-Datei von Port853, daher würde die Änderung nicht wirken; verschieben Sie sie zuerst"));
    }

    /** A stopped 262 starts with the pipe there, but ignores every settings file: the pipe is worth moving too. */
    @Test
    void onTwoSixtyTwoAStoppedResolverStartsButIgnoresItsFiles() throws Exception {
        Scanned scanned = pipeBesideOurs("zzz-x.conf", 262);
        String pipe = scanned.pipe();
        // (and no command to copy: starting alone would run it on its defaults)
        assertEquals("systemd-resolved is installed but not running. / Move " + pipe + " away (systemd-resolved starts "
                + "with it there, but then ignores every settings file and runs on its built-in defaults), then start "
                + "it: sudo systemctl enable --now systemd-resolved.service", scanned.stoppedSaid());
    }

    /** The window leaves "sudo " out where it runs as root: put it back to compare. */
    private static String sudo(String words) {
        return org.port853.core.Privileges.isRoot() ? words.replace("(mv ", "(sudo mv ")
                .replace("then start it: systemctl", "then start it: sudo systemctl") : words;
    }
}
