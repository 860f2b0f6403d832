package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureLevelChangeTest {
    @Test
    void readsResolvedsStepDownAndResume() {
        FeatureLevelChange down = FeatureLevelChange.parse("Using degraded feature set UDP+EDNS0 instead of TLS+EDNS0 "
                + "for DNS server [fd00:853:86::4]:853%eth0#dot.test.").orElseThrow();
        assertEquals(new FeatureLevelChange("UDP+EDNS0", "TLS+EDNS0", "[fd00:853:86::4]:853%eth0#dot.test"), down);
        assertTrue(down.leftTls());
        FeatureLevelChange up = FeatureLevelChange.parse("Grace period over, resuming full feature set (TLS+EDNS0+DO) "
                + "for DNS server 9.9.9.9#dns.quad9.net.").orElseThrow();
        assertTrue(up.resumed());
        assertFalse(up.leftTls());
        assertEquals("9.9.9.9#dns.quad9.net", up.server());
    }

    @Test
    void onlyAStepFromTlsToPlaintextLeavesTls() {
        assertFalse(FeatureLevelChange.parse("Using degraded feature set TLS+EDNS0 instead of TLS+EDNS0+DO for DNS "
                + "server 198.18.86.2.").orElseThrow().leftTls(), "still TLS");
        assertFalse(FeatureLevelChange.parse("Using degraded feature set UDP+EDNS0 instead of UDP+EDNS0+DO for DNS "
                + "server 198.18.86.2.").orElseThrow().leftTls(), "plaintext before and after");
        assertTrue(FeatureLevelChange.parse("Using degraded feature set TCP instead of TLS+EDNS0 for DNS server "
                + "198.18.86.2.").orElseThrow().leftTls());
        assertEquals(Optional.empty(), FeatureLevelChange.parse("Using degraded feature set UDP instead of TLS for DNS "
                + "server 198.18.86.2."), "no such level: not one of resolved's lines");
    }
}
