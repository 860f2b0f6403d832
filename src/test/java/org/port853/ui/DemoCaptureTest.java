package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoCaptureTest {
    @Test
    @DisplayName("the demo's leaked test queries stay counted since start when the display is cleared")
    void clearKeepsTheCountSinceStart() {
        DemoCapture c = DemoCapture.create(); // not started: only the test queries count
        try {
            long before = c.leaksSinceStart();
            c.queriesSent(List.of("a.example", "b.example"));
            assertEquals(before + 2, c.leaksSinceStart());
            c.clear();
            assertEquals(before + 2, c.leaksSinceStart(), "Clear empties the display, not the count since start");
            c.queriesSent(List.of("c.example"));
            assertEquals(before + 3, c.leaksSinceStart());
        } finally {
            c.close();
        }
    }

    @Test
    @DisplayName("the Linux demo's replayed leaks name the sample programs that asked, sent by the system resolver")
    void replayedLeaksNameTheirPrograms() {
        DemoCapture c = DemoCapture.create(new org.port853.platform.demo.DemoResolverAdapter());
        try {
            org.port853.capture.LeakRecord replayed = new org.port853.capture.LeakRecord(java.time.Instant.now(),
                    "if24", "198.18.62.2", "printer.local.example", "A", null, "NOERROR");
            org.port853.capture.LeakRecord shown = c.asShown(replayed);
            assertEquals("cups-browsed (911) → " + DemoCapture.DEMO_RESOLVER, shown.process());
            assertEquals(DemoCapture.DEMO_RESOLVER, shown.sender(), "the resolver's socket sent it: the link's reason");
            assertEquals("firefox", c.asShown(new org.port853.capture.LeakRecord(java.time.Instant.now(), "if24",
                    "198.18.62.2", "tracker.example.com", "A", null, null)).program(), "grouped by the asking program");
        } finally {
            c.close();
        }
    }

    @Test
    @DisplayName("the Linux demo's test queries leave from the system resolver and leak for the link's reason")
    void testQueriesLeaveFromTheSystemResolver() {
        org.port853.platform.demo.DemoResolverAdapter adapter = new org.port853.platform.demo.DemoResolverAdapter();
        DemoCapture c = DemoCapture.create(adapter);
        try {
            c.queriesSent(List.of("p853-abc.example.com"));
            org.port853.capture.LeakRecord r = c.recentLeaks(10).get(c.recentLeaks(10).size() - 1);
            assertEquals("p853-abc.example.com", r.name());
            assertEquals("systemd-resolved (97)", r.sender(), "systemd-resolved's socket sends it, named whole");
            assertEquals("port853", r.program(), "asked by this app");
            assertEquals(org.port853.ui.traffic.LeakExplainer.Cause.LINK_PLAINTEXT,
                    org.port853.ui.traffic.LeakExplainer.explain(r, adapter.readState()).cause());
        } finally {
            c.close();
        }
    }

    @Test
    @DisplayName("the demo's leaked test queries count in the graph and the summary as in the list: one mark per query")
    void testLeaksAreMeasuredAsTheyAreListed() {
        DemoCapture c = DemoCapture.create(); // not started: only the test queries are there
        try {
            int listedBefore = c.recentLeaks(1000).size();
            long markedBefore = marks(c);
            c.queriesSent(List.of("p853-a.example.com", "p853-b.example.com", "p853-c.example.com"));
            assertEquals(listedBefore + 3, c.recentLeaks(1000).size());
            assertEquals(markedBefore + 3, marks(c), "the summary and the graph count what the list shows");
            org.port853.capture.MeterSnapshot s = c.snapshot(300);
            assertEquals(6, java.util.Arrays.stream(s.leakPackets()).sum(), "each query and its answer leaked");
            c.clear();
            assertEquals(0, marks(c), "cleared from the graph as from the list");
        } finally {
            c.close();
        }
    }

    private static long marks(DemoCapture c) {
        return java.util.Arrays.stream(c.snapshot(300).leakMarkers()).sum();
    }
}
