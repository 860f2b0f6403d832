package org.port853.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ServerAddress;
import org.port853.ui.common.I18n;

/** "Current server" names the server queries go to now, also when only a link has servers. */
class CurrentServersTest {
    private static GlobalState global(ServerAddress current) {
        return new GlobalState(current == null ? List.of() : List.of(current), List.of(), current, DotMode.OFF,
                DnssecMode.NO, false, List.of(), "yes", "stub");
    }

    private static LinkState link(String name, String current) {
        return new LinkState(2, name, List.of(ServerAddress.parse("198.18.61.4")), DotMode.OFF, null,
                List.of(new DomainEntry(".", true)), true, current == null ? null : ServerAddress.parse(current));
    }

    @Test
    @DisplayName("servers only on a link: the link's current server with its name, not 'none yet'")
    void linksCurrentServer() {
        assertEquals("198.18.61.4 (eth0)", StatusViewModel.currentServers(global(null),
                List.of(link("eth0", "198.18.61.4"), link("wlan0", null))));
    }

    @Test
    @DisplayName("the global server when there is one; none anywhere: 'none yet'")
    void globalFirstThenNone() {
        assertEquals("9.9.9.9#dns.quad9.net", StatusViewModel.currentServers(global(
                ServerAddress.parse("9.9.9.9#dns.quad9.net")), List.of(link("eth0", "198.18.61.4"))));
        assertEquals(I18n.t("status.noCurrent"), StatusViewModel.currentServers(global(null),
                List.of(link("eth0", null))));
    }

    @Test
    @DisplayName("a server the system names with a TLS name that is no host name: shown with that name, escaped")
    void aNameThatIsNoHostNameIsShownEscaped() {
        assertEquals("198.18.0.2#dns\\x01x\\u202eelpmaxe.test", StatusViewModel.currentServers(global(
                ServerAddress.parseReported("198.18.0.2#dns\u0001x\u202eelpmaxe.test")), List.of()));
    }
}
