package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;

class OwnLookupsTest {
    private static LeakRecord query(String name, Instant at) {
        return new LeakRecord(at, "eth0", "192.168.1.1", name, "A", null);
    }

    @Test
    @DisplayName("a query of the name Port853 asks for, while it asks and a few seconds after, is its own; others are not")
    void coversOnlyItsOwnNameAndTime() {
        OwnLookups own = new OwnLookups();
        Instant before = Instant.now().minusSeconds(1);
        AtomicBoolean duringCovered = new AtomicBoolean();
        String answer = own.asking("example.com", () -> {
            duringCovered.set(own.covers(query("Example.COM.", Instant.now())));
            return "answer";
        });
        assertEquals("answer", answer);
        assertTrue(duringCovered.get(), "while it runs, in any case and with the final dot");
        assertTrue(own.covers(query("example.com", Instant.now().plusSeconds(2))), "the resolver's retries after it");
        assertFalse(own.covers(query("example.com", Instant.now().plusSeconds(30))), "long after: a program's");
        assertFalse(own.covers(query("example.com", before)), "before it began: a program's");
        assertFalse(own.covers(query("example.org", Instant.now())), "another name");
        assertFalse(own.covers(null));
    }

    @Test
    @DisplayName("an adapter that asks for no name: nothing is Port853's own")
    void noNameNoneCovered() {
        OwnLookups own = new OwnLookups();
        assertEquals(1, own.asking(null, () -> 1));
        assertFalse(own.covers(query("example.com", Instant.now())));
    }
}
