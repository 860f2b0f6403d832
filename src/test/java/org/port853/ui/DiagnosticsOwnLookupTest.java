package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;
import org.port853.core.ProviderCatalog;
import org.port853.core.ServerAddress;
import org.port853.ui.diagnostics.SystemDiagnostics;

/** The resolver's lookup that Diagnostics makes is Port853's own: the capture must not tell it as the user's leak. */
class DiagnosticsOwnLookupTest {
    @Test
    @DisplayName("Run diagnostics notes its resolver lookup as Port853's own while it is asked")
    void theChecksLookupIsOwn() throws Exception {
        // a closed loopback port: the server probe is refused at once, nothing leaves the machine
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(
                List.of(ServerAddress.parse("127.0.0.1:9#dot.test")), true));
        adapter.ownLookupName = "p853-check.example.com";
        OwnLookups own = new OwnLookups();
        AtomicBoolean toldAsOwn = new AtomicBoolean();
        adapter.duringLookup = () -> toldAsOwn.set(own.covers(new LeakRecord(Instant.now(), "eth0", "198.18.0.4",
                "p853-check.example.com", "A", null)));
        new SystemDiagnostics(adapter, ProviderCatalog::bundled, own).doctor();
        assertEquals(1, adapter.lookups.get(), "the checks look a name up through the resolver");
        assertTrue(toldAsOwn.get(), "a capture of that lookup is told as Port853's own");
    }
}
