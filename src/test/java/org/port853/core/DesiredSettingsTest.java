package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DesiredSettingsTest {
    private static final ServerAddress QUAD9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
    private static final ServerAddress PLAIN = ServerAddress.parse("192.0.2.53");

    @Nested
    @DisplayName("DesiredSettings validation")
    class Validation {
        @Test
        @DisplayName("a server the system has with its name in Unicode is held as Port853 writes it, in ASCII form")
        void aNameInUnicodeIsHeldInItsAsciiForm() {
            ServerAddress unicode = ServerAddress.parseReported("198.18.0.2#b\u00fccher.example");
            ServerAddress ascii = ServerAddress.parse("198.18.0.2#xn--bcher-kva.example");
            DesiredSettings d = new DesiredSettings(List.of(unicode), DotMode.STRICT, DnssecMode.NO, false, List.of(unicode));
            assertEquals(List.of(ascii), d.servers());
            assertEquals(List.of(ascii), d.fallback());
        }

        @Test
        void strictNeedsNames() {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(List.of(PLAIN), DotMode.STRICT, DnssecMode.NO, false, List.of()));
            assertTrue(e.getMessage().contains("192.0.2.53"), e.getMessage());
            new DesiredSettings(List.of(PLAIN), DotMode.OPPORTUNISTIC, DnssecMode.NO, false, List.of());
        }

        @Test
        @DisplayName("the strict-mode refusal's example keeps the port, IPv6 in brackets as the parser takes it")
        void strictNeedsNamesExampleKeepsThePort() {
            InvalidInputException v4 = assertThrows(InvalidInputException.class, () -> new DesiredSettings(
                    List.of(ServerAddress.parse("1.2.3.4:853")), DotMode.STRICT, DnssecMode.NO, false, List.of()));
            assertTrue(v4.getMessage().startsWith("strict mode needs a TLS name for 1.2.3.4:853 (write it as "
                    + "1.2.3.4:853#dns.example)"), v4.getMessage());
            InvalidInputException v6 = assertThrows(InvalidInputException.class, () -> new DesiredSettings(
                    List.of(ServerAddress.parse("[2001:db8::1]:8853")), DotMode.STRICT, DnssecMode.NO, false, List.of()));
            assertTrue(v6.getMessage().contains("(write it as [2001:db8::1]:8853#dns.example)"), v6.getMessage());
            assertEquals("[2001:db8::1]:8853#dns.example",
                    ServerAddress.parse("[2001:db8::1]:8853#dns.example").toString(), "the example parses");
        }

        @Test
        @DisplayName("a fallback server listed twice is refused, as a server listed twice is")
        void duplicateFallbacksAreRefused() {
            ServerAddress fb = ServerAddress.parse("1.2.3.4#x.example");
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(List.of(QUAD9), DotMode.STRICT, DnssecMode.NO, false, List.of(fb, fb)));
            assertEquals("fallback server 1.2.3.4#x.example is listed twice", e.getMessage());
            ServerAddress at853 = ServerAddress.parse("1.2.3.4:853#x.example");
            InvalidInputException spelled = assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(List.of(QUAD9), DotMode.STRICT, DnssecMode.NO, false, List.of(fb, at853)));
            assertEquals("fallback server 1.2.3.4#x.example is listed twice", spelled.getMessage(),
                    "strict mode: IP#name and IP:853#name are one server, for fallbacks as for servers, named as Port853 writes it");
            InvalidInputException first853 = assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(List.of(QUAD9), DotMode.STRICT, DnssecMode.NO, false, List.of(at853, fb)));
            assertEquals("fallback server 1.2.3.4#x.example is listed twice", first853.getMessage(),
                    "the same form whichever spelling came first");
        }

        @Test
        void strictFallbackNeedsNames() {
            assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(List.of(QUAD9), DotMode.STRICT, DnssecMode.NO, false, List.of(PLAIN)));
            DesiredSettings ok = new DesiredSettings(List.of(QUAD9), DotMode.STRICT, DnssecMode.NO, false,
                    List.of(ServerAddress.parse("1.1.1.1#cloudflare-dns.com")));
            assertEquals(1, ok.fallback().size());
            // opportunistic tolerates a plain fallback
            new DesiredSettings(List.of(QUAD9), DotMode.OPPORTUNISTIC, DnssecMode.NO, false, List.of(PLAIN));
        }

        @Test
        void dotNeedsAServerOffDoesNot() {
            assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(List.of(), DotMode.STRICT, DnssecMode.NO, false, List.of()));
            assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(null, DotMode.OPPORTUNISTIC, DnssecMode.NO, false, null));
            DesiredSettings off = new DesiredSettings(null, DotMode.OFF, null, false, null);
            assertTrue(off.isOff());
            assertNull(off.dnssec(), "no DNSSEC choice: keep what the system has");
            assertFalse(new DesiredSettings(List.of(PLAIN), DotMode.OFF, null, false, null).isOff());
        }

        @Test
        void modeIsRequired() {
            assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(List.of(QUAD9), null, DnssecMode.NO, false, List.of()));
        }

        @Test
        void atMostSixteenServers() {
            List<ServerAddress> many = new ArrayList<>();
            for (int i = 1; i <= 17; i++) {
                many.add(ServerAddress.parse("192.0.2." + i + "#dns.example"));
            }
            assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(many, DotMode.STRICT, DnssecMode.NO, false, List.of()));
            assertEquals(16, new DesiredSettings(many.subList(0, 16), DotMode.STRICT, DnssecMode.NO, false, List.of())
                    .servers().size());
            assertThrows(InvalidInputException.class,
                    () -> new DesiredSettings(List.of(QUAD9), DotMode.STRICT, DnssecMode.NO, false, many));
        }

        @Test
        void duplicatesAreRefused() {
            assertThrows(InvalidInputException.class, () -> new DesiredSettings(
                    List.of(QUAD9, ServerAddress.parse("9.9.9.9#DNS.quad9.net.")), DotMode.STRICT, DnssecMode.NO, false,
                    List.of()));
            // same address, different port is a different server (no port is 853 in strict mode: see below)
            new DesiredSettings(List.of(QUAD9, ServerAddress.parse("9.9.9.9:8853#dns.quad9.net")), DotMode.STRICT,
                    DnssecMode.NO, false, List.of());
        }

        @Test
        void listsAreCopied() {
            List<ServerAddress> list = new ArrayList<>(List.of(QUAD9));
            DesiredSettings s = new DesiredSettings(list, DotMode.STRICT, DnssecMode.NO, true, List.of());
            list.add(PLAIN);
            assertEquals(1, s.servers().size());
            assertThrows(UnsupportedOperationException.class, () -> s.servers().add(PLAIN));
        }
    }

    @Nested
    class Modes {
        @ParameterizedTest
        @CsvSource({"strict,STRICT", "yes,STRICT", "TRUE,STRICT", " Opportunistic ,OPPORTUNISTIC", "off,OFF", "no,OFF",
                "false,OFF"})
        void dotModeParses(String text, DotMode expected) {
            assertEquals(expected, DotMode.parse(text));
        }

        @Test
        void dotModeResolvedSpelling() {
            assertEquals("yes", DotMode.STRICT.resolvedValue());
            assertEquals("opportunistic", DotMode.OPPORTUNISTIC.resolvedValue());
            assertEquals("no", DotMode.OFF.resolvedValue());
            assertEquals(null, DotMode.parseOrNull(""));
            assertEquals(null, DotMode.parseOrNull(null));
            assertEquals(DotMode.STRICT, DotMode.parseOrNull("yes"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "maybe", "strict mode", "1"})
        void dotModeRefuses(String text) {
            assertThrows(IllegalArgumentException.class, () -> DotMode.parse(text));
        }

        @ParameterizedTest
        @CsvSource({"yes,YES", "allow-downgrade,ALLOW_DOWNGRADE", "ALLOW_DOWNGRADE,ALLOW_DOWNGRADE", "no,NO", "true,YES",
                "false,NO"})
        void dnssecParses(String text, DnssecMode expected) {
            assertEquals(expected, DnssecMode.parse(text));
            assertEquals(expected, DnssecMode.parse(expected.resolvedValue()));
        }

        @Test
        void dnssecRefusesAndUnset() {
            assertThrows(IllegalArgumentException.class, () -> DnssecMode.parse("sometimes"));
            assertEquals(null, DnssecMode.parseOrNull(" "));
        }
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("in strict mode a server without a port and the same with :853 are one server, "
            + "listed twice; in opportunistic mode they differ (the plaintext fallback goes to 53 or to 853)")
    void strictDefaultPortIsTheSameServer() {
        java.util.List<ServerAddress> both = java.util.List.of(ServerAddress.parse("198.51.100.1#dot.test"),
                ServerAddress.parse("198.51.100.1:853#dot.test"));
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new DesiredSettings(both, DotMode.STRICT, null, false, java.util.List.of()));
        org.junit.jupiter.api.Assertions.assertEquals("server 198.51.100.1#dot.test is listed twice", e.getMessage());
        org.junit.jupiter.api.Assertions.assertEquals(2,
                new DesiredSettings(both, DotMode.OPPORTUNISTIC, null, false, java.util.List.of()).servers().size());
    }

    @org.junit.jupiter.api.Test
    void aServerListedTwiceIsNamed() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new DesiredSettings(java.util.List.of(ServerAddress.parse("198.51.100.1#dot.test"),
                        ServerAddress.parse("198.51.100.1#dot.test")), DotMode.STRICT, null, false, java.util.List.of()));
        org.junit.jupiter.api.Assertions.assertEquals("server 198.51.100.1#dot.test is listed twice", e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"127.0.0.53#dot.test", "127.0.0.54"})
    void resolvedsOwnStubIsRefused(String server) {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new DesiredSettings(java.util.List.of(ServerAddress.parse(server)), DotMode.OPPORTUNISTIC, null,
                        false, java.util.List.of()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("systemd-resolved's own stub listener")
                && e.getMessage().contains("loop"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () -> new DesiredSettings(
                java.util.List.of(ServerAddress.parse("198.51.100.1#dot.test")), DotMode.OPPORTUNISTIC, null, false,
                java.util.List.of(ServerAddress.parse(server))), "as a fallback too");
    }
}
