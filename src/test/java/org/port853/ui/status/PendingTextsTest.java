package org.port853.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.ui.common.I18n;

/** An interrupted change's recorded description in the window's language; another shape is said as recorded. */
class PendingTextsTest {
    private static String german(String recorded) {
        return I18n.in(Locale.GERMAN, () -> PendingTexts.description(recorded));
    }

    @Test
    void theHelpersDescriptionsInGerman() {
        String demo = new DemoResolverAdapter(Duration.ZERO, true).readState().pendingChange().description();
        assertEquals("DNS-over-TLS im Modus „Strikt“ mit 2 Servern", german(demo));
        assertEquals("DNS-over-HTTPS im Modus „Opportunistisch“ mit 1 Server", german("DNS-over-HTTPS opportunistic with 1 server"));
        assertEquals("DNS-over-TLS im Modus „Strikt“ mit 1 Server", german("DNS-over-TLS strict with 1 server(s)"),
                "an older journal's words");
        assertEquals("Rückkehr zu den Einstellungen von vor Port853", german("revert to the settings from before Port853"));
        assertEquals("DNS-over-TLS in Strict mode with 2 servers", I18n.in(Locale.ENGLISH, () -> PendingTexts.description(demo)));
    }

    @Test
    void anotherShapeIsSaidAsRecorded() {
        assertEquals("die Änderungsmarke /x ist nicht lesbar", german("the change marker /x is unreadable"));
        assertEquals("strict with Cloudflare", german("strict with Cloudflare"));
    }
}
