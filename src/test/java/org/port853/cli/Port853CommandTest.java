package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.ProviderCatalog;
import picocli.CommandLine;

class Port853CommandTest {
    private final CliServices services = new CliServices(() -> {
        throw new AssertionError("no command runs here");
    }, ProviderCatalog::bundled);

    @Test
    @DisplayName("each subcommand is listed under the name its annotation gives it")
    void namesMatchTheAnnotations() {
        for (Port853Command.Subcommand sub : Port853Command.SUBCOMMANDS) {
            Object command = sub.make().apply(services);
            assertEquals(sub.name(), command.getClass().getAnnotation(CommandLine.Command.class).name());
        }
    }

    @Test
    @DisplayName("a command line built for one subcommand parses and explains it like the whole command line")
    void oneSubcommandLikeTheWhole() {
        CommandLine whole = Port853Command.create(services);
        for (Port853Command.Subcommand sub : Port853Command.SUBCOMMANDS) {
            CommandLine one = Port853Command.forArguments(services, sub.name(), "--help");
            assertEquals(List.of(sub.name()), List.copyOf(one.getSubcommands().keySet()));
            assertEquals(whole.getSubcommands().get(sub.name()).getUsageMessage(),
                    one.getSubcommands().get(sub.name()).getUsageMessage(), sub.name());
        }
        assertEquals(Port853Command.SUBCOMMANDS.stream().map(Port853Command.Subcommand::name)
                        .collect(Collectors.toList()), List.copyOf(whole.getSubcommands().keySet()));
        assertEquals(whole.getSubcommands().keySet(),
                Port853Command.forArguments(services, "--version").getSubcommands().keySet());
        assertEquals(whole.getSubcommands().keySet(),
                Port853Command.forArguments(services, "analyz", "x").getSubcommands().keySet(), "a typo gets suggestions");
    }
    @Test
    @DisplayName("every subcommand answers --help with its usage and exit 0, even one with required options")
    void everySubcommandHasHelp() {
        for (Port853Command.Subcommand sub : Port853Command.SUBCOMMANDS) {
            java.io.StringWriter out = new java.io.StringWriter();
            CommandLine cl = Port853Command.forArguments(services, sub.name(), "--help");
            cl.setOut(new java.io.PrintWriter(out, true));
            cl.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
            assertEquals(0, cl.execute(sub.name(), "--help"), sub.name());
            assertEquals(true, out.toString().startsWith("Usage: port853 " + sub.name()), out.toString());
            TerminalWidth.assertFits(out.toString());
        }
    }

    @Test
    @DisplayName("-V says the build's version, the same the window's About box shows")
    void versionIsTheBuilds() {
        java.io.StringWriter out = new java.io.StringWriter();
        CommandLine cl = Port853Command.forArguments(services, "-V");
        cl.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cl.execute("-V"));
        String v = org.port853.core.AppVersion.get();
        assertEquals(true, v != null && v.matches("\\d+\\.\\d+\\.\\d+.*"), "a version from the build: " + v);
        assertEquals("Port853 " + v + "\n", out.toString());
    }

    @Test
    @DisplayName("every subcommand's -V says the same version (its help offers -V)")
    void everySubcommandSaysTheVersion() {
        for (Port853Command.Subcommand sub : Port853Command.SUBCOMMANDS) {
            java.io.StringWriter out = new java.io.StringWriter();
            CommandLine cl = Port853Command.forArguments(services, sub.name(), "-V");
            cl.setOut(new java.io.PrintWriter(out, true));
            cl.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
            assertEquals(0, cl.execute(sub.name(), "-V"), sub.name());
            assertEquals("Port853 " + org.port853.core.AppVersion.get() + "\n", out.toString(), sub.name());
        }
    }

    /** The exit codes each command can end with (docs/cli.md), which its own --help must name. */
    private static final java.util.Map<String, List<Integer>> EXIT_CODES = java.util.Map.ofEntries(
            java.util.Map.entry("status", List.of(0, 1, 2)),
            java.util.Map.entry("providers", List.of(0, 2, 3)),
            java.util.Map.entry("apply", List.of(0, 1, 2, 3, 130)),
            java.util.Map.entry("revert", List.of(0, 1, 2, 3, 130)),
            java.util.Map.entry("recover", List.of(0, 1, 2, 3, 130)),
            java.util.Map.entry("export", List.of(0, 1, 2)),
            java.util.Map.entry("analyze", List.of(0, 1, 2)),
            java.util.Map.entry("monitor", List.of(0, 1, 2, 130)),
            java.util.Map.entry("verify", List.of(0, 1, 2)),
            java.util.Map.entry("doctor", List.of(0, 1, 2)),
            java.util.Map.entry("pins", List.of(0, 1, 2, 130)),
            java.util.Map.entry("bench-providers", List.of(0, 1, 2)),
            java.util.Map.entry("harden", List.of(0, 1, 2, 3)));

    @Test
    @DisplayName("every subcommand's --help names the exit codes it can end with, as 'port853 --help' does for all")
    void everySubcommandSaysItsExitCodes() {
        assertEquals(Port853Command.SUBCOMMANDS.stream().map(Port853Command.Subcommand::name)
                .collect(Collectors.toSet()), EXIT_CODES.keySet(), "every command has its codes here");
        for (Port853Command.Subcommand sub : Port853Command.SUBCOMMANDS) {
            java.io.StringWriter out = new java.io.StringWriter();
            CommandLine cl = Port853Command.forArguments(services, sub.name(), "--help");
            cl.setOut(new java.io.PrintWriter(out, true));
            cl.execute(sub.name(), "--help");
            String help = out.toString().replaceAll("\\s+", " ");
            int at = help.indexOf("Exit codes: ");
            assertEquals(true, at >= 0, sub.name() + " --help names no exit codes: " + out);
            String codes = help.substring(at);
            for (int code : EXIT_CODES.get(sub.name())) {
                assertEquals(true, codes.matches("(?s).*[:;,] " + code + " .*"), sub.name() + " --help does not say what "
                        + code + " means: " + codes);
            }
        }
    }
}
