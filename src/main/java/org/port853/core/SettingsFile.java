package org.port853.core;

import java.util.List;

/**
 * One settings file the resolver reads (Linux: a resolved.conf drop-in), listed in the order it reads them: whose it
 * is, why it is not read ({@code unread}, null when it is), the line it skips ({@code skippedLine}, null when none),
 * and each setting it makes with what became of it.
 */
public record SettingsFile(String path, Owner owner, List<Setting> settings, String unread, String skippedLine) {
    public SettingsFile {
        settings = List.copyOf(settings);
    }

    /** Port853's own file, a copy of it that 'port853 export' made (deployed by a fleet tool), or anyone else's. */
    public enum Owner { OURS, EXPORTED, OTHER }

    /** What became of a setting: in force, replaced by a later file's, ignored (a value the resolver cannot take). */
    public enum Outcome { IN_FORCE, OVERRIDDEN, IGNORED, NOT_READ }

    /**
     * {@code key=value} as the file sets it ({@code value} empty: the file clears that list); {@code overriddenBy}: the
     * later file whose setting replaces it, null unless OVERRIDDEN; NOT_READ: the resolver stops before this file.
     */
    public record Setting(String key, String value, Outcome outcome, String overriddenBy) {
    }
}
