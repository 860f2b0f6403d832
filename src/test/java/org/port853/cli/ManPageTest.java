package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ManPageTest {
    @TempDir
    Path dir;

    private static String page(CommandLine cl) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        ManPage.write(cl.getCommandSpec(), "2026-12-05", out);
        out.flush();
        return text.toString();
    }

    @Test
    @DisplayName("port853(1) names every command and the launcher's --demo, and groff reads it without a warning")
    void everyCommandAndTheDemoAndNoRoffWarning() throws Exception {
        CommandLine cl = Port853Command.create(new CliServices(() -> null, () -> null));
        String page = page(cl);
        for (String command : cl.getSubcommands().keySet()) {
            assertTrue(page.contains(".SS port853 " + command.replace("-", "\\-")), command);
        }
        assertTrue(page.contains("\\fBport853 \\-\\-demo\\fR") && page.contains("\\-\\-demo=windows"), page);

        Path file = dir.resolve("port853.1");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        Process groff = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", file.toString())
                .redirectErrorStream(true).start();
        String warnings = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, groff.waitFor(), warnings);
        assertEquals("", warnings);
    }

    @Test
    @DisplayName("the man page's exit status 3 lists every case --help lists: a revert that left a file alone, providers")
    void exitStatusThreeAsInTheHelp() {
        String page = flatPage();
        String help = flatHelp();
        for (String part : new String[] {"a revert restored settings with which names do not resolve or left a file of"
                + " Port853's that someone else changed", "'providers' could not read your own providers' file"}) {
            assertTrue(page.contains(part), "man page: " + part);
            assertTrue(help.contains(part), "--help: " + part);
        }
    }

    @Test
    @DisplayName("the man page and --help give the exit codes of a command stopped by a signal, as the README does")
    void exitStatusOfASignalAsInTheReadme() {
        String page = flatPage();
        String help = flatHelp();
        assertTrue(help.contains("; 130 stopped by Ctrl-C, 129 by a closed terminal, 143 by SIGTERM"), help);
        assertTrue(page.contains(".B 130 stopped by Ctrl-C, 129 by a closed terminal, 143 by SIGTERM"), page);
    }

    /** The man page as plain words on one line. */
    private static String flatPage() {
        return page(Port853Command.create(new CliServices(() -> null, () -> null))).replace("\\-", "-")
                .replaceAll("\\s+", " ");
    }

    private static String flatHelp() {
        return CliRuns.run(new CliServices(() -> null, () -> null), "--help").out().replaceAll("\\s+", " ");
    }
}
