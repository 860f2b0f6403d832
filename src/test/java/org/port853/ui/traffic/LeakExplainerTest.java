package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;

class LeakExplainerTest {
    private static final ServerAddress QUAD9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");

    private static ResolverState state(DotMode global) {
        GlobalState g = new GlobalState(List.of(QUAD9), List.of(), QUAD9, global, DnssecMode.NO, true, List.of(),
                "yes", "stub");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(
                new LinkState(2, "wlan0", List.of(ServerAddress.parse("192.168.1.1")), DotMode.OFF, null,
                        List.of(new DomainEntry("home.arpa", false), new DomainEntry("corp.example", true)), true, null)),
                null, null, null);
    }

    private static LeakRecord leak(String name, String server, String process) {
        return new LeakRecord(Instant.EPOCH, "wlan0", server, name, "A", process);
    }

    @Test
    void splitDnsOnlyForNamesUnderTheLinksDomains() {
        assertEquals(LeakExplainer.Cause.SPLIT_DNS,
                LeakExplainer.explain(leak("wiki.corp.example", "192.168.1.1", null), state(DotMode.STRICT)).cause());
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT,
                LeakExplainer.explain(leak("tracker.example.com", "192.168.1.1", null), state(DotMode.STRICT)).cause());
    }

    @Test
    void programsWithTheirOwnResolverAndOpportunisticFallback() {
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER,
                LeakExplainer.explain(leak("a.example", "8.8.8.8", "firefox"), state(DotMode.STRICT)).cause());
        assertEquals(LeakExplainer.Cause.OPPORTUNISTIC_FALLBACK,
                LeakExplainer.explain(leak("a.example", "9.9.9.9", "systemd-resolve"), state(DotMode.OPPORTUNISTIC)).cause());
        assertEquals(LeakExplainer.Cause.UNKNOWN,
                LeakExplainer.explain(leak("a.example", "203.0.113.9", null), state(DotMode.STRICT)).cause());
    }

    @Test
    void localNamesOnTheLocalNetworkAreNoLeak() {
        LeakExplainer.Why w = org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> LeakExplainer.explain(
                leak("nas.home.arpa", "192.168.1.1", "avahi-daemon (5)"), state(DotMode.STRICT)));
        assertEquals(LeakExplainer.Cause.LOCAL_NAME, w.cause());
        assertEquals("Nothing to fix.", w.fix());
        org.junit.jupiter.api.Assertions.assertTrue(w.text().startsWith("nas.home.arpa is a name of your local network"),
                w.text());
        // a local name sent to a resolver on the internet is a leak of its own
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER,
                LeakExplainer.explain(leak("nas.home.arpa", "8.8.8.8", "firefox"), state(DotMode.STRICT)).cause());
    }
}
