package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgramTotalsTest {
    private static LeakRecord leak(String process) {
        return new LeakRecord(Instant.parse("2026-11-25T10:00:00Z"), "wlan0", "192.168.1.1", "a.example", "A", process);
    }

    @Test
    @DisplayName("the count since start survives clear; the per-program counts do not")
    void sinceStartSurvivesClear() {
        ProgramTotals t = new ProgramTotals();
        t.add(leak("dig (1)"));
        t.add(leak(null));
        assertEquals(2, t.sinceStart());
        t.clear();
        assertEquals(Map.of(), t.snapshot());
        t.add(leak("dig (1)"));
        assertEquals(Map.of("dig", 1L), t.snapshot());
        assertEquals(3, t.sinceStart());
    }

    @Test
    @DisplayName("past the bound, programs are counted together as (other), and all are in the count since start")
    void bounded() {
        ProgramTotals t = new ProgramTotals();
        for (int i = 0; i < ProgramTotals.MAX_PROGRAMS + 10; i++) {
            t.add(leak("p" + i + " (" + i + ")"));
        }
        assertEquals(ProgramTotals.MAX_PROGRAMS + 1, t.snapshot().size());
        assertEquals(10L, t.snapshot().get(ProgramTotals.OTHER));
        assertEquals(ProgramTotals.MAX_PROGRAMS + 10, t.sinceStart());
    }
}
