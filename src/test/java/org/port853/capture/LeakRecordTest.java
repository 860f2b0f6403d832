package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeakRecordTest {
    static final LeakRecord R = new LeakRecord(Instant.EPOCH, "eth0", "198.18.53.4", "example.test", "A", null, null, 7);

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
    }
}
