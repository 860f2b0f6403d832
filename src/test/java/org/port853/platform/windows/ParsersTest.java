package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsersTest {
    @Test
    void byteOrderMarkFromWindowsPowerShellIsDropped() throws IOException {
        CommandRunner.Output o = new SystemCommandRunner(java.time.Duration.ofSeconds(10))
                .run(Command.of("printf", "\\357\\273\\277[{\"InterfaceIndex\":12,\"DestinationPrefix\":\"::/0\"}]"));
        assertEquals(List.of(new CmdletJson.Route(12, "::/0", "")), CmdletJson.routes(o.stdout()));
        assertEquals("x", CommandRunner.withoutBom("\uFEFFx"));
        assertEquals("", CommandRunner.withoutBom(""));
    }

    @Test
    void routesNeedIndexAndPrefix() {
        IOException e = assertThrows(IOException.class, () -> CmdletJson.routes("[{\"DestinationPrefix\":\"0.0.0.0/0\"}]"));
        assertEquals("the cmdlet output has no numeric InterfaceIndex", e.getMessage());
        assertEquals(List.of(), assertDoesNotThrowRoutes(""), "no default route at all prints nothing");
    }

    private static List<CmdletJson.Route> assertDoesNotThrowRoutes(String json) {
        try {
            return CmdletJson.routes(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
    @Test
    void cmdletSingleObjectAndNullArrays() throws IOException {
        List<CmdletJson.ServerRow> rows = CmdletJson.serverRows(
                "{\"InterfaceAlias\":\"Wi-Fi\",\"InterfaceIndex\":3,\"AddressFamily\":23,\"ServerAddresses\":null}");
        assertEquals(List.of(new CmdletJson.ServerRow("Wi-Fi", 3, true, List.of())), rows);
        assertEquals(List.of(), CmdletJson.dohEntries(""));
        assertEquals(List.of(), CmdletJson.nrptRules("[]"));
    }

    @Test
    void cmdletRejectsWrongShapes() {
        assertThrows(IOException.class, () -> CmdletJson.serverRows("not json"));
        assertThrows(IOException.class, () -> CmdletJson.serverRows("[{\"InterfaceAlias\":\"x\",\"InterfaceIndex\":1,"
                + "\"AddressFamily\":99}]"));
        assertThrows(IOException.class, () -> CmdletJson.dohEntries("[{\"ServerAddress\":\"1.1.1.1\","
                + "\"AutoUpgrade\":\"yes\",\"AllowFallbackToUdp\":false}]"));
        assertThrows(IOException.class, () -> CmdletJson.adapters("[1,2]"));
    }

    @Test
    void netshWithoutDotLine() {
        assertEquals(new NetshText.GlobalDot(false, YesNo.NO), NetshText.global("DoH : yes\n"));
        assertEquals(new NetshText.GlobalDot(true, YesNo.YES), NetshText.global("DoT                 : ja\n"));
        assertEquals(new NetshText.GlobalDot(true, YesNo.YES), NetshText.global("DoT                 : はい\n"));
    }

    @Test
    void netshEncryptionJapaneseAndNoHostName() throws IOException {
        String ja = "\n9.9.9.9 の暗号化設定\n------\nDNS-over-TLS ホスト            : :853\n自動アップグレード            : はい\n"
                + "UDP フォールバック             : いいえ\n";
        List<EncryptionEntry> e = NetshText.dotEntries(ja);
        assertEquals(List.of(new EncryptionEntry("9.9.9.9", EncryptionEntry.Protocol.DOT, null, ":853", true, false)), e);
    }

    /**
     * A language whose yes/no words Port853 does not list (a made-up "jaa"/"neen", written as the German fixture's
     * layout, not recorded): "neen" was once skipped and "jaa" took its place, so auto-upgrade off with UDP fallback on
     * read as strict. Each is kept in its own place as a word Port853 does not know, never skipped and never an error
     * (reading must not keep Port853 from taking back its own change); what must know the value says it is unknown.
     */
    @Test
    void netshYesOrNoWordsNotKnownAreKeptInTheirPlace() throws IOException {
        String made = "\nVersleutelingsinstellingen voor 9.9.9.9\n------\nDNS-over-TLS-host            : dns.quad9.net:853\n"
                + "Automatische upgrade         : neen\nUDP-terugval                 : jaa\n";
        EncryptionEntry e = NetshText.dotEntries(made).get(0);
        assertEquals(new EncryptionEntry("9.9.9.9", EncryptionEntry.Protocol.DOT, null, "dns.quad9.net:853",
                YesNo.unrecognised("neen"), YesNo.unrecognised("jaa")), e);
        assertFalse(e.strict());
        assertEquals(new NetshText.GlobalDot(true, YesNo.unrecognised("neen")), NetshText.global("DoT                 : neen\n"));
    }

    /**
     * The languages Windows 11 ships say yes and no in their own words (these outputs are constructed in the German
     * fixture's layout, not recorded): Dutch "nee", Italian "sì" (here with the accent as a combining mark, as the
     * composed form must match too) and Thai, whose words have combining marks (ใช่, ไม่) that a letters-only pattern
     * did not take for a word at all.
     */
    @Test
    void netshYesAndNoOfTheLanguagesWindowsShips() throws IOException {
        assertEquals(List.of(dot("9.9.9.9", "dns.quad9.net:853", false, true)), NetshText.dotEntries(
                "\nVersleutelingsinstellingen voor 9.9.9.9\n------\nDNS-over-TLS-host            : dns.quad9.net:853\n"
                        + "Automatische upgrade         : nee\nUDP-terugval                 : ja\n"));
        assertEquals(List.of(dot("9.9.9.9", "dns.quad9.net:853", true, false)), NetshText.dotEntries(
                "\nImpostazioni di crittografia per 9.9.9.9\n------\nHost DNS-over-TLS            : dns.quad9.net:853\n"
                        + "Aggiornamento automatico     : si\u0300\nFallback UDP                 : no\n"));
        assertEquals(List.of(dot("9.9.9.9", "dns.quad9.net:853", true, false)), NetshText.dotEntries(
                "\nการตั้งค่าการเข้ารหัสสำหรับ 9.9.9.9\n------\nโฮสต์ DNS-over-TLS            : dns.quad9.net:853\n"
                        + "อัปเกรดอัตโนมัติ              : ใช่\nUDP fallback                 : ไม่\n"));
        for (String[] yesNo : new String[][] {{"nej", "false"}, {"nei", "false"}, {"ano", "true"}, {"evet", "true"},
                {"hayır", "false"}, {"kyllä", "true"}, {"ei", "false"}, {"tak", "true"}, {"não", "false"}, {"हाँ", "true"},
                {"नहीं", "false"}}) {
            assertEquals(new NetshText.GlobalDot(true, YesNo.of(yesNo[1].equals("true"))), NetshText.global("DoT : " + yesNo[0] + "\n"),
                    yesNo[0]);
        }
    }

    private static EncryptionEntry dot(String server, String host, boolean autoUpgrade, boolean udpFallback) {
        return new EncryptionEntry(server, EncryptionEntry.Protocol.DOT, null, host, autoUpgrade, udpFallback);
    }

    @Test
    void netshEncryptionDohOnlyBlocksAreNotDot() throws IOException {
        String text = "Encryption settings for 1.1.1.1\n----\nDNS-over-HTTPS template     : https://cloudflare-dns.com/"
                + "dns-query\nAuto-upgrade                : no\nUDP-fallback                : no\n";
        assertTrue(NetshText.dotEntries(text).isEmpty());
        assertFalse(NetshText.yes("maybe"));
    }
}
