package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check that text meant for a terminal fits one 80 columns wide, counted as a terminal counts them. */
final class TerminalWidth {
    private TerminalWidth() {
    }

    static void assertFits(String text) {
        text.lines().forEach(line -> assertTrue(TerminalColumns.of(line) <= 80,
                TerminalColumns.of(line) + " columns: '" + line + "' in\n" + text));
    }
}
