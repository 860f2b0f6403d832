package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.port853.core.UnclaimedNames.Route;

/**
 * Every corner of where resolved sends a name that no routing domain claims (dns_scope_good_domain): which links take
 * it, and whether it can leave there in plaintext or fall back to it. Rows marked "was" are verdicts that differed
 * between the assessment, the health check and the fallback probe before they shared this rule.
 */
class UnclaimedNamesTest {
    private static final ServerAddress GLOBAL = ServerAddress.parse("198.18.0.2#dot.test");
    private static final ServerAddress ROUTER = ServerAddress.parse("192.168.1.1");
    private static final ServerAddress VPN = ServerAddress.parse("10.8.0.1");
    private static final DomainEntry ALL = new DomainEntry(".", true);
    private static final DomainEntry CORP = new DomainEntry("corp.example", true);

    /** One row: the global settings, the link asked about (eth0), other links, and the three answers. */
    private record Row(String what, GlobalState global, LinkState link, List<LinkState> others, Route route,
                       boolean plaintext, boolean fallsBack) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // which links take the names
                row("default route beside global servers", global(DotMode.STRICT, true), eth0(null, true),
                        Route.DEFAULT_ROUTE, false, false),
                row("default route, no global servers", global(DotMode.STRICT, false), eth0(null, true),
                        Route.DEFAULT_ROUTE, false, false),
                row("global ~. with global servers claims every name: the default route gets none",
                        global(DotMode.OPPORTUNISTIC, true, ALL), eth0(DotMode.OPPORTUNISTIC, true), Route.NONE, false,
                        false),
                row("global ~. without global servers claims nothing (was: the health check left the link out)",
                        global(DotMode.OPPORTUNISTIC, false, ALL), eth0(null, true), Route.DEFAULT_ROUTE, true, true),
                row("DefaultRoute=no", global(DotMode.OPPORTUNISTIC, true), eth0(null, false), Route.NONE, false,
                        false),
                row("no servers of its own", global(DotMode.OPPORTUNISTIC, true), link(2, "eth0", List.of(),
                        null, true), Route.NONE, false, false),
                row("its own ~., DefaultRoute=no", global(DotMode.STRICT, true), eth0(DotMode.OFF, false, ALL),
                        Route.OWN_CATCH_ALL, true, false),
                row("its own ~. ties with a global ~. (was: the health check's fallback left it out)",
                        global(DotMode.STRICT, true, ALL), eth0(DotMode.OPPORTUNISTIC, true, ALL),
                        Route.OWN_CATCH_ALL, true, true),
                row("its own ~. without servers claims nothing", global(DotMode.STRICT, true),
                        link(2, "eth0", List.of(), DotMode.OFF, false, ALL), Route.NONE, false, false),
                row("another link's ~. claims every name: the default route gets none (was: taken everywhere)",
                        global(DotMode.STRICT, true), eth0(DotMode.OPPORTUNISTIC, true), List.of(link(3, "tun0",
                                List.of(VPN), DotMode.OFF, false, ALL)), Route.NONE, false, false),
                row("another link's ~. without servers claims nothing", global(DotMode.STRICT, true),
                        eth0(DotMode.OPPORTUNISTIC, true), List.of(link(3, "tun0", List.of(), null, false, ALL)),
                        Route.DEFAULT_ROUTE, true, true),
                row("another link's own names only (~corp.example) leave the default route alone",
                        global(DotMode.STRICT, true), eth0(DotMode.OFF, true), List.of(link(3, "tun0", List.of(VPN),
                                null, false, CORP)), Route.DEFAULT_ROUTE, true, false),
                row("a routing domain of its own and the default route still takes the rest",
                        global(DotMode.STRICT, true), eth0(DotMode.OFF, true, CORP), Route.DEFAULT_ROUTE, true, false),
                // in which mode: its own, else the global one
                row("unset inherits global opportunistic (was: the health check read the link's own mode only)",
                        global(DotMode.OPPORTUNISTIC, true), eth0(null, true), Route.DEFAULT_ROUTE, true, true),
                row("unset inherits global strict", global(DotMode.STRICT, true), eth0(null, true),
                        Route.DEFAULT_ROUTE, false, false),
                row("unset with DNS-over-TLS unset globally: off", global(null, true), eth0(null, true),
                        Route.DEFAULT_ROUTE, true, false),
                row("its own opportunistic under global strict", global(DotMode.STRICT, true),
                        eth0(DotMode.OPPORTUNISTIC, true), Route.DEFAULT_ROUTE, true, true),
                row("its own strict under global opportunistic", global(DotMode.OPPORTUNISTIC, true),
                        eth0(DotMode.STRICT, true), Route.DEFAULT_ROUTE, false, false),
                row("its own off under global strict: always plaintext, never a fallback", global(DotMode.STRICT, true),
                        eth0(DotMode.OFF, true), Route.DEFAULT_ROUTE, true, false),
                row("global settings unknown: unset is off", null, eth0(null, true), Route.DEFAULT_ROUTE, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersAsResolvedRoutes(Row r) {
        List<LinkState> links = new ArrayList<>(r.others());
        links.add(0, r.link());
        UnclaimedNames names = UnclaimedNames.of(r.global(), links);
        assertEquals(List.of(r.route(), r.route() != Route.NONE, r.plaintext(), r.fallsBack()),
                List.of(names.route(r.link()), names.reach(r.link()), names.mayLeaveInPlaintext(r.link()),
                        names.fallBackToPlaintext(r.link())), r.what());
    }

    private static Arguments row(String what, GlobalState g, LinkState link, Route route, boolean plaintext,
                                 boolean fallsBack) {
        return row(what, g, link, List.of(), route, plaintext, fallsBack);
    }

    private static Arguments row(String what, GlobalState g, LinkState link, List<LinkState> others, Route route,
                                 boolean plaintext, boolean fallsBack) {
        return Arguments.of(new Row(what, g, link, others, route, plaintext, fallsBack));
    }

    private static GlobalState global(DotMode mode, boolean servers, DomainEntry... domains) {
        return new GlobalState(servers ? List.of(GLOBAL) : List.of(), List.of(), null, mode, null, false,
                List.of(domains), null, null);
    }

    private static LinkState eth0(DotMode mode, boolean defaultRoute, DomainEntry... domains) {
        return link(2, "eth0", List.of(ROUTER), mode, defaultRoute, domains);
    }

    private static LinkState link(int index, String name, List<ServerAddress> servers, DotMode mode,
                                  boolean defaultRoute, DomainEntry... domains) {
        return new LinkState(index, name, servers, mode, null, List.of(domains), defaultRoute, null);
    }
}
