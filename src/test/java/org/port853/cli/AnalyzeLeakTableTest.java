package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;

class AnalyzeLeakTableTest {
    private static final Instant T = Instant.parse("2026-11-01T10:00:00.123456789Z");

    @Test
    @DisplayName("the leak table fits 80 columns with an IPv6 server, a long interface and a long name, none of them "
            + "cut: the name and interface on indented lines under the leak's row")
    void fitsATerminalWithoutCuttingAnAddressOrName() {
        String server = "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff";
        String name = "a-long-label-of-sixty-three-letters-which-is-as-long-as-labels-go."
                + "another-label.tracking.example.com";
        String iface = "enx0123456789ab-usb-ethernet-adapter-with-a-long-name";
        String table = AnalyzeCommand.leakTable(List.of(
                new LeakRecord(T, iface, server, name, "HTTPS", null, "NXDOMAIN", 1),
                new LeakRecord(T, "eth0", "198.18.61.2", "leak1.example.com", "A", null, null, 2)));

        TerminalWidth.assertFits(table);
        List<String> lines = table.lines().toList();
        assertEquals("  " + T + " HTTPS  " + server, lines.get(0));
        String joined = String.join("", lines.stream().map(String::strip).toList());
        assertTrue(joined.contains(name + " NXDOMAIN"), "the name whole, broken only where it does not fit: " + table);
        assertTrue(lines.contains("      " + iface), "the interface whole on a line of its own: " + table);
        assertTrue(lines.contains("  " + T + " A      198.18.61.2"), table);
        assertTrue(lines.contains("      leak1.example.com on eth0"), table);
    }
}
