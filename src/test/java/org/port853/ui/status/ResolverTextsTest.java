package org.port853.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.port853.core.ResolverState;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.platform.windows.demo.WindowsDemoAdapter;
import org.port853.ui.common.I18n;

/** The resolver's name and version in the window's language; program names stay as they are. */
class ResolverTextsTest {
    @Test
    void theWindowsSampleMachineInGermanAndEnglish() {
        ResolverState s = new WindowsDemoAdapter().readState();
        assertEquals("Windows-DNS-Client (Demo)", I18n.in(Locale.GERMAN, () -> ResolverTexts.name(s)));
        assertEquals("Windows-Build 22631 (23H2)", I18n.in(Locale.GERMAN, () -> ResolverTexts.version(s)));
        assertEquals(s.resolverName(), I18n.in(Locale.ENGLISH, () -> ResolverTexts.name(s)));
        assertEquals(s.platform().versionText(), I18n.in(Locale.ENGLISH, () -> ResolverTexts.version(s)));
    }

    @Test
    void systemdResolvedKeepsItsName() {
        ResolverState s = new DemoResolverAdapter(Duration.ZERO, false).readState();
        assertEquals("systemd-resolved (Demo)", I18n.in(Locale.GERMAN, () -> ResolverTexts.name(s)));
        assertEquals("systemd 252", I18n.in(Locale.GERMAN, () -> ResolverTexts.version(s)));
    }
}
