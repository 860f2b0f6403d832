package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.StateSource;

/**
 * A stopped systemd-resolved: which of the five fixes (not booted by systemd, masked, a pipe for its settings file that
 * a start waits on or, from 258, that makes it ignore its settings files, just start it) the rules give, with the
 * detail the bundle's choice picks by, and the bundle saying the same.
 */
class ResolverStoppedFixTest {
    private static final String PIPE = "/etc/systemd/resolved.conf";
    private static final String START = "sudo systemctl enable --now systemd-resolved.service";

    private static ResolverState stopped(int version, boolean booted, boolean masked, boolean pipe) {
        LinuxDetails d = new LinuxDetails(version, null, List.of(), null, booted, null, masked, null, null, PIPE, null,
                false, null, pipe);
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                "systemd-resolved is not running", d);
    }

    @ParameterizedTest(name = "systemd {0}, booted {1}, masked {2}, pipe {3}: detail {4}")
    @CsvSource({
            "252, false, false, false, 1",
            "252, false, true,  true,  1",
            "252, true,  true,  false, 3",
            "252, true,  true,  true,  3",
            "252, true,  false, true,  4",
            "257, true,  false, true,  4",
            "258, true,  false, true,  5",
            "262, true,  false, true,  5",
            "262, true,  false, false, 0"})
    void oneFixPerCase(int version, boolean booted, boolean masked, boolean pipe, String detail) {
        ResolverState s = stopped(version, booted, masked, pipe);
        Reason r = new LinuxRules().assess(s).stream().filter(x -> x.code().equals("RESOLVER_STOPPED")).findFirst()
                .orElseThrow();
        String fix = switch (detail) {
            case "1" -> LinuxRules.NOT_BOOTED;
            case "3" -> "Unmask and start it: sudo systemctl unmask systemd-resolved.service && " + START;
            case "4" -> "Move " + PIPE + " away first (systemd-resolved waits on it when it starts and does not come "
                    + "up), then start it: " + START;
            // from 258 it starts, but on its built-in defaults: the pipe is worth moving, not in the way of the start
            case "5" -> "Move " + PIPE + " away (systemd-resolved starts with it there, but then ignores every settings "
                    + "file and runs on its built-in defaults), then start it: " + START;
            default -> "Start it: " + START;
        };
        assertEquals(fix, r.fix());
        assertEquals(detail.equals("4") || detail.equals("5") ? List.of(detail, PIPE) : List.of(detail), r.details());
        assertEquals("systemd-resolved is installed but not running" + (detail.equals("3") ? " (its unit is masked)."
                : "."), r.message());
        String english = DropInDirectoryReasonTest.words(Locale.ENGLISH, r, s);
        assertEquals(r.message() + " / " + r.fix().replace("sudo ", ""), english.replace("sudo ", ""),
                "the bundle says what the rule says");
        String german = DropInDirectoryReasonTest.words(Locale.GERMAN, r, s);
        assertNotEquals(english, german);
        assertFalse(german.contains("{"), german);
        // no command to copy where none can work alone (no systemd; the pipe must go first)
        String command = detail.equals("3") || detail.equals("0") ? fix.substring(fix.indexOf("sudo ")) : null;
        assertEquals(command, new LinuxRules().command(r), "the command to copy");
    }
}
