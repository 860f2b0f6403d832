package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeakRecordTest {
    static final LeakRecord R = new LeakRecord(Instant.EPOCH, "eth0", "198.18.53.4", "example.test", "A", null, null, 7);

    private static LeakRecord to(String server, String name) {
        return new LeakRecord(Instant.EPOCH, "wlan0", server, name, "A", null);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a local network's own name asked on the local network is no leak; anything else is")
    void localNetworkNames() {
        for (String server : java.util.List.of("192.168.1.1", "10.0.0.1", "172.16.0.1", "169.254.1.1", "fd00::1",
                "fe80::1", "127.0.0.53")) {
            assertTrue(to(server, "printer.home.arpa").localNetworkName(), server);
        }
        assertTrue(to("192.168.1.1", "5.1.168.192.in-addr.arpa").localNetworkName());
        assertTrue(to("192.168.1.1", "NAS.Local").localNetworkName());
        // the same names sent to a server on the internet leave the network: a leak
        for (String server : java.util.List.of("8.8.8.8", "198.18.53.4", "2001:db8::1", "172.32.0.1")) {
            assertFalse(to(server, "printer.home.arpa").localNetworkName(), server);
        }
        assertFalse(to("192.168.1.1", "example.com").localNetworkName());
        assertFalse(to("192.168.1.1", "home.arpa.example.com").localNetworkName());
        assertFalse(to("192.168.1.1", LeakRecord.UNREADABLE).localNetworkName());
        assertFalse(to("192.168.1.1", "").localNetworkName());
        assertFalse(to(null, "printer.home.arpa").localNetworkName());
        ProgramTotals t = new ProgramTotals();
        t.add(to("192.168.1.1", "printer.home.arpa"));
        t.add(to("192.168.1.1", "example.com"));
        assertEquals(1, t.sinceStart(), "only the real leak counts since start");
    }

    @Test
    void resolverLeakCountsForTheProgramThatAsked() {
        LeakRecord r = R.withSender("systemd-resolved (97)", "dig (812)");
        assertEquals("dig (812) → systemd-resolved (97)", r.process());
        assertEquals("dig", r.program());
        assertEquals("dig → systemd-resolved → 198.18.53.4 (plaintext)", r.chain());
        assertEquals("systemd-resolved (97)", r.withRcode("NOERROR").sender(), "kept by updates");
        assertEquals("dig (812)", r.withRcode("NOERROR").requestedBy());
        ProgramTotals t = new ProgramTotals();
        t.add(r);
        t.add(R.withSender("firefox (4)", null));
        t.add(R);
        assertEquals(java.util.Map.of("dig", 1L, "firefox", 1L, "unknown", 1L), t.snapshot());
    }

    @Test
    void unknownAndOwnerOnlySendersSayWhatIsKnown() {
        assertEquals("unknown", R.program());
        assertEquals("unknown → 198.18.53.4 (plaintext)", R.chain());
        LeakRecord owner = R.withSender("uid 1000 (alice)", null);
        assertEquals("uid 1000 (alice)", owner.program());
        assertNull(owner.requestedBy());
        assertEquals("unknown → systemd-resolved → 198.18.53.4 (plaintext)",
                R.withSender("systemd-resolved (97)", "unknown").chain());
        LeakRecord socketGone = R.withSender(null, "dig (812)");
        assertEquals("dig", socketGone.program(), "the asker is known, the sending socket was gone");
        assertEquals("dig → unknown → 198.18.53.4 (plaintext)", socketGone.chain());
        assertNull(socketGone.sender());
    }
}
