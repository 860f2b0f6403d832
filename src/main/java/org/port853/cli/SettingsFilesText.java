package org.port853.cli;

import java.util.List;
import org.port853.core.Printable;
import org.port853.core.SettingsFile;
import org.port853.core.SettingsFile.Setting;

/**
 * status's section on the resolver's drop-ins: each file in the order the resolver reads them, whose it is, and each
 * setting it makes with what became of it, laid out within 80 terminal columns.
 */
final class SettingsFilesText {
    private static final int WIDTH = TerminalColumns.LINE;
    private static final String FILE_INDENT = "  ";
    private static final String INDENT = "    ";
    private static final String GAP = "  ";
    /** The widest KEY=value shown: the rest of the line is left for what became of it. */
    private static final int SETTING_COLUMNS = 40;

    private SettingsFilesText() {
    }

    /** The section, each line ending in a line separator; empty without files. */
    static String of(List<SettingsFile> files) {
        if (files.isEmpty()) {
            return "";
        }
        // one width for every file's settings, so that what became of them lines up down the section
        int settingColumns = files.stream().flatMap(f -> f.settings().stream())
                .mapToInt(s -> Math.min(SETTING_COLUMNS, TerminalColumns.of(Printable.line(shown(s))))).max().orElse(0);
        StringBuilder b = new StringBuilder("Drop-ins (in the order they are read; a later file wins):")
                .append(System.lineSeparator());
        for (SettingsFile f : files) {
            // a long path is cut, not whose file it is
            String whose = " (" + owner(f.owner()) + ")";
            b.append(FILE_INDENT).append(TerminalColumns.cut(Printable.line(f.path()),
                    WIDTH - FILE_INDENT.length() - whose.length())).append(whose).append(System.lineSeparator());
            if (f.unread() != null) {
                b.append(note("not read: " + f.unread()));
            }
            if (f.skippedLine() != null) {
                b.append(note("skipped: " + f.skippedLine()));
            }
            TextTable table = new TextTable(INDENT, GAP, TextTable.Column.left(settingColumns, SETTING_COLUMNS),
                    TextTable.Column.left(0));
            int outcomeColumns = WIDTH - INDENT.length() - GAP.length() - SETTING_COLUMNS;
            f.settings().forEach(s -> table.row(shown(s),
                    TerminalColumns.cut(outcome(s), outcomeColumns)));
            b.append(table);
        }
        return b.toString();
    }

    /** A line under a file's path, cut to the section's width. */
    private static String note(String text) {
        return INDENT + TerminalColumns.cut(Printable.line(text), WIDTH - INDENT.length()) + System.lineSeparator();
    }

    private static String shown(Setting s) {
        return s.key() + "=" + s.value();
    }

    private static String owner(SettingsFile.Owner owner) {
        return switch (owner) {
            case OURS -> "ours";
            case EXPORTED -> "exported copy";
            case OTHER -> "other";
        };
    }

    private static String outcome(Setting s) {
        return switch (s.outcome()) {
            case IN_FORCE -> s.value().isEmpty() ? "in force: clears the list" : "in force";
            case OVERRIDDEN -> "overridden by " + java.nio.file.Path.of(s.overriddenBy()).getFileName();
            case IGNORED -> "ignored: a value the resolver cannot take";
            case NOT_READ -> "not read";
        };
    }
}
