package org.port853.ui.status;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.port853.ui.common.I18n;

/**
 * An interrupted change's description in the window's language. The journal records it in English as the helpers
 * write it ("DNS-over-TLS strict with 2 server(s)", PrivilegedHelper and WindowsHelper; "revert to the settings from
 * before Port853", ChangeEngine; JournalStore's unreadable marker); a description of another shape (an older journal) is said as recorded.
 */
final class PendingTexts {
    private static final Pattern APPLY = Pattern.compile("(DNS-over-TLS|DNS-over-HTTPS) (off|opportunistic|strict) with (\\d{1,6}) server\\(s\\)");
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
        Matcher m = APPLY.matcher(recorded);
        return m.matches() ? I18n.t("pending.description.apply", m.group(1), I18n.t("mode." + m.group(2).toLowerCase(Locale.ROOT)),
                Integer.parseInt(m.group(3))) : recorded;
    }
}
