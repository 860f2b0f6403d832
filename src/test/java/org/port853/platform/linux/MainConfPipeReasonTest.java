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
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;

/**
 * A named pipe as the main resolved.conf: apply refuses it (ResolvedPlanner), and status says it too, since resolved
 * waits on it at its next start and never comes up. The state read itself never opens the pipe.
 */
@DisplayName("a named pipe as the main resolved.conf is said in status, as apply refuses it")
class MainConfPipeReasonTest {
    @TempDir
    Path root;

    /** Strict mode with a named server, resolv.conf at the stub: protected but for the main file. */
    static ResolverState stateWith(LinuxDetails read, boolean running) {
        GlobalState g = new GlobalState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), List.of(), null,
                DotMode.STRICT, DnssecMode.NO, true, List.of(), "yes", "stub");
        LinuxDetails d = new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB, LinuxPaths.STUB_RESOLV_CONF,
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

    @Test
    void aPipeWhileResolvedRuns() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path main = paths.mainConf();
        Files.createDirectories(main.getParent());
        assertEquals(0, new ProcessBuilder("mkfifo", main.toString()).start().waitFor());
        LinuxDetails read = read(paths);
        assertTrue(read.mainConfPipe());
        ResolverState s = stateWith(read, true);

        Reason r = DropInDirectoryReasonTest.reason(s, "MAIN_CONF_PIPE");
        assertEquals(Severity.WARNING, r.severity(), "DNS works now; the next start of resolved hangs");
        assertEquals(Verdict.PARTIAL, Assessor.assess(s, new LinuxRules().assess(s)).verdict());
        String sudo = Privileges.isRoot() ? "" : "sudo ";
        String english = main + " is a named pipe or device, not a file: systemd-resolved waits on it when it starts and "
                + "does not come up, so DNS works only until its next restart or the next boot. Apply and Protect my DNS "
                + "are refused until it is a regular file or gone. / Replace it with a regular file, or move it away ("
                + sudo + "mv " + main + " " + main + ".old): without it systemd-resolved runs on its built-in defaults.";
        assertEquals(english, r.message() + " / " + r.fix().replace("sudo ", sudo));
        assertEquals(english, DropInDirectoryReasonTest.words(Locale.ENGLISH, r, s));
        assertEquals(main + " ist eine Named Pipe oder ein Gerät, keine Datei: systemd-resolved wartet beim Start darauf "
                + "und kommt nicht hoch, daher funktioniert DNS nur bis zu seinem nächsten Neustart oder dem nächsten "
                + "Hochfahren. Port853 lehnt apply und „DNS schützen“ ab, bis dort eine normale Datei oder nichts mehr "
                + "ist. / Ersetzen Sie sie durch eine normale Datei oder verschieben Sie sie (" + sudo + "mv " + main + " "
                + main + ".old): ohne sie läuft systemd-resolved mit seinen eingebauten Standardwerten.",
                DropInDirectoryReasonTest.words(Locale.GERMAN, r, s));
        assertTrue(new LinuxRules().refusesChanges(r), "the window says so before Protect my DNS is tried");
        assertEquals("refused.main-conf-pipe", new ResolvedPlanner(paths).plan(StubListenerOffTest.STRICT, 252,
                List.of(), false).refusalWords().wording(), "what status announces is what apply refuses");
    }

    @Test
    @DisplayName("a resolver that is not running (it may be waiting on the pipe) cannot start while it is there")
    void aPipeWhileResolvedIsDown() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path main = paths.mainConf();
        Files.createDirectories(main.getParent());
        assertEquals(0, new ProcessBuilder("mkfifo", main.toString()).start().waitFor());
        ResolverState s = stateWith(read(paths), false);

        List<Reason> reasons = new LinuxRules().assess(s);
        assertEquals(List.of("MAIN_CONF_PIPE", "RESOLVER_STOPPED"), reasons.stream().map(Reason::code).toList());
        assertTrue(DropInDirectoryReasonTest.words(Locale.ENGLISH, reasons.get(0), s).startsWith(main + " is a named "
                + "pipe or device, not a file: systemd-resolved waits on it when it starts and does not come up, so it "
                + "cannot start while it is there."), reasons.get(0).message());
        assertTrue(DropInDirectoryReasonTest.words(Locale.GERMAN, reasons.get(0), s).contains("daher kann es nicht "
                + "starten, solange sie dort ist."));
        // "Start it" would wait on the pipe until the unit's start times out: the pipe goes first, and no command to
        // copy starts resolved while it is there
        Reason stopped = reasons.get(1);
        // ("sudo " is left out where the window runs as root)
        assertEquals("systemd-resolved is installed but not running. / Move " + main + " away first (systemd-resolved "
                + "waits on it when it starts and does not come up), then start it: systemctl enable --now "
                + "systemd-resolved.service", DropInDirectoryReasonTest.words(Locale.ENGLISH, stopped, s).replace("sudo ", ""));
        assertEquals(stopped.fix().replace("sudo ", ""), I18n.in(Locale.ENGLISH, () -> ReasonTexts.of(stopped, s).fix())
                .replace("sudo ", ""), "the bundle says what the rule says");
        String german = DropInDirectoryReasonTest.words(Locale.GERMAN, stopped, s).replace("sudo ", "");
        assertTrue(german.endsWith("läuft aber nicht. / Zuerst " + main + " verschieben (systemd-resolved wartet beim "
                + "Start darauf und kommt nicht hoch), dann starten: systemctl enable --now systemd-resolved.service"),
                german);
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
