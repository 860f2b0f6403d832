package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.GlobalState;
import org.port853.core.ProviderCatalog;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;
import org.port853.platform.linux.LinuxDetails;
import org.port853.probe.pins.PinRecord;
import org.port853.probe.pins.PinStore;

@DisplayName("status says an unaccepted key change of a server in use, as the window's Status does")
class StatusKeyChangeTest {
    private static final String IN_USE = "9.9.9.9#dns.quad9.net";
    private static final String PIN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String OTHER_KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    final CliCommandsTest.RecordingAdapter adapter = new CliCommandsTest.RecordingAdapter();

    @TempDir
    Path dir;

    /** Strict mode with every name routed to the encrypted server and programs asking the stub: PROTECTED. */
    StatusKeyChangeTest() {
        GlobalState g = new GlobalState(List.of(ServerAddress.parse(IN_USE)), List.of(), null, DotMode.STRICT,
                DnssecMode.ALLOW_DOWNGRADE, true, List.of(new DomainEntry(".", true)), "yes", "stub");
        adapter.state = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                        "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")),
                        List.of(new DropIn(CliCommandsTest.DROP_IN, true, false, Map.of(), null))));
    }

    CliRuns.Run run(String... args) {
        return CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled, catalog -> {
            throw new AssertionError("status probes no server");
        }), CliRuns.pinStore(dir.resolve("pins.json")), args);
    }

    void record(String server, String lastSeen) throws Exception {
        PinStore s = PinStore.load(dir.resolve("pins.json"));
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        s.put(new PinRecord(server, PIN, "tofu", "CN=Test CA", t, t, lastSeen));
        s.save();
    }

    @Test
    @DisplayName("a server in use whose last check saw another key: PARTIAL with PIN_CHANGED and how to accept the key, "
            + "in text and --json; exit 0 as for every verdict")
    void changedKeyOfAServerInUseIsAReason() throws Exception {
        assertEquals("PROTECTED", run("status", "--json").json().at("/assessment/verdict").asText(), "before");
        record(IN_USE, OTHER_KEY);

        CliRuns.Run text = run("status");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("Verdict: PARTIAL\n"), text.out());
        assertTrue(text.out().contains("  - The key of " + IN_USE + " is not its recorded pin: someone on the network "
                + "may be intercepting DNS-over-TLS"), text.out());
        assertTrue(text.out().contains("port853 pins --accept " + IN_USE + "."), text.out());

        CliRuns.Run json = run("status", "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode a = json.json().at("/assessment");
        assertEquals("PARTIAL", a.get("verdict").asText());
        JsonNode reason = a.get("reasons").get(0);
        assertEquals("PIN_CHANGED", reason.get("code").asText());
        assertEquals("WARNING", reason.get("severity").asText());
    }

    @Test
    @DisplayName("a key change of a server no longer in use, or one already accepted, is no risk now")
    void changeOfAServerNotInUseOrAcceptedIsNone() throws Exception {
        record("198.51.100.7#other.example", OTHER_KEY);
        record(IN_USE, PIN);
        JsonNode a = run("status", "--json").json().at("/assessment");
        assertEquals("PROTECTED", a.get("verdict").asText(), a.toString());
        assertFalse(a.toString().contains("PIN_CHANGED"), a.toString());
    }

    @Test
    @DisplayName("without pins (the demo's sample machine) this computer's store is not read")
    void noPinsNoStore() throws Exception {
        record(IN_USE, OTHER_KEY);
        CliRuns.Run r = CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled),
                CliRuns.pinStore(dir.resolve("pins.json")), "status", "--json");
        assertEquals("PROTECTED", r.json().at("/assessment/verdict").asText(), r.out());
    }

    @Test
    @DisplayName("a pin file that cannot be read is said on stderr; status still reports the resolver")
    void unreadablePinFileIsSaid() throws Exception {
        Files.createDirectories(dir.resolve("pins.json"));
        CliRuns.Run r = run("status");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Verdict: PROTECTED\n"), r.out());
        assertTrue(r.err().contains("is a directory") && r.err().contains("whether a server's key changed is not known"),
                r.err());
    }
}
