package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;

/** The plan names the link that would inherit strict mode before the change is made. */
class InheritedStrictNoteTest {
    private static final ServerAddress GOOD = ServerAddress.parse("198.18.53.2#dot.test");
    private static final ServerAddress ROUTER = ServerAddress.parse("198.18.53.4");

    /** Today's settings: DNS-over-TLS {@code global} with no servers; eth0 the router's, reported in {@code linkDot}. */
    private static ResolverState desktop(DotMode global, DotMode linkDot, boolean defaultRoute, List<DomainEntry> d) {
        GlobalState g = new GlobalState(List.of(), List.of(), null, global, null, false, List.of(), "yes", "stub");
        LinkState eth0 = new LinkState(2, "eth0", List.of(ROUTER), linkDot, null, d, defaultRoute, ROUTER);
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(eth0), null, null,
                LinuxDetails.UNKNOWN);
    }

    private static DesiredSettings strict(boolean allDomains) {
        return new DesiredSettings(List.of(GOOD), DotMode.STRICT, DnssecMode.NO, allDomains, List.of());
    }

    @Test
    @DisplayName("strict without --all-domains, the router's link reading today's global mode (its own unset): named "
            + "with the fix")
    void aLinkThatWouldInheritStrictModeIsNamed() {
        List<Sentence> notes = InheritedStrictNote.notes(strict(false), desktop(DotMode.OFF, DotMode.OFF, true,
                List.of()));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).english().startsWith("link eth0 has its own DNS server (198.18.53.4, default route) "
                + "and would inherit strict mode"), notes.get(0).english());
        assertTrue(notes.get(0).english().contains("--all-domains"), notes.get(0).english());
        assertEquals("plan.strict-link", notes.get(0).words().wording());
        assertEquals(1, InheritedStrictNote.notes(strict(false), desktop(DotMode.STRICT, DotMode.STRICT, true,
                List.of())).size(), "a re-apply under strict mode: the link reads strict with an unnamed server");
    }

    @Test
    void noNoteWhereTheLinkWouldNotTakeTheNamesOrNotInheritTheMode() {
        assertEquals(List.of(), InheritedStrictNote.notes(strict(true), desktop(DotMode.OFF, DotMode.OFF, true,
                List.of())), "all names routed");
        assertEquals(List.of(), InheritedStrictNote.notes(new DesiredSettings(List.of(GOOD), DotMode.OPPORTUNISTIC,
                DnssecMode.NO, false, List.of()), desktop(DotMode.OFF, DotMode.OFF, true, List.of())), "opportunistic");
        assertEquals(List.of(), InheritedStrictNote.notes(strict(false), desktop(DotMode.OFF, DotMode.OPPORTUNISTIC,
                true, List.of())), "its own mode differs from today's global one: set on the link, kept");
        assertEquals(List.of(), InheritedStrictNote.notes(strict(false), desktop(DotMode.OFF, DotMode.OFF, false,
                List.of(new DomainEntry("corp.test", true)))), "off the default route");
    }
}
