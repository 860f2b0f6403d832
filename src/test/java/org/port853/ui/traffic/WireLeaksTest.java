package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;

class WireLeaksTest {
    private static final long END = 1_800_000_000L;

    /** A 10-second snapshot ending at END: leaked packets and leaked queries at the given seconds before the end. */
    private static MeterSnapshot snap(Map<Integer, Integer> leakedAgo) {
        long[] packets = new long[10];
        long[] markers = new long[10];
        leakedAgo.forEach((ago, n) -> {
            packets[9 - ago] = 2L * n;
            markers[9 - ago] = n;
        });
        long[] zero = new long[10];
        return new MeterSnapshot(END, 10, zero, zero.clone(), packets, markers, Map.of(), 0, 0);
    }

    private static LeakRecord leak(int ago, String server, String name) {
        return new LeakRecord(Instant.ofEpochSecond(END - ago, 300_000_000), "wlan0", server, name, "A", null);
    }

    @Test
    @DisplayName("the local network's own names asked of the router are no leak, not even their answers a second later")
    void localNamesAreNoLeak() {
        List<LeakRecord> recent = List.of(leak(5, "192.168.1.1", "printer.home.arpa"),
                leak(2, "192.168.1.1", "7.1.168.192.in-addr.arpa"));
        assertNull(WireLeaks.newest(snap(Map.of(5, 1, 4, 1, 2, 1, 1, 1)), recent));
        MeterSnapshot shown = WireLeaks.withoutLocalNames(snap(Map.of(5, 1, 2, 1)), recent);
        assertEquals(0, java.util.Arrays.stream(shown.leakMarkers()).sum(), "no leak marks for them");
        assertEquals(4, java.util.Arrays.stream(shown.leakPackets()).sum(), "their packets stay as measured");
        assertNull(WireLeaks.newestNamed(recent));
    }

    @Test
    @DisplayName("a named leak counts at its time, and local names around it do not hide it")
    void namedLeak() {
        List<LeakRecord> recent = List.of(leak(6, "192.168.1.1", "tracker.example"),
                leak(3, "192.168.1.1", "nas.home.arpa"));
        assertEquals(Instant.ofEpochSecond(END - 6, 300_000_000),
                WireLeaks.newest(snap(Map.of(6, 1, 3, 1)), recent));
        MeterSnapshot shown = WireLeaks.withoutLocalNames(snap(Map.of(6, 1, 3, 1)), recent);
        assertEquals(1, shown.leakMarkers()[9 - 6]);
        assertEquals(0, shown.leakMarkers()[9 - 3]);
        MeterSnapshot none = snap(Map.of(6, 1));
        assertSame(none, WireLeaks.withoutLocalNames(none, List.of(leak(6, "192.168.1.1", "tracker.example"))),
                "nothing to take out: the same snapshot, nothing allocated");
        assertEquals("tracker.example", WireLeaks.newestNamed(recent).name());
    }

    @Test
    @DisplayName("leaked packets that no query explains still count: a leak is never missed for want of a name")
    void unnamedPackets() {
        // the capture lost the query's record (overloaded, or a TCP message it could not reassemble)
        assertEquals(Instant.ofEpochSecond(END - 4), WireLeaks.newest(snap(Map.of(4, 1)), List.of()));
        // packets far from the local name's exchange are not explained by it
        List<LeakRecord> local = List.of(leak(8, "192.168.1.1", "printer.home.arpa"));
        assertEquals(Instant.ofEpochSecond(END - 1), WireLeaks.newest(snap(Map.of(8, 1, 1, 1)), local));
    }

    @Test
    @DisplayName("packets on port 53 in which the capture read no query (a VPN on port 53) count, but not as a query; a "
            + "query counted while the leak queue was full (a mark, no record) is one")
    void packetsWithoutAQuery() {
        long[] packets = new long[10];
        packets[9 - 3] = 4;
        long[] zero = new long[10];
        MeterSnapshot vpn = new MeterSnapshot(END, 10, zero, zero.clone(), packets, zero.clone(), Map.of(), 0, 0);
        WireLeaks.Seen seen = WireLeaks.seen(vpn, List.of(), r -> true);
        assertNull(seen.query());
        assertEquals(Instant.ofEpochSecond(END - 3), seen.unread());
        WireLeaks.Seen unlisted = WireLeaks.seen(snap(Map.of(4, 1)), List.of(), r -> true);
        assertEquals(Instant.ofEpochSecond(END - 4), unlisted.query());
        assertNull(unlisted.unread(), "its packets are the query's");
        assertEquals(4, WireLeaks.unreadPackets(vpn, List.of()), "the totals say them: the graph counts queries");
        assertEquals(0, WireLeaks.unreadPackets(snap(Map.of(4, 1)), List.of()));
        assertEquals(0, WireLeaks.unreadPackets(vpn, List.of(leak(4, "192.168.1.1", "near.example"))),
                "packets of a named query's exchange");
    }
}
