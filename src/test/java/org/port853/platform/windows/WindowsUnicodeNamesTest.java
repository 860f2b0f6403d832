package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessor;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.StateSource;

/**
 * A DNS encryption entry someone else wrote with its host name in Unicode, on the recorded Windows 11 machine
 * (home-22631): Windows encrypts over DoH (the template's host) or DoT (dothost), not through systemd-resolved, and
 * Microsoft documents no conversion of such a name, so the reason says that, not systemd's build, and its fix names the
 * encryption entry.
 */
@DisplayName("a TLS name in Unicode on Windows is said in Windows' terms")
class WindowsUnicodeNamesTest {
    private static final String WIFI = "{4f0d8c3e-2b6a-4c1e-9a57-1d2e3f4a5b6c}";

    /** The Wi-Fi of the recorded machine on {@code server}, whose DoH entry (auto-upgrade, no fallback) has {@code template}. */
    private static ResolverState wifiOn(String server, String template) throws IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        w.offered.put(WIFI + ":ipv4", List.of(server));
        w.offered.put(WIFI + ":ipv6", List.of());
        w.doh.put(server, new FakeWindows.Doh(template, true, false));
        return WindowsStates.of(WindowsStateReaderTest.read(w), null, StateSource.WINDOWS);
    }

    private static Reason reason(ResolverState s, String code) {
        return Assessor.assess(s, new WindowsRules().assess(s)).reasons().stream().filter(r -> r.code().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " missing"));
    }

    @Test
    @DisplayName("a DoH template whose host is in Unicode keeps its name (Java's URI has no host for it)")
    void aDohTemplateInUnicodeKeepsItsName() throws IOException {
        ResolverState s = wifiOn("198.18.0.2", "https://b\u00fccher.example/dns-query");
        org.port853.core.ServerAddress server = s.links().get(0).servers().get(0);
        assertEquals("xn--bcher-kva.example", server.tlsName());
        assertEquals("b\\xfccher.example", server.unicodeName());
    }

    @Test
    @DisplayName("TLS_NAME_UNICODE says what Microsoft does not document, with no word of systemd, OpenSSL or GnuTLS, and "
            + "its fix names the encryption entry, in both languages")
    void saidInWindowsTerms() throws IOException {
        ResolverState s = wifiOn("198.18.0.2", "https://b\u00fccher.example/dns-query");
        Reason r = reason(s, "TLS_NAME_UNICODE");
        assertEquals("3", r.details().get(2));
        assertEquals("Server 198.18.0.2#b\\xfccher.example has its TLS name written in Unicode (shown escaped): "
                + "Microsoft does not document whether the Windows DNS client checks the server's certificate against "
                + "its ASCII (xn--) form, which certificates list, or against the name as written, which no certificate "
                + "matches: encryption to it may fail.", r.message());
        assertEquals("Write the name in its ASCII form in the encryption entry of the server "
                + "(Set-DnsClientDohServerAddress for its DoH template, netsh dnsclient set encryption for DNS-over-TLS): "
                + "198.18.0.2#xn--bcher-kva.example.", r.fix());
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            org.port853.ui.status.ReasonTexts.Text t = org.port853.ui.common.I18n.in(language,
                    () -> org.port853.ui.status.ReasonTexts.of(r, s));
            String said = t.message() + " " + t.fix();
            for (String systemd : List.of("systemd", "OpenSSL", "GnuTLS", "resolved.conf", "Debian")) {
                assertFalse(said.contains(systemd), language + ": " + said);
            }
            assertTrue(said.contains(language == Locale.GERMAN ? "Verschlüsselungseintrag des Servers"
                    : "encryption entry of the server"), said);
            assertTrue(said.contains("Set-DnsClientDohServerAddress"), said);
        }
    }

    @Test
    @DisplayName("a look-alike DoH host in Unicode is named as a look-alike, and its fix asks first whether it is meant")
    void aLookAlikeDohHost() throws IOException {
        ResolverState s = wifiOn("198.18.0.2", "https://dns.qu\u0430d9.net/dns-query");
        assertTrue(reason(s, "LOOKALIKE_TLS_NAME").details().get(0).contains("198.18.0.2#dns.xn--qud9-63d.net"));
        Reason r = reason(s, "TLS_NAME_UNICODE");
        assertTrue(r.fix().startsWith("First check that the name of 198.18.0.2#dns.xn--qud9-63d.net is the one you mean")
                && r.fix().contains("If it is not, remove the server from the DNS servers of its network adapter, or choose"), r.fix());
    }
}
