package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.port853.app.LauncherProcess.Run;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --demo=windows} on the command line, run as a user runs it (the launcher in a process of its own): the
 * sample machine's state is shown, and every command that would send a packet, capture or write a file is refused
 * before it starts (a demo's servers are sample addresses of somebody else's network).
 */
class WindowsDemoCommandsTest {
    @org.junit.jupiter.api.io.TempDir
    Path home;

    private Run port853(String... args) throws Exception {
        return LauncherProcess.run(home, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctor", "verify", "pins", "bench-providers", "monitor", "revert", "recover", "harden",
            "analyze", "apply"})
    void commandsThatWouldContactServersOrChangeFilesAreRefused(String command) throws Exception {
        long start = System.nanoTime();
        Run r = port853(command, "--demo=windows");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().startsWith("port853 " + command + ": not in the demo."), r.out());
        assertTrue(r.out().lines().count() == 1, "one sentence, no stack trace: " + r.out());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    @DisplayName("with --json, a refusal is also a JSON document on stdout, the sentence still on stderr")
    void refusalWithJsonIsADocument() throws Exception {
        Path err = home.resolve("stderr.txt");
        Process p = LauncherProcess.builder(home, "verify", "--demo=windows", "--json")
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertEquals("verify", doc.at("/error/command").asText(), out);
        assertEquals(2, doc.at("/error/exitCode").asInt(), out);
        assertTrue(doc.at("/error/message").asText().startsWith("not in the demo."), out);
        assertTrue(java.nio.file.Files.readString(err).startsWith("port853 verify: not in the demo."));
    }

    @Test
    @DisplayName("plain pins is refused for what it is (this computer's store), not as contacting servers")
    void pinsIsRefusedForWhatItDoes() throws Exception {
        Run r = port853("pins", "--demo=windows");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("pins lists this computer's pin store, not the sample machine's"), r.out());
        assertTrue(!r.out().contains("pins would contact servers"), r.out());
    }

    @Test
    @DisplayName("an unknown command in the demo gets the unknown-command error, not a demo refusal")
    void unknownCommandInTheDemo() throws Exception {
        Run r = port853("statuz", "--demo=windows");
        assertEquals(2, r.code(), r.out());
        assertEquals(List.of("port853: unknown command 'statuz'; did you mean status?", "See 'port853 --help'."),
                r.out().lines().toList());
    }

    @Test
    @DisplayName("apply on Windows refuses what Windows has not, as the PowerShell export does: --link-resolv-conf, "
            + "--fallback")
    void linuxOnlyOptionsAreRefusedOnWindows() throws Exception {
        Run link = port853("apply", "--demo=windows", "--provider", "quad9", "--mode", "strict", "--dry-run",
                "--link-resolv-conf");
        assertEquals(2, link.code(), link.out());
        assertEquals(List.of("port853 apply: --link-resolv-conf is for Linux: Windows has no /etc/resolv.conf"),
                link.out().lines().toList());
        Run fallback = port853("apply", "--demo=windows", "--provider", "quad9", "--mode", "strict", "--dry-run",
                "--fallback", "198.51.100.7#dot.test");
        assertEquals(2, fallback.code(), "bad input, as export says it: " + fallback.out());
        assertTrue(fallback.out().startsWith("port853 apply: Windows has no list of fallback servers"), fallback.out());
    }

    @Test
    void theSampleMachinesStateIsShown() throws Exception {
        Run r = port853("status", "--demo=windows", "--json");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("\"WIN_SERVER_UNENCRYPTED\""), "the sample Windows machine: " + r.out());
        assertTrue(r.out().contains("\"WIN_DOT_UNAVAILABLE\""), r.out());
        assertTrue(!r.out().contains("\"fix\" : \"\""), "a reason without a fix has null, never \"\": " + r.out());
        Run text = port853("status", "--demo=windows");
        assertTrue(!text.out().matches("(?s).*Fix: *\n.*"), "no empty Fix line: " + text.out());
    }

    @Test
    @DisplayName("DNSSEC on the sample Windows machine: apply refuses it as export does (bad input, exit 2), and status "
            + "does not advise it")
    void dnssecIsOneRuleOnWindows() throws Exception {
        String sentence = "the Windows DNS client does not validate DNSSEC itself, so DNSSEC yes cannot be set on Windows";
        Run apply = port853("apply", "--demo=windows", "--provider", "quad9", "--mode", "strict", "--dnssec", "yes",
                "--dry-run");
        assertEquals(2, apply.code(), apply.out());
        assertTrue(apply.out().contains("port853 apply: " + sentence), apply.out());
        Run export = port853("export", "--demo=windows", "--provider", "quad9", "--mode", "strict", "--dnssec", "yes",
                "--format", "powershell");
        assertEquals(2, export.code(), export.out());
        assertTrue(export.out().contains("port853 export: " + sentence), export.out());
        assertEquals(export.out().replace("port853 export: ", ""), apply.out().replace("port853 apply: ", ""),
                "the same sentence and exit code for the same input");
        Run status = port853("status", "--demo=windows", "--json");
        assertEquals(0, status.code(), status.out());
        assertTrue(!status.out().contains("DNSSEC_OFF") && !status.out().contains("Choose DNSSEC"), status.out());
    }

    @Test
    void aPlanIsShownWithoutChangingAnything() throws Exception {
        Run r = port853("apply", "--demo=windows", "--provider", "quad9", "--mode", "strict", "--dry-run");
        assertTrue(r.code() == 0 || r.code() == 1, r.out());
        assertTrue(!r.out().contains("not in the demo"), r.out());
        assertTrue(r.out().contains("port853 apply: note: names under a company's own DNS suffix"),
                "the real planner's notes reach the demo's preview: " + r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--demo status", "status --demo", "--demo=linux providers", "export --demo=mac"})
    @DisplayName("another demo than --demo=windows with a command: one sentence saying which demos exist, exit 2")
    void otherDemosOnTheCommandLineAreExplained(String line) throws Exception {
        Run r = port853(line.split(" "));
        assertEquals(2, r.code(), r.out());
        // errors start with the command when the line starts with one, as every command's errors do
        String first = line.split(" ")[0];
        assertTrue(r.out().startsWith(first.startsWith("-") ? "port853: --demo" : "port853 " + first + ": --demo"),
                r.out());
        assertTrue(r.out().contains("--demo=windows"), r.out());
        assertTrue(r.out().lines().count() == 1, "one sentence: " + r.out());
    }

    @Test
    @DisplayName("--demo with anything else names what it does not take; --demo=windows is taken in any case")
    void demoSpellings() throws Exception {
        Run r = port853("--demo", "--bogus");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().startsWith("port853: --demo opens the window on a sample Linux machine and takes nothing "
                + "else ('--bogus'); on the command line, --demo=windows"), r.out());
        Run upper = port853("status", "--demo=WINDOWS", "--json");
        assertEquals(0, upper.code(), upper.out());
        assertTrue(upper.out().contains("Windows"), upper.out());
    }
}
