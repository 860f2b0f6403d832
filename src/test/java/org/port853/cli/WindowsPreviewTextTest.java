package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.ProviderCatalog;
import org.port853.platform.windows.demo.WindowsDemoAdapter;

/** A Windows preview names the settings it changes in words, never by their item keys (win:adapter:{guid}:ipv4). */
class WindowsPreviewTextTest {
    private static CliRuns.Run dryRun(String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--provider", "quad9", "--mode", "strict", "--dry-run"));
        args.addAll(List.of(more));
        return CliRuns.run(new CliServices(WindowsDemoAdapter::new, ProviderCatalog::bundled), args.toArray(String[]::new));
    }

    @Test
    @DisplayName("apply --dry-run on the recorded Windows machine: the diff says 'Wi-Fi (IPv4)', 'DoH 9.9.9.9', no key")
    void textSaysWords() {
        CliRuns.Run r = dryRun();
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("+++ Wi-Fi (IPv4)\n") && r.out().contains("--- DoH 9.9.9.9\n")
                && r.out().contains("+++ NRPT \".\"\n"), r.out());
        assertFalse((r.out() + r.err()).contains("win:"), r.out() + r.err());
    }

    @Test
    @DisplayName("apply --dry-run --json: each changed setting with its key as a stable id and its words as name; the diff "
            + "in words")
    void jsonKeepsTheKeyAsId() throws Exception {
        JsonNode doc = dryRun("--json").json();
        assertFalse(doc.get("diff").asText().contains("win:"), doc.get("diff").asText());
        JsonNode wifi = null;
        for (JsonNode c : doc.get("changed")) {
            assertFalse(c.get("name").asText().contains("win:"), c.toString());
            assertTrue(c.get("id").asText().startsWith("win:"), c.toString());
            if (c.get("name").asText().equals("Wi-Fi (IPv4)")) {
                wifi = c;
            }
        }
        assertTrue(wifi != null && wifi.get("id").asText().matches("win:adapter:\\{[0-9a-f-]+\\}:ipv4"), doc.toString());
    }
}
