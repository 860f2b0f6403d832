package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.platform.windows.demo.WindowsDemoAdapter;
import org.port853.probe.doctor.Check;
import org.port853.ui.common.I18n;
import org.port853.ui.diagnostics.CheckTexts;
import org.port853.ui.diagnostics.DemoDiagnostics;
import org.port853.ui.status.ReasonTexts;

/** {@code --demo=windows}: what Status and Diagnostics say about the sample machine is said in Windows' terms. */
class WindowsDemoWordsTest {
    private static final List<String> LINUX_WORDS = List.of("systemd-resolved", "resolvectl", "resolv.conf", "drop-in",
            "Drop-in", "ReadEtcHosts=", "Cache=");

    @Test
    @DisplayName("the Windows sample's reasons and configuration checks name nothing of systemd-resolved, in English and German")
    void noLinuxWords() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            String said = I18n.in(language, () -> shown(new WindowsDemoAdapter()));
            for (String word : LINUX_WORDS) {
                assertFalse(said.contains(word), language + ": '" + word + "' in\n" + said);
            }
            assertTrue(said.contains("192.168.1.1"), "the sample's reasons are there:\n" + said);
        }
        assertTrue(shown(new DemoResolverAdapter()).contains("/etc/resolv.conf"), "the Linux demo still checks resolv.conf");
    }

    /** Every reason and diagnostics check the window shows for the adapter's machine, with their fixes. */
    private static String shown(org.port853.platform.ResolverAdapter adapter) {
        ResolverState s = adapter.readState();
        List<String> lines = new ArrayList<>();
        for (Reason r : adapter.assess(s).reasons()) {
            ReasonTexts.Text t = ReasonTexts.of(r, s);
            lines.add(t.message() + " " + t.fix());
        }
        for (Check c : new DemoDiagnostics(adapter).doctor().checks()) {
            CheckTexts.Text t = CheckTexts.of(c);
            lines.add(t.name() + " " + t.evidence() + " " + t.fix());
        }
        return String.join("\n", lines);
    }
}
