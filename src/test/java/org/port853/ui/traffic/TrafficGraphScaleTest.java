package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrafficGraphScaleTest {
    @Test
    @DisplayName("a quiet computer's fraction of a query per second fills the plot, not a tenth of it; busier ones get "
            + "whole steps whose quarters are whole")
    void scaleTopFollowsTheHighestRate() {
        assertEquals(1, TrafficGraph.scaleTop(0));
        assertEquals(1, TrafficGraph.scaleTop(0.4));
        assertEquals(1, TrafficGraph.scaleTop(1));
        assertEquals(2, TrafficGraph.scaleTop(1.2));
        assertEquals(4, TrafficGraph.scaleTop(2.1));
        assertEquals(8, TrafficGraph.scaleTop(5));
        assertEquals(40, TrafficGraph.scaleTop(33));
        for (double rate = 2.01; rate < 5000; rate *= 1.37) {
            double top = TrafficGraph.scaleTop(rate);
            assertEquals(0, top % 4, "quarters of " + top);
            assertEquals(true, top >= rate && top < 2 * rate, rate + " → " + top);
        }
    }
}
