package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.port853.core.Assessor;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.Privileges;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.Severity;
import org.port853.core.StateSource;
import org.port853.core.Verdict;
import org.port853.platform.Plan;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;

/**
 * A named pipe as the main resolved.conf: apply refuses it (ResolvedPlanner), and status says it too, since resolved up
 * to 257 waits on it at its next start and never comes up (rig, 252 and 257), and from 258 cannot open it and ignores
 * every settings file (rig, 262: "Failed to open /etc/systemd/resolved.conf: File descriptor in bad state", the drop-in's
 * DNS= and DNSOverTLS=yes gone, LLMNR back on). The state read itself never opens the pipe.
 */
@DisplayName("a named pipe as the main resolved.conf is said in status, as apply refuses it")
class MainConfPipeReasonTest {
    @TempDir
    Path root;

    /** Strict mode with a named server, resolv.conf at the stub: protected but for the main file. */
    static ResolverState stateWith(LinuxDetails read, boolean running) {
        return stateWith(read, 252, running, DotMode.STRICT);
    }

    /** As above on systemd {@code version}, running with DNS-over-TLS {@code mode}. */
    static ResolverState stateWith(LinuxDetails read, int version, boolean running, DotMode mode) {
        GlobalState g = new GlobalState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), List.of(), null,
                mode, DnssecMode.NO, true, List.of(), "yes", "stub");
        LinuxDetails d = new LinuxDetails(version, new ResolvConfState(ResolvConfState.Kind.STUB, LinuxPaths.STUB_RESOLV_CONF,
                List.of("127.0.0.53")), List.of(), null, true, null, false, null, null, read.mainConf(), null,
                false, null, read.mainConfPipe());
        return running ? new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null, d)
                : new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                "systemd-resolved is not running", d);
    }

    /** The details as the state reader gets them under {@code root}; it must not wait on a pipe. */
    LinuxDetails read(LinuxPaths paths) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> (LinuxDetails) new ResolvedStateReader(paths, false).read().platform());
    }

    /** A named pipe as the main resolved.conf under {@code paths}. */
    static Path mainPipe(LinuxPaths paths) throws Exception {
        Path main = paths.mainConf();
        Files.createDirectories(main.getParent());
        assertEquals(0, new ProcessBuilder("mkfifo", main.toString()).start().waitFor());
        return main;
    }

    /**
     * MAIN_CONF_PIPE for {@code s}, said alike by the rules and the window in English and German: {@code effect} is what
     * resolved does with the pipe ({@code germanEffect} in German). The window blocks changes for it.
     */
    private static Reason assertSaid(ResolverState s, Path main, String effect, String germanEffect) {
        Reason r = DropInDirectoryReasonTest.reason(s, "MAIN_CONF_PIPE");
        String sudo = Privileges.isRoot() ? "" : "sudo ";
        String english = main + " is a named pipe or device, not a file: systemd-resolved " + effect + ". Apply and "
                + "Protect my DNS are refused until it is a regular file or gone. / Replace it with a regular file, or "
                + "move it away (" + sudo + "mv " + main + " " + main + ".old): without it systemd-resolved takes its "
                + "built-in defaults and the drop-ins' settings.";
        assertEquals(english, r.message() + " / " + r.fix().replace("sudo ", sudo));
        assertEquals(english, DropInDirectoryReasonTest.words(Locale.ENGLISH, r, s));
        assertEquals(main + " ist eine Named Pipe oder ein Gerät, keine Datei: systemd-resolved " + germanEffect + ". "
                + "Port853 lehnt apply und „DNS schützen“ ab, bis dort eine normale Datei oder nichts mehr ist. / Ersetzen "
                + "Sie sie durch eine normale Datei oder verschieben Sie sie (" + sudo + "mv " + main + " " + main
                + ".old): ohne sie nimmt systemd-resolved seine eingebauten Standardwerte und die Einstellungen der "
                + "Drop-in-Dateien.", DropInDirectoryReasonTest.words(Locale.GERMAN, r, s));
        assertTrue(new LinuxRules().refusesChanges(r), "the window says so before Protect my DNS is tried");
        return r;
    }

    @Test
    void aPipeWhileResolvedRuns() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path main = mainPipe(paths);
        LinuxDetails read = read(paths);
        assertTrue(read.mainConfPipe());
        ResolverState s = stateWith(read, true);

        Reason r = assertSaid(s, main, "waits on it when it starts and does not come up, so DNS works only until its "
                + "next restart or the next boot", "wartet beim Start darauf und kommt nicht hoch, daher funktioniert DNS "
                + "nur bis zu seinem nächsten Neustart oder dem nächsten Hochfahren");
        assertEquals(Severity.WARNING, r.severity(), "DNS works now; the next start of resolved hangs");
        assertEquals(Verdict.PARTIAL, Assessor.assess(s, new LinuxRules().assess(s)).verdict());
        assertEquals("refused.main-conf-pipe", new ResolvedPlanner(paths).plan(StubListenerOffTest.STRICT, 252,
                List.of(), false).refusalWords().wording(), "what status announces is what apply refuses");
    }

    @Test
    @DisplayName("a resolver that is not running (it may be waiting on the pipe) cannot start while it is there")
    void aPipeWhileResolvedIsDown() throws Exception {
        // "Start it" would wait on the pipe until the unit's start times out: the pipe goes first, and no command to
        // copy starts resolved while it is there
        assertSaidWhileDown(252, "waits on it when it starts and does not come up, so it cannot start while it is there.",
                "daher kann es nicht starten, solange sie dort ist.", "Move %s away first (systemd-resolved waits on it "
                + "when it starts and does not come up)", "Zuerst %s verschieben (systemd-resolved wartet beim Start "
                + "darauf und kommt nicht hoch)");
    }

    @Test
    @DisplayName("from 258 resolved comes up and ignores every settings file: where the encryption is gone, that is why")
    void onTwoSixtyTwoResolvedIgnoresEveryFile() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path main = mainPipe(paths);
        LinuxDetails read = read(paths);
        ResolverState s = stateWith(read, 262, true, DotMode.OFF);

        Reason r = assertSaid(s, main, "cannot open it and then ignores every settings file, the drop-ins included, so "
                + "it runs on its built-in defaults from its next start on, or already does", "kann sie nicht öffnen und "
                + "übergeht dann alle Einstellungsdateien, auch die Drop-in-Dateien, daher läuft es ab seinem nächsten "
                + "Start (oder schon jetzt) mit seinen eingebauten Standardwerten");
        assertEquals(Severity.UNENCRYPTED, r.severity(), "it runs on its defaults: that is why nothing is encrypted");
        assertEquals(Severity.WARNING, DropInDirectoryReasonTest.reason(stateWith(read, 262, true, DotMode.STRICT),
                "MAIN_CONF_PIPE").severity(), "still encrypting: what it loaded before runs until its next start");
        // refused too: a change written into files it ignores cannot take
        Plan plan = new ResolvedPlanner(paths).plan(StubListenerOffTest.STRICT, 262, List.of(), false);
        assertEquals("refused.main-conf-pipe.ignores-all", plan.refusalWords().wording());
        assertEquals(main + " is a named pipe or device, not a file: systemd-resolved cannot open it and then ignores "
                + "every settings file, Port853's drop-in too, so the change would not take; move it away first (sudo mv "
                + main + " " + main + ".old)", plan.refusal());
        assertTrue(I18n.in(Locale.GERMAN, () -> org.port853.ui.apply.ChangeTexts.refusal(plan)).contains("übergeht "
                + "dann alle Einstellungsdateien, auch die Drop-in-Datei von Port853, daher würde die Änderung nicht "
                + "wirken"));
    }

    /** A stopped 262 starts with the pipe there, but on its defaults: the pipe is worth moving, not "first" to start. */
    @Test
    void onTwoSixtyTwoAStoppedResolverStartsButIgnoresItsFiles() throws Exception {
        assertSaidWhileDown(262, "cannot open it and then ignores every settings file, the drop-ins included, so it runs "
                + "on its built-in defaults once it starts.", "daher läuft es nach dem Start mit seinen eingebauten "
                + "Standardwerten.", "Move %s away (systemd-resolved starts with it there, but then ignores every "
                + "settings file and runs on its built-in defaults)", "%s verschieben (systemd-resolved startet zwar, "
                + "solange sie dort ist, übergeht dann aber alle Einstellungsdateien und läuft mit seinen eingebauten "
                + "Standardwerten)");
    }

    /**
     * A pipe as the main file of a stopped systemd {@code version}: MAIN_CONF_PIPE says what resolved does with it
     * ({@code english} after "systemd-resolved ", {@code german} in it), and RESOLVER_STOPPED's fix, with no command to
     * copy, is {@code move} (%s: the file) and then the start, in both languages.
     */
    private void assertSaidWhileDown(int version, String english, String german, String move, String germanMove)
            throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path main = mainPipe(paths);
        ResolverState s = stateWith(read(paths), version, false, DotMode.STRICT);

        List<Reason> reasons = new LinuxRules().assess(s);
        assertEquals(List.of("MAIN_CONF_PIPE", "RESOLVER_STOPPED"), reasons.stream().map(Reason::code).toList());
        assertTrue(DropInDirectoryReasonTest.words(Locale.ENGLISH, reasons.get(0), s).startsWith(main + " is a named "
                + "pipe or device, not a file: systemd-resolved " + english), reasons.get(0).message());
        assertTrue(DropInDirectoryReasonTest.words(Locale.GERMAN, reasons.get(0), s).contains(german));
        Reason stopped = reasons.get(1);
        // ("sudo " is left out where the window runs as root)
        assertEquals("systemd-resolved is installed but not running. / " + move.formatted(main) + ", then start it: "
                + "systemctl enable --now systemd-resolved.service",
                DropInDirectoryReasonTest.words(Locale.ENGLISH, stopped, s).replace("sudo ", ""));
        assertEquals(stopped.fix().replace("sudo ", ""), I18n.in(Locale.ENGLISH, () -> ReasonTexts.of(stopped, s).fix())
                .replace("sudo ", ""), "the bundle says what the rule says");
        String germanWords = DropInDirectoryReasonTest.words(Locale.GERMAN, stopped, s).replace("sudo ", "");
        assertTrue(germanWords.endsWith("läuft aber nicht. / " + germanMove.formatted(main) + ", dann starten: "
                + "systemctl enable --now systemd-resolved.service"), germanWords);
        assertEquals(null, new LinuxRules().command(stopped));
    }

    @Test
    void aFileOrNoneIsNothingToSay() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        assertFalse(read(paths).mainConfPipe(), "missing: resolved runs on its defaults");
        Files.createDirectories(paths.mainConf().getParent());
        Files.writeString(paths.mainConf(), "[Resolve]\n");
        LinuxDetails read = read(paths);
        assertFalse(read.mainConfPipe());
        assertTrue(new LinuxRules().assess(stateWith(read, true)).stream()
                .noneMatch(r -> r.code().equals("MAIN_CONF_PIPE")));
    }
}
