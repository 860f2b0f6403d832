package org.port853.ui.status;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.port853.core.ApplyDescription;
import org.port853.ui.common.I18n;

/**
 * An interrupted change's description in the window's language. The journal records it in English as the helpers
 * write it ({@link ApplyDescription}, PrivilegedHelper and WindowsHelper; "revert to the settings from
 * before Port853", ChangeEngine; JournalStore's unreadable marker); a description of another shape (an older journal) is said as recorded.
 */
final class PendingTexts {
    /** JournalStore's words for a marker it cannot read. */
    private static final Pattern UNREADABLE = Pattern.compile("the change marker (.+) is unreadable");

    private PendingTexts() {
    }

    static String description(String recorded) {
        if (recorded == null) {
            return "";
        }
        if (recorded.equals(org.port853.change.ChangeRecord.REVERT)) {
            return I18n.t("pending.description.revert");
        }
        Matcher unreadable = UNREADABLE.matcher(recorded);
        if (unreadable.matches()) {
            return I18n.t("pending.description.unreadable", unreadable.group(1));
        }
        return ApplyDescription.read(recorded).map(d -> I18n.t("pending.description.apply", d.protocol(),
                I18n.t("mode." + d.mode().name().toLowerCase(Locale.ROOT)), d.servers())).orElse(recorded);
    }
}
