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
}
