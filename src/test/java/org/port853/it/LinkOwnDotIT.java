package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A laptop whose connection (a VPN, a NetworkManager profile) sets DNS-over-TLS on its own link, strict, with a server
 * and its TLS name, while the global settings have neither servers nor DNS-over-TLS: every query is encrypted.
 */
@DisplayName("a link that asks its own server over strict DNS-over-TLS is not called plaintext by the global setting")
class LinkOwnDotIT {
    private static RigCli cli;
    private static final int NET = 104;

    @BeforeAll
    static void start() {
        cli = RigCli.start("p853o" + NET, NET, Map.of("RIG_LINK_DNS", "198.18." + NET + ".2#dot.test",
                "RIG_LINK_DOT", "yes"));
    }

    @AfterAll
    static void stop() {
        if (cli != null) cli.close();
    }

    @Test
    void theLinksModeDecides() {
        JsonNode status = cli.json("status", "--json");
        List<String> codes = new ArrayList<>();
        status.path("assessment").path("reasons").forEach(r -> codes.add(r.path("code").asText()));
        assertFalse(codes.contains("DOT_OFF"), status.toString());
        assertTrue(codes.contains("DOT_PER_LINK"), status.toString());
        assertEquals("PROTECTED", status.path("assessment").path("verdict").asText(), status.toString());
    }
}
