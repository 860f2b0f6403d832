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
}
