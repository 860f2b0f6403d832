package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DotMode;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * Adapters that change between apply and revert: a VPN adapter or USB NIC Port853 wrote servers for is gone (its
 * settings went with it), or came back under another interface index with the same GUID.
 */
class WindowsAdapterGoneTest {
    private static final String GONE = "adapter Wi-Fi is gone; nothing to restore there";

    @TempDir
    Path state;

    private WindowsHelper.Response handle(FakeWindows w, HelperRequest r) {
        return WindowsHelper.handle(HelperDocuments.write(r), w.system(state), WindowsPlannerTest.CATALOG);
    }

    private ApplyResult run(FakeWindows w, HelperRequest r) {
        WindowsHelper.Response resp = handle(w, r);
        assertTrue(resp.resultJson() != null, () -> "no result: " + resp.error());
        assertFalse(resp.resultJson().contains("win:"), () -> "a raw item key reaches the user: " + resp.resultJson());
        return HelperDocuments.readResult(resp.resultJson());
    }

    /** The Wi-Fi adapter is removed, and with it its interface settings. */
    private static void removeWifi(FakeWindows w) {
        FakeWindows.Adapter wifi = wifi(w);
        w.adapters.remove(wifi);
        String guid = wifi.guid().toLowerCase(Locale.ROOT);
        w.registry.remove(RegistryPaths.TCPIP_INTERFACES + guid);
        w.registry.remove(RegistryPaths.TCPIP6_INTERFACES + guid);
    }

    private static FakeWindows.Adapter wifi(FakeWindows w) {
        return w.adapters.stream().filter(a -> a.name().equals("Wi-Fi")).findFirst().orElseThrow();
    }

    /** The machine as it was before Port853, without the Wi-Fi adapter. */
    private static String beforeWithoutWifi() {
        FakeWindows w = FakeWindows.load("home-22631");
        removeWifi(w);
        return w.everything();
    }

    @Test
    @DisplayName("revert after the adapter Port853 wrote servers for is gone: restores the rest and says, by the adapter's "
            + "name, that nothing is left to restore there (it left the raw keys 'as it is because someone else changed it')")
    void revertAfterTheAdapterIsGone() {
        FakeWindows w = FakeWindows.load("home-22631");
        assertEquals(Outcome.APPLIED, run(w, HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false)).outcome());
        removeWifi(w);

        ApplyResult revert = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals(Outcome.REVERTED, revert.outcome(), revert.reason());
        assertTrue(revert.reason().startsWith("restored the previous settings; names resolve; " + GONE), revert.reason());
        assertTrue(revert.actions().contains(GONE), revert.actions().toString());
        assertEquals(1, revert.actions().stream().filter(GONE::equals).count(), "said once for both families");
        assertEquals(beforeWithoutWifi(), w.everything());
        assertEquals(Outcome.UNCHANGED, run(w, HelperRequest.of(HelperRequest.Action.REVERT)).outcome());
    }

    /** What a restore says of the Wi-Fi, unplugged, whose servers of {@code family} it wrote to its settings. */
    static String restoredForLater(String family) {
        return "adapter Wi-Fi is not connected now, so its " + family + " DNS servers were restored in its settings: "
                + "Windows uses them once it is back";
    }

    /** The Wi-Fi unplugged: not listed, while Windows keeps its interface settings; it comes back as {@code plugIn}. */
    private static Runnable unplugWifi(FakeWindows w) {
        FakeWindows.Adapter wifi = wifi(w);
        int at = w.adapters.indexOf(wifi);
        w.adapters.remove(wifi);
        return () -> w.adapters.add(at, wifi);
    }

    @Test
    @DisplayName("an adapter unplugged since the apply is restored in the settings Windows keeps for it, which it uses "
            + "when the adapter is back, and revert says so, in German too (it said the servers could not be put back and "
            + "left the user to set them by hand)")
    void anUnpluggedAdapterIsRestoredForWhenItIsBack() {
        FakeWindows w = FakeWindows.load("home-22631");
        String before = w.everything();
        assertEquals(Outcome.APPLIED, run(w, HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false)).outcome());
        Runnable plugIn = unplugWifi(w);

        ApplyResult revert = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals(Outcome.REVERTED, revert.outcome(), revert.reason());
        assertFalse(revert.reason().contains(GONE) || revert.actions().contains(GONE), revert.reason());
        for (String family : List.of("IPv4", "IPv6")) {
            assertTrue(revert.reason().contains("; " + restoredForLater(family)), revert.reason());
            assertTrue(revert.actions().contains(restoredForLater(family)), revert.actions().toString());
        }
        assertFalse(revert.reason().contains("set them to"), "nothing is left to do by hand: " + revert.reason());
        assertEquals("Adapter Wi-Fi ist gerade nicht verbunden, daher wurden seine IPv4-DNS-Server in seinen "
                + "Einstellungen wiederhergestellt: Windows verwendet sie, sobald er wieder da ist",
                inGerman(note(revert, restoredForLater("IPv4"))));
        plugIn.run();
        assertEquals(before, w.everything(), "back, the adapter has its servers as before Port853");
        assertEquals(Outcome.UNCHANGED, run(w, HelperRequest.of(HelperRequest.Action.REVERT)).outcome());
    }

    @Test
    @DisplayName("recover rolls an interrupted change back into the settings of an adapter unplugged since (it said their "
            + "servers could not be put back)")
    void rollbackIntoAnUnpluggedAdaptersSettings() {
        FakeWindows w = FakeWindows.load("home-22631");
        String before = w.everything();
        WindowsChangeTest.interruptedApply(w, state);
        Runnable plugIn = unplugWifi(w);
        w.resolves = false;

        ApplyResult r = run(w, HelperRequest.of(HelperRequest.Action.RECOVER));
        assertEquals(Outcome.ROLLED_BACK, r.outcome(), r.reason());
        assertTrue(r.reason().contains("; " + restoredForLater("IPv4")), r.reason());
        plugIn.run();
        assertEquals(before, w.everything());
    }

    /** The note of {@code r} that says {@code english}. */
    static org.port853.core.Sentence note(ApplyResult r, String english) {
        return r.notesBesideEncryptionStaysOn().stream().filter(n -> n.english().equals(english)).findFirst()
                .orElseThrow(() -> new AssertionError(r.reason()));
    }

    /** {@code note} as the window says it in German. */
    static String inGerman(org.port853.core.Sentence note) {
        org.port853.ui.common.I18n.use(Locale.GERMAN);
        try {
            return org.port853.ui.common.I18n.said("change.", note.words(), "", note.english());
        } finally {
            org.port853.ui.common.I18n.use(null);
        }
    }

    @Test
    @DisplayName("recover rolls an interrupted change back past an adapter that is gone (it failed: 'the network adapter "
            + "{guid} no longer exists')")
    void rollbackAfterTheAdapterIsGone() {
        FakeWindows w = FakeWindows.load("home-22631");
        WindowsChangeTest.interruptedApply(w, state);
        removeWifi(w);
        w.resolves = false;

        ApplyResult r = run(w, HelperRequest.of(HelperRequest.Action.RECOVER));
        assertEquals(Outcome.ROLLED_BACK, r.outcome(), r.reason());
        assertTrue(r.reason().endsWith("; " + GONE), r.reason());
        assertEquals(beforeWithoutWifi(), w.everything());
    }

    @Test
    @DisplayName("recover keeps a working interrupted change whose adapter is gone since: that is no unfinished write")
    void recoverKeepsAChangeWhoseAdapterIsGone() {
        FakeWindows w = FakeWindows.load("home-22631");
        WindowsChangeTest.interruptedApply(w, state);
        removeWifi(w);
        assertEquals(Outcome.KEPT, run(w, HelperRequest.of(HelperRequest.Action.RECOVER)).outcome());
    }

    @Test
    @DisplayName("the window says the gone adapter in German too, by its name")
    void saidInGerman() {
        FakeWindows w = FakeWindows.load("home-22631");
        run(w, HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false));
        removeWifi(w);
        ApplyResult revert = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals("Adapter Wi-Fi gibt es nicht mehr; dort ist nichts wiederherzustellen",
                inGerman(revert.notesBesideEncryptionStaysOn().get(0)));
    }

    @Test
    @DisplayName("an adapter back under another interface index, with the same GUID, is restored by its GUID")
    void adapterBackUnderAnotherIndex() {
        FakeWindows w = FakeWindows.load("home-22631");
        run(w, HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false));
        FakeWindows.Adapter wifi = wifi(w);
        FakeWindows.Adapter back = new FakeWindows.Adapter(wifi.name(), 31, wifi.guid(), wifi.status(),
                wifi.description());
        w.adapters.set(w.adapters.indexOf(wifi), back);
        FakeWindows expected = FakeWindows.load("home-22631");
        expected.adapters.set(expected.adapters.indexOf(wifi(expected)), back);

        ApplyResult revert = run(w, HelperRequest.of(HelperRequest.Action.REVERT));
        assertEquals(Outcome.REVERTED, revert.outcome(), revert.reason());
        assertTrue(w.log.contains(Command.of("netsh", "interface", "ipv4", "set", "dnsservers", "name=31",
                "source=dhcp")), w.writes().toString());
        assertEquals(expected.everything(), w.everything());
    }
}
