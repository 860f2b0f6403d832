package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.app.LauncherProcess.Run;

/** "port853 help …", typed as people type it for other tools, run as a user runs it. */
class HelpWordTest {
    @TempDir
    Path home;

    @Test
    @DisplayName("help COMMAND explains that command (exit 0), as COMMAND --help does; it does not run it")
    void helpCommandExplainsIt() throws Exception {
        Run help = LauncherProcess.run(home, "help", "apply");
        assertEquals(0, help.code(), help.out());
        assertEquals(LauncherProcess.run(home, "apply", "--help").out(), help.out());
        assertTrue(help.out().startsWith("Usage: port853 apply"), help.out());
    }

    @Test
    @DisplayName("help alone lists the commands (exit 0); help with an unknown command names that command")
    void helpAloneAndUnknown() throws Exception {
        Run help = LauncherProcess.run(home, "help");
        assertEquals(0, help.code(), help.out());
        assertEquals(LauncherProcess.run(home, "--help").out(), help.out());
        Run helpHelp = LauncherProcess.run(home, "help", "help");
        assertEquals(0, helpHelp.code(), helpHelp.out());
        assertEquals(help.out(), helpHelp.out(), "help on help is the help");
        Run unknown = LauncherProcess.run(home, "help", "statuz");
        assertEquals(2, unknown.code(), unknown.out());
        assertTrue(unknown.out().startsWith("port853: unknown command 'statuz'; did you mean status?"), unknown.out());
    }

    @Test
    @DisplayName("a mistyped command with --help or --version is named (exit 2), not answered with the whole usage (exit 0)")
    void mistypedCommandWithHelpOrVersion() throws Exception {
        for (String option : new String[] {"--help", "-h", "--version", "-V"}) {
            Run typo = LauncherProcess.run(home, "statuz", option);
            assertEquals(2, typo.code(), typo.out());
            assertTrue(typo.out().startsWith("port853: unknown command 'statuz'; did you mean status?"), typo.out());
        }
        Run json = LauncherProcess.run(home, "statuz", "--help", "--json");
        assertEquals(2, json.code(), json.out());
        assertTrue(json.out().contains("{\"error\":{\"command\":null,\"exitCode\":2,\"message\":\"unknown command 'statuz'"), json.out());
        assertEquals(0, LauncherProcess.run(home, "status", "--help").code(), "a command's own help stays");
    }
}
