package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.ui.apply.ChangeSummary;

/** The apply sheet's first line names everything the change sets, also what is not a server or the mode. */
class ChangeSummaryTest {
    private static final List<ServerAddress> SERVERS = List.of(ServerAddress.parse("198.18.0.2#dot.test"));
    private final ResolverState strictAll = Fakes.strictState(SERVERS, true); // DNSSEC no

    private String said(DnssecMode dnssec, boolean allDomains) {
        return ChangeSummary.describe(strictAll, new DesiredSettings(SERVERS, DotMode.STRICT, dnssec, allDomains,
                List.of()), false, List.of());
    }

    @Test
    @DisplayName("a change of DNSSEC alone says DNSSEC: before → after")
    void dnssecIsSaid() {
        assertEquals("Servers: 198.18.0.2 (dot.test) · Mode: strict · All domains · DNSSEC: No → Allow downgrade",
                said(DnssecMode.ALLOW_DOWNGRADE, true));
    }

    @Test
    @DisplayName("DNSSEC left alone or unchanged is not said; a change of the routing is said as before → after")
    void onlyWhatChanges() {
        assertEquals("Servers: 198.18.0.2 (dot.test) · Mode: strict · All domains", said(null, true));
        assertEquals("Servers: 198.18.0.2 (dot.test) · Mode: strict · All domains", said(DnssecMode.NO, true));
        assertEquals("Servers: 198.18.0.2 (dot.test) · Mode: strict · All domains → Network servers still used for some names",
                said(null, false));
    }

    @Test
    @DisplayName("routing all domains names the network's own servers that took names until now (window walkthrough: "
            + "the preview said nothing of the link's router)")
    void theLinksOwnServersAreNamed() {
        ResolverState plaintext = Fakes.plaintextState(null);
        ResolverState withRouter = new ResolverState(plaintext.resolverName(), plaintext.source(), plaintext.installed(),
                plaintext.running(), plaintext.global(), List.of(new org.port853.core.LinkState(2, "eth0",
                List.of(ServerAddress.parse("198.18.121.4")), null, null, List.of(), true, null)), null, null,
                plaintext.platform());
        String said = ChangeSummary.describe(withRouter, new DesiredSettings(SERVERS, DotMode.STRICT, null, true,
                List.of()), false, List.of());
        assertEquals(true, said.contains("All domains, no longer also to the network's own servers: 198.18.121.4 (eth0)"),
                said);
        String some = ChangeSummary.describe(withRouter, new DesiredSettings(SERVERS, DotMode.STRICT, null, false,
                List.of()), false, List.of());
        assertEquals(false, some.contains("198.18.121.4"), some);
        ResolverState withCatchAll = new ResolverState(plaintext.resolverName(), plaintext.source(),
                plaintext.installed(), plaintext.running(), plaintext.global(), List.of(new org.port853.core.LinkState(2,
                "tun0", List.of(ServerAddress.parse("10.8.0.1")), null, null, List.of(new org.port853.core.DomainEntry(
                ".", true)), false, null)), null, null, plaintext.platform());
        String kept = ChangeSummary.describe(withCatchAll, new DesiredSettings(SERVERS, DotMode.STRICT, null, true,
                List.of()), false, List.of());
        assertEquals(false, kept.contains("10.8.0.1"), "its own ~. ties with the global one, it keeps taking names: "
                + kept);
    }
}
