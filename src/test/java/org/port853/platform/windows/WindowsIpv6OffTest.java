package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ItemSnapshot;
import org.port853.core.DotMode;
import org.port853.core.Sentence;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.platform.Plan;
import org.port853.ui.common.I18n;

/**
 * An adapter whose IPv6 binding is off (fixture {@code ipv6-off-22631}: the Wi-Fi has no IPv6 row in
 * Get-DnsClientServerAddress, and netsh's IPv6 commands answer "Element not found." for it) gets the IPv4 servers only.
 */
class WindowsIpv6OffTest {
    private static final String WIFI = "{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}";
    private static final String USB = "{c6e2a4b8-1d3f-4e5a-9b7c-2d4f6a8b0c1e}";
    private static final String NOTE = "IPv6 is off on adapter Wi-Fi, so it gets only the IPv4 servers (9.9.9.9, "
            + "149.112.112.112); names still go to all servers through Port853's rule for all names";

    @TempDir
    Path state;

    @Test
    @DisplayName("the plan gives an adapter without IPv6 no IPv6 servers; the other adapter gets both families (it gave "
            + "the Wi-Fi IPv6 servers too)")
    void planned() throws IOException {
        List<String> keys = WindowsPlannerTest.plan(FakeWindows.load("ipv6-off-22631"),
                WindowsPlannerTest.quad9(DotMode.STRICT)).items().stream().map(ItemSnapshot::key).toList();
        assertTrue(keys.contains(WindowsItems.adapter(WIFI, false)), keys.toString());
        assertFalse(keys.contains(WindowsItems.adapter(WIFI, true)), keys.toString());
        assertTrue(keys.contains(WindowsItems.adapter(USB, false)), keys.toString());
        assertTrue(keys.contains(WindowsItems.adapter(USB, true)), keys.toString());
    }

    @Test
    @DisplayName("the preview says so, in English and German")
    void previewSaysSo() {
        FakeWindows w = FakeWindows.load("ipv6-off-22631");
        WindowsResolverAdapter adapter = new WindowsResolverAdapter(w.system(state), WindowsPlannerTest.CATALOG, null);
        Plan p = adapter.plan(WindowsPlannerTest.quad9(DotMode.STRICT), adapter.readState());
        Sentence note = p.notes().stream().filter(n -> n.english().startsWith("IPv6 is off")).findFirst().orElseThrow(
                () -> new AssertionError(p.notes().toString()));
        assertEquals(NOTE, note.english());
        assertFalse(p.actions().stream().anyMatch(a -> a.contains("ipv6") && a.contains("name=12")), p.actions().toString());
        I18n.use(Locale.GERMAN);
        try {
            assertEquals("IPv6 ist auf dem Adapter Wi-Fi ausgeschaltet, daher bekommt er nur die IPv4-Server (9.9.9.9, "
                    + "149.112.112.112); Namen gehen über die Regel von Port853 für alle Namen trotzdem an alle Server",
                    I18n.said("change.", note.words(), "", note.english()));
        } finally {
            I18n.use(null);
        }
    }

    @Test
    @DisplayName("apply writes no IPv6 servers to it and passes its checks; revert restores the machine exactly (apply "
            + "failed: netsh interface ipv6 … name=12: Element not found.)")
    void appliesAndReverts() {
        FakeWindows w = FakeWindows.load("ipv6-off-22631");
        String before = w.everything();
        ApplyResult applied = run(w, HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false));
        assertEquals(Outcome.APPLIED, applied.outcome(), applied.reason());
        assertTrue(applied.encryptedVerified());
        assertFalse(w.writes().stream().anyMatch(c -> c.argv().contains("ipv6") && c.argv().contains("name=12")),
                w.writes().toString());
        assertTrue(w.writes().contains(Command.of("netsh", "interface", "ipv6", "set", "dnsservers", "name=19",
                "source=static", "address=2620:fe::fe", "validate=no")), w.writes().toString());
        assertEquals(Outcome.UNCHANGED, run(w, HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false))
                .outcome(), "applying twice finds everything in place");

        assertEquals(Outcome.REVERTED, run(w, HelperRequest.of(HelperRequest.Action.REVERT)).outcome());
        assertEquals(before, w.everything());
    }

    static final String IPV6_OFF_NOW = "IPv6 is off on adapter Wi-Fi now, so its IPv6 DNS servers were restored in its "
            + "settings: Windows uses them once IPv6 is on again";

    @Test
    @DisplayName("IPv6 turned off on an adapter after the apply: revert restores its IPv6 servers in its settings, which "
            + "Windows uses once IPv6 is on again, and says so, in German too (revert failed on netsh's 'Element not found.' and rolled "
            + "back)")
    void ipv6TurnedOffAfterTheApply() {
        FakeWindows w = FakeWindows.load("home-22631");
        String before = w.everything();
        assertEquals(Outcome.APPLIED, run(w, HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false))
                .outcome());
        w.ipv6Unbound.add(WIFI);

        ApplyResult revert = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals(Outcome.REVERTED, revert.outcome(), revert.reason());
        assertTrue(revert.reason().contains("; " + IPV6_OFF_NOW), revert.reason());
        assertTrue(revert.actions().contains(IPV6_OFF_NOW), revert.actions().toString());
        assertEquals(1, revert.notesBesideEncryptionStaysOn().size(), "the IPv4 servers went back through netsh, unsaid");
        assertEquals("IPv6 ist auf dem Adapter Wi-Fi gerade ausgeschaltet, daher wurden seine IPv6-DNS-Server in seinen "
                + "Einstellungen wiederhergestellt: Windows verwendet sie, sobald IPv6 wieder eingeschaltet ist",
                WindowsAdapterGoneTest.inGerman(WindowsAdapterGoneTest.note(revert, IPV6_OFF_NOW)));
        w.ipv6Unbound.remove(WIFI);
        assertEquals(before, w.everything(), "IPv6 on again, the adapter has its servers as before Port853");
        assertEquals(Outcome.UNCHANGED, run(w, HelperRequest.of(HelperRequest.Action.REVERT)).outcome());
    }

    private ApplyResult run(FakeWindows w, HelperRequest r) {
        WindowsHelper.Response resp = WindowsHelper.handle(HelperDocuments.write(r), w.system(state),
                WindowsPlannerTest.CATALOG);
        assertTrue(resp.resultJson() != null, () -> "no result: " + resp.error());
        return HelperDocuments.readResult(resp.resultJson());
    }
}
