package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrafficMeterTest {
    @Test
    void perSecondSeriesOldestFirst() {
        TrafficMeter m = new TrafficMeter(10);
        m.add(100, TrafficClass.ENCRYPTED, 80);
        m.add(100, TrafficClass.ENCRYPTED, 80);
        m.add(102, TrafficClass.LEAK, 70);
        m.addLeakMarker(102);
        MeterSnapshot s = m.snapshot(4, 0);
        assertEquals(102, s.endEpochSecond());
        assertArrayEquals(new long[] {0, 2, 0, 0}, s.encryptedPackets());
        assertArrayEquals(new long[] {0, 0, 0, 1}, s.leakPackets());
        assertArrayEquals(new long[] {0, 0, 0, 1}, s.leakMarkers());
        assertEquals(new ClassTotals(2, 160), s.total(TrafficClass.ENCRYPTED));
        MeterSnapshot later = m.snapshot(4, 104);
        assertArrayEquals(new long[] {0, 1, 0, 0}, later.leakPackets());
    }

    @Test
    @DisplayName("queries per second, by class, forgotten with their second's slot and by clear")
    void querySeries() {
        TrafficMeter m = new TrafficMeter(3);
        m.addQuery(100, TrafficClass.ENCRYPTED);
        m.addQuery(100, TrafficClass.ENCRYPTED);
        m.addQuery(101, TrafficClass.LOCAL_PLAINTEXT);
        MeterSnapshot s = m.snapshot(3, 101);
        assertArrayEquals(new long[] {0, 2, 0}, s.queries().encrypted());
        assertArrayEquals(new long[] {0, 0, 1}, s.queries().local());
        m.addQuery(103, TrafficClass.LOCAL_PLAINTEXT); // reuses second 100's slot
        MeterSnapshot later = m.snapshot(3, 103);
        assertArrayEquals(new long[] {0, 0, 0}, later.queries().encrypted());
        assertArrayEquals(new long[] {1, 0, 1}, later.queries().local());
        m.clear();
        assertArrayEquals(new long[] {0, 0, 0}, m.snapshot(3, 103).queries().local());
    }

    @Test
    void ringForgetsOldSecondsButTotalsKeepThem() {
        TrafficMeter m = new TrafficMeter(5);
        for (long s = 0; s < 1000; s++) {
            m.add(s, TrafficClass.LOCAL_PLAINTEXT, 1);
        }
        m.add(3, TrafficClass.LOCAL_PLAINTEXT, 1); // too old for the ring
        MeterSnapshot s = m.snapshot(10, 0);
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, s.localPlaintextPackets());
        assertEquals(1001, s.total(TrafficClass.LOCAL_PLAINTEXT).packets());
        m.add(5000, TrafficClass.LOCAL_PLAINTEXT, 1); // a jump beyond the ring clears it
        assertArrayEquals(new long[] {0, 0, 0, 0, 1}, m.snapshot(5, 0).localPlaintextPackets());
        m.setDrops(3, 4);
        assertEquals(3, m.snapshot(1, 0).pcapDrops());
        m.clear();
        assertEquals(0, m.snapshot(1, 0).total(TrafficClass.LOCAL_PLAINTEXT).packets());
    }

    @Test
    void leakLogIsBoundedAndFlagsFirstLeakAfterQuiet() {
        LeakLog log = new LeakLog(3, Duration.ofSeconds(60));
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        assertTrue(log.add(rec(t0, "a")));
        assertEquals(false, log.add(rec(t0.plusSeconds(30), "b")));
        assertEquals(false, log.add(rec(t0.plusSeconds(80), "c")));
        assertTrue(log.add(rec(t0.plusSeconds(200), "d")));
        assertEquals(java.util.List.of("b", "c", "d"), log.recent(10).stream().map(LeakRecord::name).toList());
        assertEquals(java.util.List.of("c", "d"), log.recent(2).stream().map(LeakRecord::name).toList());
        assertEquals(4, log.total());
        log.clear();
        assertTrue(log.add(rec(t0.plusSeconds(201), "e")));
    }

    private static LeakRecord rec(Instant t, String name) {
        return new LeakRecord(t, "eth0", "198.18.0.2", name, "A", null);
    }

    @Test
    void perInterfaceBucketsAreBoundedWithOther() {
        TrafficMeter m = new TrafficMeter(10);
        int lo = m.interfaceSlot("lo");
        int eth = m.interfaceSlot("eth0");
        assertEquals(lo, m.interfaceSlot("lo"));
        m.add(100, TrafficClass.ENCRYPTED, 80, lo);
        m.add(101, TrafficClass.LEAK, 70, eth);
        m.add(101, TrafficClass.LEAK, 30, eth);
        for (int i = 0; i < 30; i++) {
            m.add(101, TrafficClass.LOCAL_PLAINTEXT, 1, m.interfaceSlot("veth" + i));
        }
        MeterSnapshot s = m.snapshot(3, 0);
        assertEquals(TrafficMeter.MAX_INTERFACES + 1, s.interfaces().size());
        MeterSnapshot.InterfaceSeries l = s.interfaces().get(0);
        assertEquals("lo", l.name());
        assertArrayEquals(new long[] {0, 1, 0}, l.encryptedPackets());
        assertArrayEquals(new long[] {0, 80, 0}, l.encryptedBytes());
        MeterSnapshot.InterfaceSeries e = s.interfaces().get(1);
        assertArrayEquals(new long[] {0, 0, 2}, e.leakPackets());
        assertArrayEquals(new long[] {0, 0, 100}, e.bytes(TrafficClass.LEAK));
        MeterSnapshot.InterfaceSeries other = s.interfaces().get(TrafficMeter.MAX_INTERFACES);
        assertEquals(TrafficMeter.OTHER_INTERFACES, other.name());
        // 14 named veths fit (lo and eth0 took two of the 16), the other 16 share "(other)"
        assertArrayEquals(new long[] {0, 0, 16}, other.localPlaintextPackets());
        // the ring forgets interface seconds as it moves on
        m.add(200, TrafficClass.ENCRYPTED, 1, lo);
        assertArrayEquals(new long[] {0, 0, 1}, m.snapshot(3, 0).interfaces().get(0).encryptedPackets());
        assertArrayEquals(new long[] {0, 0, 0}, m.snapshot(3, 0).interfaces().get(1).leakPackets());
        m.clear();
        assertEquals(0, m.snapshot(3, 0).interfaces().get(0).encryptedPackets()[2]);
    }

    @Test
    @DisplayName("an interface's series of a class exist once that class is counted there, and count from zero then")
    void interfaceSeriesAllocatedPerClassOnFirstUse() {
        TrafficMeter m = new TrafficMeter(4);
        int eth = m.interfaceSlot("eth0");
        assertFalse(m.hasInterfaceSeries(eth, TrafficClass.ENCRYPTED));
        for (long sec = 100; sec <= 106; sec++) { // the 4-second ring wraps before the first leak
            m.add(sec, TrafficClass.ENCRYPTED, 1, eth);
        }
        assertTrue(m.hasInterfaceSeries(eth, TrafficClass.ENCRYPTED));
        assertFalse(m.hasInterfaceSeries(eth, TrafficClass.LEAK));
        m.add(106, TrafficClass.LEAK, 50, eth);
        MeterSnapshot.InterfaceSeries e = m.snapshot(4, 0).interfaces().get(0);
        assertArrayEquals(new long[] {1, 1, 1, 1}, e.encryptedPackets());
        assertArrayEquals(new long[] {0, 0, 0, 1}, e.leakPackets());
        assertArrayEquals(new long[] {0, 0, 0, 0}, e.localPlaintextPackets());
        int wlan = m.interfaceSlot("wlan0");
        m.moveInterface(106, TrafficClass.LEAK, 50, eth, wlan); // to an interface that never carried a leak
        MeterSnapshot s = m.snapshot(4, 0);
        assertArrayEquals(new long[] {0, 0, 0, 0}, s.interfaces().get(0).leakPackets());
        assertArrayEquals(new long[] {0, 0, 0, 1}, s.interfaces().get(1).leakPackets());
        assertArrayEquals(new long[] {0, 0, 0, 50}, s.interfaces().get(1).leakBytes());
        assertFalse(m.hasInterfaceSeries(wlan, TrafficClass.ENCRYPTED));
    }

    @Test
    void timeJumpsAreCheap() {
        TrafficMeter m = new TrafficMeter(3600);
        for (int i = 0; i < 17; i++) {
            m.interfaceSlot("if" + i);
        }
        long start = System.nanoTime();
        for (long s = 0; s < 200_000; s++) {
            m.add(s * 10_000, TrafficClass.LEAK, 1, (int) (s % 17));
        }
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "each jump must not clear the whole ring");
        assertEquals(200_000, m.total(TrafficClass.LEAK).packets());
    }
}
