package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
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

class OwnLeaksTest {
    private static final Instant CHANGE = Instant.parse("2026-12-05T09:00:00Z");
    private static final LeakRecord LEAK = new LeakRecord(CHANGE.plusSeconds(10), "eth0", "198.18.132.4", "foo.test",
            "A", null);

    private static ResolverState linkPlaintext() {
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true,
                new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, true, List.of(), "yes", "stub"),
                List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.132.4")), null, null, List.of(),
                        true, null)), null, null, null);
    }

    private static ResolverState strictElsewhere() {
        ServerAddress dot = ServerAddress.parse("198.18.132.2#dot.test");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true,
                new GlobalState(List.of(dot), List.of(), dot, DotMode.STRICT, DnssecMode.NO, true,
                        List.of(new DomainEntry(".", true)), "yes", "stub"),
                List.of(new LinkState(2, "eth0", List.of(), null, null, List.of(), true, null)), null, null, null);
    }

    @Test
    @DisplayName("a leak judged the resolver's is judged again once the settings change: to a server they no longer "
            + "name, after the change, it is a program's own")
    void theResolversLeakIsJudgedAgainUnderNewSettings() {
        OwnLeaks own = new OwnLeaks();
        assertFalse(own.test(LEAK, linkPlaintext(), CHANGE), "the link's plaintext server: the resolver's leak");
        assertFalse(own.test(LEAK, linkPlaintext(), CHANGE), "asked again under the same settings: the same answer");
        assertTrue(own.test(LEAK, strictElsewhere(), CHANGE), "the settings no longer name .4: a program asked it");
        assertTrue(own.test(LEAK, linkPlaintext(), CHANGE), "once a program's own, it stays so");
    }

    @Test
    @DisplayName("the same settings with a later change are judged again too (a leak from before it is not a program's)")
    void aNewChangeTimeIsJudgedAgain() {
        OwnLeaks own = new OwnLeaks();
        assertFalse(own.test(LEAK, strictElsewhere(), CHANGE.plusSeconds(60)), "from before the change");
        assertTrue(own.test(LEAK, strictElsewhere(), CHANGE), "after the change");
    }

    private static ResolverState nothingConfigured() {
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true,
                new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, true, List.of(), "yes", "stub"),
                List.of(new LinkState(2, "eth0", List.of(), null, null, List.of(), true, null)), null, null, null);
    }

    private static ResolverState opportunisticOnTheLeaksServer() {
        ServerAddress plainOnly = ServerAddress.parse("198.18.132.4#dot.test");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true,
                new GlobalState(List.of(plainOnly), List.of(), plainOnly, DotMode.OPPORTUNISTIC, DnssecMode.NO, true,
                        List.of(new DomainEntry(".", true)), "yes", "stub"),
                List.of(new LinkState(2, "eth0", List.of(), null, null, List.of(), true, null)), null, null, null);
    }

    @Test
    @DisplayName("an unidentified sender's leak judged a program's own by settings read before it is judged again when "
            + "the next reading shows the settings changed before it (the resolver's fallback during a change made "
            + "elsewhere)")
    void anUnidentifiedLeakIsJudgedAgainWhenTheSettingsChangedBeforeIt() {
        OwnLeaks own = new OwnLeaks();
        assertTrue(own.test(LEAK, nothingConfigured(), null), "no setting names .4: judged a program's own");
        assertTrue(own.test(LEAK, nothingConfigured(), null), "asked again under the same settings: the same answer");
        assertFalse(own.test(LEAK, opportunisticOnTheLeaksServer(), CHANGE),
                "changed at the latest at the reading before the leak: the resolver's opportunistic fallback");
    }

    @Test
    @DisplayName("a change known to come after the leak, or a sender that was identified, keeps a program's own leak so")
    void aChangeAfterTheLeakOrANamedSenderKeepsItOwn() {
        OwnLeaks own = new OwnLeaks();
        assertTrue(own.test(LEAK, nothingConfigured(), null));
        assertTrue(own.test(LEAK, opportunisticOnTheLeaksServer(), CHANGE.plusSeconds(60)),
                "the change came after the leak (Protect made .4 the resolver's server): the program asked it itself");
        LeakRecord dig = new LeakRecord(CHANGE.plusSeconds(10), "eth0", "198.18.132.4", "foo.test", "A", "dig (812)");
        assertTrue(own.test(dig, nothingConfigured(), null));
        assertTrue(own.test(dig, opportunisticOnTheLeaksServer(), CHANGE), "dig asked .4 itself, whatever the settings");
    }
}
