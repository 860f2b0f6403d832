package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesSeparatorsAndDefusesFormulas() {
        assertEquals("example.org", TrafficViewModel.csv("example.org"));
        assertEquals("\"a,b\"", TrafficViewModel.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", TrafficViewModel.csv("say \"hi\""));
        assertEquals("\"'=HYPERLINK(1)\"", TrafficViewModel.csv("=HYPERLINK(1)"));
        assertEquals("", TrafficViewModel.csv(null));
    }
}
