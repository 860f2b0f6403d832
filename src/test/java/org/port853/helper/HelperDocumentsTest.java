package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;
import org.port853.platform.ApplyResult;

@DisplayName("HelperDocuments: the privileged helper's input")
class HelperDocumentsTest {
    static final String APPLY = "{\"version\":1,\"action\":\"apply\",\"settings\":{\"servers\":[\"9.9.9.9#dns.quad9.net\","
            + "\"[2620:fe::fe]:853#dns.quad9.net\"],\"mode\":\"strict\",\"dnssec\":\"allow-downgrade\",\"routeAllDomains\":true,"
            + "\"fallback\":[\"1.1.1.1#cloudflare-dns.com\"]},\"linkResolverFile\":true}";

    static HelperRequest parse(String json) {
        return HelperDocuments.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** An apply document with one settings member replaced (given as raw JSON). */
    static String applyWith(String settingsMembers) {
        return "{\"version\":1,\"action\":\"apply\",\"settings\":{" + settingsMembers + "}}";
    }

    @Nested
    @DisplayName("accepted documents")
    class Accepted {
        @Test
        void fullApply() {
            HelperRequest r = parse(APPLY);
            assertEquals(HelperRequest.Action.APPLY, r.action());
            assertTrue(r.linkResolverFile());
            DesiredSettings s = r.settings();
            assertEquals(DotMode.STRICT, s.mode());
            assertEquals(DnssecMode.ALLOW_DOWNGRADE, s.dnssec());
            assertTrue(s.routeAllDomains());
            assertEquals(List.of("9.9.9.9#dns.quad9.net", "[2620:fe::fe]:853#dns.quad9.net"),
                    s.servers().stream().map(ServerAddress::toResolvedSyntax).toList());
            assertEquals(1, s.fallback().size());
        }

        @Test
        void minimalApplyUsesDefaults() {
            HelperRequest r = parse(applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":\"opportunistic\""));
            assertNull(r.settings().dnssec(), "no dnssec key: keep what the system has");
            assertFalse(r.settings().routeAllDomains());
            assertFalse(r.linkResolverFile());
            assertTrue(r.settings().fallback().isEmpty());
        }

        @Test
        void revertAndRecover() {
            assertEquals(HelperRequest.of(HelperRequest.Action.REVERT), parse("{\"version\":1,\"action\":\"revert\"}"));
            assertEquals(HelperRequest.of(HelperRequest.Action.RECOVER), parse(" {\"action\":\"recover\",\"version\":1}\n"));
        }

        @Test
        void roundTrip() {
            for (HelperRequest r : List.of(parse(APPLY), HelperRequest.of(HelperRequest.Action.REVERT),
                    HelperRequest.of(HelperRequest.Action.RECOVER),
                    HelperRequest.apply(new DesiredSettings(List.of(ServerAddress.parse("192.0.2.53")), DotMode.OFF,
                            DnssecMode.YES, false, List.of()), false),
                    HelperRequest.apply(new DesiredSettings(List.of(ServerAddress.parse("192.0.2.53")),
                            DotMode.OPPORTUNISTIC, null, false, List.of()), true))) {
                byte[] doc = HelperDocuments.write(r);
                assertEquals(r, HelperDocuments.parse(doc));
                assertTrue(doc.length < HelperDocuments.MAX_BYTES);
                assertEquals('\n', doc[doc.length - 1]);
            }
        }

        @Test
        void resultDocumentRoundTrip() {
            ApplyResult r = new ApplyResult(ApplyResult.Outcome.ROLLED_BACK, "rolled back: no answer", new ApplyResult.Item("dropIn", "/etc/x.conf", "[Resolve]\nDNS=\n"), List.of("write /etc/x.conf", "restart the resolver"), false, Duration.ofMillis(250));
            assertEquals(r, HelperDocuments.readResult(HelperDocuments.writeResult(r)));
            ApplyResult empty = new ApplyResult(ApplyResult.Outcome.UNCHANGED, null, null, List.of(), false,
                    Duration.ZERO);
            assertEquals(empty, HelperDocuments.readResult(HelperDocuments.writeResult(empty)));
            ApplyResult staysOn = new ApplyResult(ApplyResult.Outcome.REVERTED, "reverted; DNS-over-TLS stays on", null,
                    List.of(), false, Duration.ZERO, null, List.of(),
                    new ApplyResult.EncryptionStaysOn("opportunistic", "/etc/systemd/resolved.conf"));
            assertEquals(staysOn, HelperDocuments.readResult(HelperDocuments.writeResult(staysOn)));
            assertThrows(IllegalStateException.class, () -> HelperDocuments.readResult("garbage"));
            // a long result (the resolver's messages twice, a drop-in with 16 servers) is read, not "unreadable"
            String longWhy = "rolled back the files, but the resolver did not restart: " + "Job failed. ".repeat(120);
            String bigDropIn = "[Resolve]\nDNS=" + "198.18.0.2#a-rather-long-server-name.example ".repeat(16) + "\n";
            ApplyResult big = new ApplyResult(ApplyResult.Outcome.FAILED, longWhy,
                    new ApplyResult.Item("dropIn", "/etc/x.conf", bigDropIn), List.of(), false, Duration.ZERO);
            assertEquals(big, HelperDocuments.readResult(HelperDocuments.writeResult(big)));
            // sentences inside sentences, five deep (the 247 walkthrough's failed health check was cut at depth 9)
            org.port853.core.Sentence why = org.port853.core.Sentence.of("packets on port 53", "leak", "4");
            for (int i = 0; i < 5; i++) {
                why = org.port853.core.Sentence.of("because " + why.english(), "level" + i, why);
            }
            ApplyResult nested = ApplyResult.of(ApplyResult.Outcome.FAILED, why);
            ApplyResult read = HelperDocuments.readResult(HelperDocuments.writeResult(nested));
            assertEquals(nested.reason(), read.reason());
            assertEquals(nested.reasonWords(), read.reasonWords());
        }
    }

    static Stream<Arguments> refusals() {
        List<Arguments> a = new ArrayList<>();
        a.add(Arguments.of("not JSON", "this is not json"));
        a.add(Arguments.of("truncated JSON", "{\"version\":1,\"action\":\"rev"));
        a.add(Arguments.of("empty document", ""));
        a.add(Arguments.of("JSON null", "null"));
        a.add(Arguments.of("an array", "[{\"version\":1,\"action\":\"revert\"}]"));
        a.add(Arguments.of("a string", "\"revert\""));
        a.add(Arguments.of("unknown top-level key", "{\"version\":1,\"action\":\"revert\",\"path\":\"x\"}"));
        a.add(Arguments.of("unknown settings key", applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":\"opportunistic\",\"file\":\"x\"")));
        a.add(Arguments.of("version missing", "{\"action\":\"revert\"}"));
        a.add(Arguments.of("mode off without servers (that is revert)", applyWith("\"servers\":[],\"mode\":\"off\"")));
        a.add(Arguments.of("version wrong", "{\"version\":2,\"action\":\"revert\"}"));
        a.add(Arguments.of("version as string", "{\"version\":\"1\",\"action\":\"revert\"}"));
        a.add(Arguments.of("version as float", "{\"version\":1.0,\"action\":\"revert\"}"));
        a.add(Arguments.of("version too long a number", "{\"version\":100000000000000000000,\"action\":\"revert\"}"));
        a.add(Arguments.of("action missing", "{\"version\":1}"));
        a.add(Arguments.of("action null", "{\"version\":1,\"action\":null}"));
        a.add(Arguments.of("unknown action", "{\"version\":1,\"action\":\"format-disk\"}"));
        a.add(Arguments.of("action wrong type", "{\"version\":1,\"action\":7}"));
        a.add(Arguments.of("settings on revert", "{\"version\":1,\"action\":\"revert\",\"settings\":{}}"));
        a.add(Arguments.of("linkResolverFile on recover", "{\"version\":1,\"action\":\"recover\",\"linkResolverFile\":true}"));
        a.add(Arguments.of("apply without settings", "{\"version\":1,\"action\":\"apply\"}"));
        a.add(Arguments.of("settings not an object", "{\"version\":1,\"action\":\"apply\",\"settings\":[]}"));
        a.add(Arguments.of("mode missing", applyWith("\"servers\":[\"9.9.9.9\"]")));
        a.add(Arguments.of("mode wrong type", applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":true")));
        a.add(Arguments.of("servers not a list", applyWith("\"servers\":\"9.9.9.9\",\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("server not a string", applyWith("\"servers\":[9],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("routeAllDomains not boolean", applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":\"opportunistic\",\"routeAllDomains\":\"yes\"")));
        a.add(Arguments.of("linkResolverFile not boolean", "{\"version\":1,\"action\":\"apply\",\"settings\":{\"servers\":[\"9.9.9.9\"],\"mode\":\"opportunistic\"},\"linkResolverFile\":1}"));
        a.add(Arguments.of("string longer than 300", applyWith("\"servers\":[\"9.9.9.9#" + "a".repeat(301) + "\"],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("string far longer than 300", applyWith("\"servers\":[\"9.9.9.9#" + "a".repeat(5000) + "\"],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("control character", applyWith("\"servers\":[\"9.9.9.9#dns\\u0007.example\"],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("escaped newline in a name", applyWith("\"servers\":[\"9.9.9.9#dns\\nquad9.net\"],\"mode\":\"strict\"")));
        a.add(Arguments.of("raw newline inside a string", applyWith("\"servers\":[\"9.9.9.9#dns\nquad9.net\"],\"mode\":\"strict\"")));
        a.add(Arguments.of("space in a name", applyWith("\"servers\":[\"9.9.9.9#dns quad9.net\"],\"mode\":\"strict\"")));
        a.add(Arguments.of("DEL character", applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":\"strict\\u007f\"")));
        a.add(Arguments.of("slash", applyWith("\"servers\":[\"9.9.9.9#../../etc/shadow\"],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("backslash", applyWith("\"servers\":[\"9.9.9.9#a\\\\b\"],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("slash in mode", applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":\"/etc/passwd\"")));
        a.add(Arguments.of("not an address", applyWith("\"servers\":[\"999.1.1.1\"],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("host name as address", applyWith("\"servers\":[\"dns.quad9.net#dns.quad9.net\"],\"mode\":\"strict\"")));
        a.add(Arguments.of("interface suffix", applyWith("\"servers\":[\"9.9.9.9%eth0\"],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("strict without name", applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":\"strict\"")));
        a.add(Arguments.of("duplicate server", applyWith("\"servers\":[\"9.9.9.9\",\"9.9.9.9\"],\"mode\":\"opportunistic\"")));
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 17; i++) {
            many.append(i > 1 ? "," : "").append("\"192.0.2.").append(i).append("\"");
        }
        a.add(Arguments.of("more than 16 servers", applyWith("\"servers\":[" + many + "],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("more than 16 fallback", applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":\"opportunistic\",\"fallback\":[" + many + "]")));
        a.add(Arguments.of("duplicate top-level key", "{\"version\":1,\"action\":\"revert\",\"action\":\"apply\"}"));
        a.add(Arguments.of("duplicate settings key", applyWith("\"servers\":[\"9.9.9.9\"],\"mode\":\"off\",\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("deep nesting", applyWith("\"servers\":[[[[[[[[[[\"9.9.9.9\"]]]]]]]]]],\"mode\":\"opportunistic\"")));
        a.add(Arguments.of("oversized document", "{\"version\":1,\"action\":\"revert\"}" + " ".repeat(HelperDocuments.MAX_BYTES)));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @DisplayName("refusals are one-line InvalidInputExceptions")
    void refused(String what, String doc) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(doc), what);
        assertFalse(e.getMessage().isBlank());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    @DisplayName("an unknown mode is an InvalidInputException, not a bare IllegalArgumentException")
    void unknownModeIsInvalidInput() {
        Throwable t = assertThrows(Throwable.class,
                () -> parse(applyWith("\"servers\":[\"9.9.9.9#dns.quad9.net\"],\"mode\":\"bogus\"")));
        assertEquals(InvalidInputException.class, t.getClass(), "got " + t);
    }

    @Test
    @DisplayName("an unknown DNSSEC value is an InvalidInputException, not a bare IllegalArgumentException")
    void unknownDnssecIsInvalidInput() {
        Throwable t = assertThrows(Throwable.class, () -> parse(applyWith(
                "\"servers\":[\"9.9.9.9#dns.quad9.net\"],\"mode\":\"strict\",\"dnssec\":\"sometimes\"")));
        assertEquals(InvalidInputException.class, t.getClass(), "got " + t);
    }

    @Test
    @DisplayName("trailing content after the document is refused (the whole input must be one JSON object)")
    void trailingContentIsRefused() {
        assertThrows(InvalidInputException.class, () -> parse("{\"version\":1,\"action\":\"revert\"} trailing garbage"));
        assertThrows(InvalidInputException.class, () -> parse("{\"version\":1,\"action\":\"revert\"}"
                + "{\"version\":1,\"action\":\"apply\"}"));
    }

    @Test
    void exactlyMaxBytesIsStillRead() {
        String doc = "{\"version\":1,\"action\":\"revert\"}";
        String padded = doc + " ".repeat(HelperDocuments.MAX_BYTES - doc.length());
        assertEquals(HelperDocuments.MAX_BYTES, padded.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(HelperRequest.Action.REVERT, parse(padded).action());
    }

    @Test
    void maxStringLengthIsInclusive() {
        String name = ("a".repeat(60) + ".").repeat(4) + "ex"; // 246 chars, a valid host name
        String server = "9.9.9.9#" + name;
        assertTrue(server.length() <= 300);
        assertEquals(name, parse(applyWith("\"servers\":[\"" + server + "\"],\"mode\":\"strict\"")).settings().servers()
                .get(0).tlsName());
    }
}
