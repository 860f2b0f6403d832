package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.platform.ApplyResult;
import org.port853.platform.OutsideEncryption;
import org.port853.platform.demo.DemoResolverAdapter;

@DisplayName("Encryption set outside Port853: where it is set, and a revert that says it stays on")
class OutsideEncryptionTest {
    @TempDir
    Path root;

    private static final String DIR = "/etc/systemd/resolved.conf.d/";
    private static final ResolvConfState STUB = new ResolvConfState(ResolvConfState.Kind.STUB,
            "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53"));

    private List<org.port853.core.DropIn> scan(String... nameAndText) throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.dropInDirs().get(0));
        for (int i = 0; i < nameAndText.length; i += 2) {
            Files.writeString(paths.dropInDirs().get(0).resolve(nameAndText[i]), nameAndText[i + 1]);
        }
        return DropInScanner.scan(paths, 252);
    }

    private static ResolverState state(DotMode mode, LinuxDetails d) {
        ServerAddress s = ServerAddress.parse("198.18.201.2#dot.test");
        GlobalState g = new GlobalState(List.of(s), List.of(), s, mode, DnssecMode.NO, true, List.of(), "yes", "stub");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null, d);
    }

    @Test
    @DisplayName("the file that wins names the place: another drop-in, the main resolved.conf, or none when it is ours")
    void whereEncryptionIsSet() throws IOException {
        assertEquals("/etc/systemd/resolved.conf", new LinuxDetails(252, STUB, scan()).encryptionSetOutside(),
                "no drop-in sets DNSOverTLS: the main file does");
        String admin = root.resolve("etc/systemd/resolved.conf.d/50-admin.conf").toString();
        assertEquals(admin, new LinuxDetails(252, STUB, scan("50-admin.conf", "[Resolve]\nDNSOverTLS=opportunistic\n",
                "10-other.conf", "[Resolve]\nDNSOverTLS=no\n", "60-cache.conf", "[Resolve]\nCache=no\n")).encryptionSetOutside());
        assertNull(new LinuxDetails(252, STUB, scan(LinuxPaths.DROP_IN_NAME, DropInRenderer.HEADER
                + "[Resolve]\nDNSOverTLS=yes\n")).encryptionSetOutside(), "Port853's drop-in sorts last and sets it: "
                + "not outside");
        String fleet = root.resolve("etc/systemd/resolved.conf.d/" + LinuxPaths.DROP_IN_NAME).toString();
        assertEquals(fleet, new LinuxDetails(252, STUB, scan(LinuxPaths.DROP_IN_NAME, "# Exported by Port853 (port853 "
                + "export) for machines without it.\n[Resolve]\nDNSOverTLS=yes\n")).encryptionSetOutside(),
                "the same path written by a playbook is not Port853's: revert leaves it, and says it keeps DoT on");
        assertNull(new LinuxDetails(0, null, List.of()).encryptionSetOutside(), "unknown when nothing was read");
    }

    @Test
    @DisplayName("a revert result says that DoT stays on and where it is set; with encryption off it is left as it is")
    void revertNote() throws IOException {
        ApplyResult unchanged = ApplyResult.of(ApplyResult.Outcome.UNCHANGED, "nothing to revert: Port853's changes are not in place");
        LinuxDetails outside = new LinuxDetails(252, STUB, scan());
        ApplyResult said = OutsideEncryption.afterRevert(unchanged, state(DotMode.OPPORTUNISTIC, outside));
        assertEquals(ApplyResult.Outcome.UNCHANGED, said.outcome());
        assertTrue(said.reason().startsWith("nothing to revert") && said.reason().contains("(opportunistic) stays on")
                && said.reason().contains("/etc/systemd/resolved.conf"), said.reason());
        assertEquals(new ApplyResult.EncryptionStaysOn("opportunistic", "/etc/systemd/resolved.conf"),
                said.encryptionStaysOn(), "the fact itself, for the window and --json");
        assertNull(unchanged.encryptionStaysOn());
        assertSame(unchanged, OutsideEncryption.afterRevert(unchanged, state(DotMode.OFF, outside)));
    }

    @Test
    @DisplayName("a file at Port853's path is called an exported copy only with the mark of 'port853 export'; one written "
            + "by hand there is said to be so, on the command line, in --json and in the window, in English and German")
    void onlyAMarkedFileAtOurPathIsAnExportedCopy() throws IOException {
        String path = root.resolve("etc/systemd/resolved.conf.d/" + LinuxPaths.DROP_IN_NAME).toString();
        ApplyResult unchanged = ApplyResult.of(ApplyResult.Outcome.UNCHANGED, "");
        String exported = FleetExport.fleetDropIn(new DesiredSettings(List.of(ServerAddress.parse("192.0.2.1#dns.example")),
                DotMode.STRICT, null, true, List.of()), false);
        LinuxDetails exportedCopy = new LinuxDetails(252, STUB, scan(LinuxPaths.DROP_IN_NAME, exported));
        ApplyResult fromExport = OutsideEncryption.afterRevert(unchanged, state(DotMode.STRICT, exportedCopy));
        assertTrue(fromExport.reason().contains("a copy of Port853's settings deployed from 'port853 export'"),
                fromExport.reason());
        assertEquals(new ApplyResult.EncryptionStaysOn("yes", path, ApplyResult.EncryptionStaysOn.SetBy.EXPORTED_COPY),
                fromExport.encryptionStaysOn());

        LinuxDetails handWritten = new LinuxDetails(252, STUB, scan(LinuxPaths.DROP_IN_NAME,
                "# my own\n[Resolve]\nDNSOverTLS=yes\n"));
        ApplyResult byHand = OutsideEncryption.afterRevert(unchanged, state(DotMode.STRICT, handWritten));
        assertEquals(List.of(true, false), java.util.stream.Stream.of(exportedCopy, handWritten)
                .map(d -> ((List<?>) d.jsonFields().get("dropIns")).get(0)).map(m -> ((Map<?, ?>) m).get("exported"))
                .toList(), "status --json tells the exported copy from a file written by hand");
        assertEquals("DNS-over-TLS (yes) stays on: it is set in " + path + ", which has the name of Port853's settings "
                + "file but is not as Port853 wrote it (written by hand or by another tool, or edited since), and revert "
                + "removes only what Port853 wrote; to turn it off, change DNSOverTLS= there or remove that file",
                byHand.reason(), "the command line and --json's reason");
        assertEquals(new ApplyResult.EncryptionStaysOn("yes", path, ApplyResult.EncryptionStaysOn.SetBy.FILE_AT_OUR_PATH),
                byHand.encryptionStaysOn());
        var document = org.port853.helper.HelperDocuments.resultNode(byHand);
        assertEquals("FILE_AT_OUR_PATH", document.path("encryptionStaysOn").path("setBy").asText(), document.toString());
        assertEquals(byHand.encryptionStaysOn(), org.port853.helper.HelperDocuments.readResult(document.toString())
                .encryptionStaysOn(), "from the helper to the window");

        ApplyResult reverted = OutsideEncryption.afterRevert(ApplyResult.of(ApplyResult.Outcome.REVERTED, ""),
                state(DotMode.STRICT, new LinuxDetails(252, STUB, scan(LinuxPaths.DROP_IN_NAME,
                        "# my own\n[Resolve]\nDNSOverTLS=yes\n"))));
        String english = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> org.port853.ui.apply.ApplyViewModel.resultText(reverted));
        assertTrue(english.endsWith("Encryption stays on (yes): " + path + " turns it on. It has the name of Port853's "
                + "settings file but is not as Port853 wrote it (written by hand or by another tool, or edited since), so "
                + "Port853 leaves it. To turn it off, change DNSOverTLS= in that file or remove it."), english);
        String german = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN,
                () -> org.port853.ui.apply.ApplyViewModel.resultText(reverted));
        assertTrue(german.contains("Die Datei trägt den Namen der Einstellungsdatei von Port853, ist aber nicht so, wie "
                + "Port853 sie geschrieben hat"), german);
        for (String said : List.of(byHand.reason(), english, german)) {
            assertFalse(said.contains("port853 export") || said.contains("outside Port853")
                    || said.contains("außerhalb von Port853"), said);
        }
        String exportedWindow = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> org.port853.ui.apply.ApplyViewModel.resultText(fromExport.with(ApplyResult.Outcome.REVERTED,
                        new org.port853.core.Sentence("", null))));
        assertTrue(exportedWindow.contains(path + " turns it on, a copy of Port853's settings deployed from 'port853 "
                + "export'"), exportedWindow);
    }

    @Test
    @DisplayName("a revert after which names do not resolve stays that (exit 3) when the note on encryption is added")
    void unhealthyRevertKeepsItsMeaningWithTheNote() throws IOException {
        ApplyResult unhealthy = ApplyResult.of(ApplyResult.Outcome.REVERTED, "x").with(ApplyResult.Outcome.REVERTED,
                org.port853.core.Sentence.of("restored the previous settings, but names do not resolve with them: "
                        + "timeout", "result.reverted-unhealthy", 0, "", "timeout", 0)); // as ChangeEngine says it
        assertTrue(unhealthy.revertedUnhealthy());
        ApplyResult said = OutsideEncryption.afterRevert(unhealthy, state(DotMode.OPPORTUNISTIC,
                new LinuxDetails(252, STUB, scan())));
        assertTrue(said.reason().contains("stays on"), said.reason());
        assertTrue(said.revertedUnhealthy(), "the note hid that names do not resolve: " + said.reason());
        String window = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH,
                () -> org.port853.ui.apply.ApplyViewModel.resultText(said));
        assertEquals(1, window.split("stays on", -1).length - 1, "the window says the note once: " + window);
        assertTrue(window.contains("names do not resolve"), window);
        assertFalse(ApplyResult.of(ApplyResult.Outcome.REVERTED, "restored").revertedUnhealthy());
    }

    @Test
    @DisplayName("demo: revert without Port853's drop-in changes nothing and says why encryption stays on")
    void demoRevertDoesNotPretend() {
        DemoResolverAdapter demo = new DemoResolverAdapter(Duration.ZERO, false);
        ApplyResult r = demo.revert();
        assertEquals(ApplyResult.Outcome.UNCHANGED, r.outcome());
        assertTrue(r.reason().contains("stays on") && r.reason().contains("/etc/systemd/resolved.conf"), r.reason());
        assertTrue(demo.plan(new DesiredSettings(List.of(), DotMode.OFF, DnssecMode.NO, false, List.of()), demo.readState())
                .actions().isEmpty(), "a plan that changes nothing lists no restart");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("what keeps DNS-over-TLS on after a revert: the last file besides Port853's that "
            + "turns it on, the main resolved.conf before the drop-ins; nothing when the last one says no")
    void whatKeepsEncryptionOnAfterARevert() {
        org.port853.core.DropIn ours = new org.port853.core.DropIn(LinuxPaths.DROP_IN_NAME, true, false,
                Map.of("DNSOverTLS", "yes"), null);
        org.port853.core.DropIn admin = new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/50-admin.conf",
                false, false, Map.of("DNSOverTLS", "yes"), null);
        org.port853.core.DropIn off = new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/60-off.conf",
                false, false, Map.of("DNSOverTLS", "no"), null);
        assertEquals(new org.port853.core.SettingElsewhere("/etc/systemd/resolved.conf", "opportunistic"),
                new LinuxDetails(252, STUB, List.of(ours), null, true, "opportunistic").encryptionAfterRevert());
        assertEquals(new org.port853.core.SettingElsewhere(admin.path(), "yes"),
                new LinuxDetails(252, STUB, List.of(admin, ours), null, true, "opportunistic").encryptionAfterRevert());
        assertNull(new LinuxDetails(252, STUB, List.of(admin, off, ours), null, true, "opportunistic")
                .encryptionAfterRevert(), "the last file says no");
        assertNull(new LinuxDetails(252, STUB, List.of(ours), null, true, null).encryptionAfterRevert(),
                "only Port853's settings turn it on");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a drop-in past where systemd-resolved stops reading (a line that is not UTF-8 "
            + "before it) keeps nothing on after a revert: resolved never reads its DNSOverTLS=")
    void aFilePastWhereResolvedStopsKeepsNothingOn() {
        org.port853.core.DropIn ours = new org.port853.core.DropIn(DIR + LinuxPaths.DROP_IN_NAME, true, false,
                Map.of("DNSOverTLS", "yes"), null);
        org.port853.core.DropIn broken = new org.port853.core.DropIn(DIR + "zzz-1bad.conf", false, false, Map.of(),
                "line 2 is not valid UTF-8", false, null, java.util.Set.of(), false, org.port853.core.DropIn.Stop.HERE);
        org.port853.core.DropIn unread = new org.port853.core.DropIn(DIR + "zzz-2late.conf", false, true,
                Map.of("DNSOverTLS", "yes"), null);
        LinuxDetails d = new LinuxDetails(252, STUB, List.of(ours, broken, unread), null, true, null);
        assertNull(d.encryptionAfterRevert(), "zzz-2late.conf is never read");
        assertNull(d.encryptionSetOutside(), "Port853's drop-in is the last file read that sets it");
        org.port853.core.DropIn dnssec = new org.port853.core.DropIn(DIR + LinuxPaths.DROP_IN_NAME, true, false,
                Map.of("DNSSEC", "allow-downgrade"), null);
        org.port853.core.DropIn unreadDnssec = new org.port853.core.DropIn(DIR + "zzz-2late.conf", false, true,
                Map.of("DNSSEC", "yes"), null);
        assertEquals(org.port853.core.DnssecMode.ALLOW_DOWNGRADE, new LinuxDetails(252, STUB,
                List.of(dnssec, broken, unreadDnssec)).ownDnssec(), "no file resolved reads overrides Port853's DNSSEC=");
    }
}
