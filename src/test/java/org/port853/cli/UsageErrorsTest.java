package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.port853.core.ProviderCatalog;

/** A command line that cannot be parsed: one sentence starting "port853 COMMAND:", one hint line, exit 2, no usage. */
class UsageErrorsTest {
    private final CliServices services = new CliServices(() -> {
        throw new AssertionError("no command runs when the command line is wrong");
    }, ProviderCatalog::bundled);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "apply --provider quad9                          | port853 apply: missing required option: '--mode=MODE'",
            "export --provider quad9 --mode strict --dry-run --format resolved | port853 export: unknown option: '--dry-run'",
            "statuz                                          | port853: unknown command 'statuz'; did you mean status?",
            "prov                                            | port853: unknown command 'prov'; did you mean providers?",
            "verfy                                           | port853: unknown command 'verfy'; did you mean verify?",
            "undo                                            | port853: unknown command 'undo'",
            "rollback                                        | port853: unknown command 'rollback'",
            "nosuch                                          | port853: unknown command 'nosuch'",
            "status extra                                    | port853 status: unexpected argument 'extra'",
            "apply --provider quad9 --mode strict --dry-rn   | port853 apply: unknown option: '--dry-rn'; did you mean --dry-run?",
            "apply --provider quad9 --mdoe strict            | port853 apply: unknown option: '--mdoe'; did you mean --mode?",
            "status --verbose                                | port853 status: unknown option: '--verbose'",
            "doctor --servers 192.0.2.1                      | port853 doctor: unknown option: '--servers'; did you mean --server?",
            "export --provider quad9 --mode strict --output x | port853 export: unknown option: '--output'",
            "status --foo --bar                              | port853 status: unknown options: '--foo', '--bar'",
            "monitor --re                                    | port853 monitor: unknown option: '--re'"})
    void oneSentenceAndAHint(String args, String sentence) {
        CliRuns.Run r = CliRuns.run(services, args.trim().split(" +"));
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(sentence.trim(), lines.get(0));
        assertEquals(2, lines.size(), "the sentence and one hint, no usage: " + r.err());
        assertTrue(lines.get(1).matches("See 'port853( \\w+)? --help'\\."), lines.get(1));
        assertFalse(r.err().contains("Usage:"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "apply --mode strict --dry-run --server | --server",
            "export --format resolved --mode strict --server | --server",
            "export --format resolved --mode strict --server 198.18.0.9#c.test --fallback | --fallback",
            "doctor --server                        | --server",
            "bench-providers --server               | --server"})
    @DisplayName("servers separated by a comma in one --server are refused as before, with how to give several")
    void commaSeparatedServersAreToldToGiveEachItsOwnOption(String args, String option) {
        List<String> line = new java.util.ArrayList<>(List.of(args.trim().split(" +")));
        line.add("198.18.0.2#a.test,198.18.0.3#b.test");
        CliRuns.Run r = CliRuns.run(services, line.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().lines().findFirst().orElseThrow().endsWith("TLS name 'a.test,198.18.0.3#b.test' is not a "
                + "valid host name: ',' cannot be in one (letters, digits, hyphens and dots only); give each server "
                + "with its own " + option + " (" + option + " IP#NAME " + option + " IP#NAME)"), r.err());
    }

    @Test
    @DisplayName("a comma that does not separate servers gets no hint about several")
    void aCommaInsideOneServerGetsNoHint() {
        CliRuns.Run r = CliRuns.run(services, "export", "--format", "resolved", "--mode", "strict", "--server", "198.18.0.2#a.test,b");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("',' cannot be in one"), r.err());
        assertFalse(r.err().contains("its own --server"), r.err());
    }

    @Test
    @DisplayName("input echoed in an error reaches the terminal without its control characters (an escape sequence is shown as \\x1b)")
    void echoedControlCharactersAreShown() {
        String typed = "x\u001b[2J\u009by\u0007";
        for (String[] args : List.of(new String[] {typed}, new String[] {"status", "--" + typed},
                new String[] {"analyze", "/nonexistent/" + typed}, new String[] {"verify", "--interface", typed},
                new String[] {"export", "--format", typed, "--provider", "quad9", "--mode", "strict"})) {
            CliRuns.Run r = CliRuns.run(services, args);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("x\\x1b[2J\\x9by\\x07"), r.err());
            assertTrue(r.err().chars().allMatch(c -> c == '\n' || TerminalSafeWriter.passes(c)), r.err());
        }
    }

    @Test
    @DisplayName("a line break in echoed input (a format, a file name) is shown as \\n: the error stays one line")
    void echoedLineBreaksKeepTheErrorOneLine() {
        for (String[] args : List.of(new String[] {"export", "--format", "X\nY", "--provider", "quad9", "--mode", "strict"},
                new String[] {"analyze", "/nonexistent/a\nb.pcap"}, new String[] {"monitor", "--interface", "eth0\n"},
                new String[] {"verify", "--interface", "eth0\n"})) {
            CliRuns.Run r = CliRuns.run(services, args);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            String echoed = switch (args[0]) {
                case "export" -> "'X\\nY'";
                case "analyze" -> "a\\nb.pcap";
                default -> "'eth0\\n' is not an interface name";
            };
            assertTrue(r.err().contains(echoed), r.err());
        }
    }

    @Test
    @DisplayName("the top-level help names the demos and the exit codes the README documents")
    void topLevelHelpNamesDemosAndExitCodes() {
        CliRuns.Run r = CliRuns.run(services, "--help");
        assertEquals(0, r.code());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--demo opens it on a sample Linux machine"), help);
        assertTrue(help.contains("--demo=windows on a sample Windows 11 machine"), help);
        assertTrue(help.contains("Exit codes: 0 ok; 1 failed, refused or rolled back; 2 bad input; 3 done but not "
                + "covering everything"), help);
        assertTrue(help.contains("a revert restored settings with which names do not resolve"), help);
    }
}
