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
}
