package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;

class DropInRendererTest {
    static DesiredSettings strict(boolean all) {
        return new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net"),
                ServerAddress.parse("[2620:fe::fe]:8853#dns.quad9.net")), DotMode.STRICT, DnssecMode.ALLOW_DOWNGRADE,
                all, List.of(ServerAddress.parse("1.1.1.1#cloudflare-dns.com")));
    }

    @Test
    void exactBytes() {
        assertEquals(DropInRenderer.HEADER
                + "[Resolve]\n"
                + "DNS=\n"
                + "DNS=9.9.9.9#dns.quad9.net [2620:fe::fe]:8853#dns.quad9.net\n"
                + "FallbackDNS=\n"
                + "FallbackDNS=1.1.1.1#cloudflare-dns.com\n"
                + "DNSOverTLS=yes\n"
                + "DNSSEC=allow-downgrade\n"
                + "Domains=~.\n", DropInRenderer.render(strict(true)));
    }

    @Test
    void deterministic() {
        assertEquals(DropInRenderer.render(strict(false)), DropInRenderer.render(strict(false)));
        assertEquals(DropInRenderer.render(strict(false)), FleetExport.dropIn(strict(false)));
    }

    @Test
    void resetLineComesFirstAndParsesBackToOurValues() {
        String text = DropInRenderer.render(strict(false));
        String body = text.substring(text.indexOf("[Resolve]\n") + "[Resolve]\n".length());
        assertTrue(body.startsWith("DNS=\n"), body);
        ResolvedConf.Parsed p = ResolvedConf.parse(text);
        assertEquals(null, p.error());
        assertEquals("9.9.9.9#dns.quad9.net [2620:fe::fe]:8853#dns.quad9.net", p.keys().get("DNS"));
        assertEquals("yes", p.keys().get("DNSOverTLS"));
        assertTrue(!p.keys().containsKey("Domains"), "no ~. unless asked");
    }

    @Test
    @DisplayName("strict: IP:853#name is IP#name, written one way (applying one after the other changes nothing); "
            + "opportunistic keeps :853, where its plaintext fallback goes")
    void portOf853IsTheDefaultOnlyInStrictMode() {
        java.util.function.BiFunction<String, DotMode, String> render = (server, mode) -> DropInRenderer.render(
                new DesiredSettings(List.of(ServerAddress.parse(server)), mode, null, false,
                        List.of(ServerAddress.parse("[2001:db8::1]:853#dns.example"))));
        assertEquals(render.apply("192.0.2.1#dns.example", DotMode.STRICT),
                render.apply("192.0.2.1:853#dns.example", DotMode.STRICT));
        assertTrue(render.apply("192.0.2.1:853#dns.example", DotMode.STRICT).contains(
                "DNS=192.0.2.1#dns.example\nFallbackDNS=\nFallbackDNS=2001:db8::1#dns.example\n"));
        assertTrue(render.apply("192.0.2.1:8853#dns.example", DotMode.STRICT).contains("DNS=192.0.2.1:8853#dns.example\n"));
        assertTrue(render.apply("192.0.2.1:853#dns.example", DotMode.OPPORTUNISTIC).contains(
                "DNS=192.0.2.1:853#dns.example\n"));
    }

    @Test
    void opportunisticWithoutFallback() {
        String text = DropInRenderer.render(new DesiredSettings(List.of(ServerAddress.parse("192.0.2.1")),
                DotMode.OPPORTUNISTIC, DnssecMode.NO, false, List.of()));
        assertTrue(text.endsWith("[Resolve]\nDNS=\nDNS=192.0.2.1\nFallbackDNS=\nDNSOverTLS=opportunistic\nDNSSEC=no\n"), text);
    }

    @Test
    void withoutADnssecChoiceTheSystemsOwnSettingStays() {
        String text = DropInRenderer.render(new DesiredSettings(List.of(ServerAddress.parse("192.0.2.1")),
                DotMode.OPPORTUNISTIC, null, false, List.of()));
        assertTrue(!text.contains("DNSSEC"), "no DNSSEC line unless the user chose: " + text);
        assertTrue(!ResolvedConf.parse(text).keys().containsKey("DNSSEC"));
    }
}
