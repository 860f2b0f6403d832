package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessment;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.core.Verdict;

/** A server's TLS name in status --json, also one that is no host name. */
class JsonServersTest {
    @Test
    void aNameThatIsNoHostNameIsGivenEscapedBesideNoName() {
        GlobalState g = new GlobalState(List.of(ServerAddress.parseReported("198.18.0.2#dns\u0001x.example"),
                ServerAddress.parse("9.9.9.9#dns.quad9.net")), List.of(), null, DotMode.STRICT, DnssecMode.NO, false,
                List.of(), "yes", "stub");
        ResolverState s = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                null);
        JsonNode servers = Json.status(s, new Assessment(Verdict.PARTIAL, List.of()), new RefusedChanges(null))
                .get("global").get("servers");
        assertTrue(servers.get(0).get("name").isNull());
        assertEquals("dns\\x01x.example", servers.get(0).get("nameNotHostName").asText());
        assertEquals("dns.quad9.net", servers.get(1).get("name").asText());
        assertFalse(servers.get(1).has("nameNotHostName"));
    }

    @Test
    void aNameInUnicodeIsGivenInItsAsciiFormWithTheNameAsWrittenBeside() throws Exception {
        GlobalState g = new GlobalState(List.of(ServerAddress.parseReported("198.18.0.2#b\u00fccher.example"),
                ServerAddress.parse("9.9.9.9#dns.quad9.net")), List.of(), null, DotMode.STRICT, DnssecMode.NO, false,
                List.of(), "yes", "stub");
        ResolverState s = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                null);
        String text = Json.write(Json.status(s, new Assessment(Verdict.PARTIAL, List.of()), new RefusedChanges(null)));
        JsonNode servers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).get("global").get("servers");
        assertEquals("xn--bcher-kva.example", servers.get(0).get("name").asText(), "the name Port853 writes and checks");
        assertEquals("b\\xfccher.example", servers.get(0).get("nameInUnicode").asText());
        assertFalse(servers.get(0).has("nameNotHostName"));
        assertFalse(servers.get(1).has("nameInUnicode"));
    }
}
