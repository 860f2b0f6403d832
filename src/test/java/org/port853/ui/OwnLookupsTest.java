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
    @DisplayName("only what the resolver sent for nobody else: a program that asked the same name, itself or through "
            + "the resolver, keeps its leak; older resolved's fresh health-check names are Port853's too")
    void anotherProgramsQueryIsTheirs() {
        OwnLookups own = new OwnLookups();
        own.asking("example.com", () -> {
            Instant t = Instant.now();
            assertTrue(own.covers(new LeakRecord(t, "eth0", "192.168.1.1", "example.com", "A", null, null, 1,
                    "systemd-resolved (97)", null)));
            assertFalse(own.covers(new LeakRecord(t, "eth0", "8.8.8.8", "example.com", "A", "dig (812)", null, 2,
                    "dig (812)", null)), "dig asked 8.8.8.8 itself");
            assertFalse(own.covers(new LeakRecord(t, "eth0", "192.168.1.1", "example.com", "A",
                    "dig (812) → systemd-resolved (97)", null, 3, "systemd-resolved (97)", "dig (812)")),
                    "dig asked the resolver");
            assertFalse(own.covers(new LeakRecord(t, "eth0", "8.8.8.8", "example.com", "A", "dig (812)")),
                    "a program the capture names only in its process column is that program too");
            assertTrue(own.covers(query("port853-0a1b2c3d4e5f.example.com", t)));
            assertFalse(own.covers(query("www.example.com", t)), "another name under it");
            return null;
        });
    }

    @Test
    @DisplayName("a query once seen as Port853's own stays its own after many later lookups (a refresh asks each time): "
            + "the Traffic list does not turn it into 'Program not identified' minutes later")
    void ownQueryStaysOwn() {
        OwnLookups own = new OwnLookups();
        LeakRecord early = own.asking("example.com", () -> query("example.com", Instant.now()));
        assertTrue(own.covers(early));
        for (int i = 0; i < 40; i++) {
            own.asking("example.com", () -> null);
        }
        assertTrue(own.covers(early));
    }

    @Test
    @DisplayName("an adapter that asks for no name: nothing is Port853's own")
    void noNameNoneCovered() {
        OwnLookups own = new OwnLookups();
        assertEquals(1, own.asking(null, () -> 1));
        assertFalse(own.covers(query("example.com", Instant.now())));
    }
}
