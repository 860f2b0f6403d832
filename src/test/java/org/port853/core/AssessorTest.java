package org.port853.core;

import org.port853.platform.linux.LinuxDetails;
import org.port853.platform.linux.LinuxRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Assessor: verdicts and reason codes")
class AssessorTest {
    static final ServerAddress QUAD9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
    static final ServerAddress ROUTER = ServerAddress.parse("192.168.1.1");
    static final ResolvConfState STUB = new ResolvConfState(ResolvConfState.Kind.STUB,
            "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53"));

    /** A hand-built state, protected by default; tests change one thing at a time. */
    static final class S {
        boolean installed = true;
        boolean running = true;
        StateSource source = StateSource.DBUS;
        int version = 252;
        List<ServerAddress> servers = List.of(QUAD9);
        List<ServerAddress> fallback = List.of();
        DotMode mode = DotMode.STRICT;
        DnssecMode dnssec = DnssecMode.ALLOW_DOWNGRADE;
        List<DomainEntry> domains = List.of(new DomainEntry(".", true));
        boolean unreadable;
        List<LinkState> links = new ArrayList<>();
        ResolvConfState rc = STUB;
        List<DropIn> dropIns = new ArrayList<>();
        PendingChange pending;
        boolean systemdBooted = true;
        UnicodeTlsNames unicodeTlsNames = UnicodeTlsNames.UNKNOWN;

        ResolverState build() {
            GlobalState g = unreadable ? null : new GlobalState(servers, fallback, null, mode, dnssec, true, domains,
                    "yes", "stub");
            return new ResolverState("systemd-resolved", source, installed, running, g, links, pending, unreadable ? "the bus said no" : null,
                new LinuxDetails(version, rc, dropIns, null, systemdBooted, null, false, null, null,
                        "/etc/systemd/resolved.conf", null, false, null, false, null, null, unicodeTlsNames));
        }

        /** The neutral rules with systemd-resolved's, as the Linux adapter assesses. */
        Assessment assess() {
            ResolverState s = build();
            return Assessor.assess(s, new LinuxRules().assess(s));
        }
    }

    static LinkState link(String name, List<ServerAddress> servers, DotMode mode, boolean defaultRoute,
                          DomainEntry... domains) {
        return new LinkState(2, name, servers, mode, null, List.of(domains), defaultRoute, null);
    }

    static Optional<Reason> reason(Assessment a, String code) {
        return a.reasons().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    static Reason require(Assessment a, String code) {
        Optional<Reason> r = reason(a, code);
        assertTrue(r.isPresent(), "expected " + code + " in " + a.reasons());
        assertFalse(r.get().message().isBlank());
        assertFalse(r.get().fix().isBlank());
        return r.get();
    }

    static void codes(Assessment a, String... expected) {
        assertEquals(List.of(expected), a.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void strictWithNamesRouteAllStubIsProtectedWithoutReasons() {
        Assessment a = new S().assess();
        assertEquals(Verdict.PROTECTED, a.verdict());
        codes(a);
    }

    @Test
    void sameStateSameAssessment() {
        S s = new S();
        s.mode = DotMode.OPPORTUNISTIC;
        assertEquals(s.assess(), s.assess());
    }

    @Nested
    @DisplayName("unavailable resolver")
    class Unavailable {
        @Test
        void notInstalled() {
            S s = new S();
            s.installed = false;
            s.running = false;
            s.unreadable = true;
            Assessment a = s.assess();
            assertEquals(Verdict.UNAVAILABLE, a.verdict());
            codes(a, "RESOLVER_MISSING");
            assertTrue(a.reasons().get(0).message().contains("systemd-resolved is not installed"));
        }

        @Test
        void notRunning() {
            S s = new S();
            s.running = false;
            s.unreadable = true;
            Assessment a = s.assess();
            assertEquals(Verdict.UNAVAILABLE, a.verdict());
            codes(a, "RESOLVER_STOPPED");
            assertTrue(require(a, "RESOLVER_STOPPED").fix().contains("systemctl enable --now"));
        }

        @Test
        @DisplayName("where systemd is not the init system (a container, WSL without systemd), a stopped or missing "
                + "resolver's fix says so instead of a systemctl or install command that cannot start it")
        void noSystemdInit() {
            S s = new S();
            s.running = false;
            s.unreadable = true;
            s.systemdBooted = false;
            Reason stopped = require(s.assess(), "RESOLVER_STOPPED");
            assertTrue(stopped.fix().startsWith("This system was not started by systemd") && !stopped.fix().contains("systemctl"),
                    stopped.fix());
            assertEquals(List.of("1"), stopped.details(), "the window's text and the switch's command follow this");
            s.installed = false;
            Reason missing = require(s.assess(), "RESOLVER_MISSING");
            assertTrue(missing.fix().startsWith("This system was not started by systemd")
                    && missing.fix().contains("install systemd-resolved"), missing.fix());
            s.systemdBooted = true;
            assertEquals(List.of("0"), require(s.assess(), "RESOLVER_MISSING").details());
        }

        @Test
        void unreadable() {
            S s = new S();
            s.unreadable = true;
            s.source = StateSource.NONE;
            Assessment a = s.assess();
            assertEquals(Verdict.UNAVAILABLE, a.verdict());
            codes(a, "STATE_UNREADABLE");
            assertTrue(a.reasons().get(0).message().contains("the bus said no"));
        }
    }

    @Nested
    @DisplayName("servers and modes")
    class Servers {
        @Test
        @DisplayName("an interrupted change alone makes the verdict PARTIAL (unchecked, as the window's At risk), not "
                + "BROKEN: names may well resolve; what else is wrong beside it still counts")
        void pendingChangeIsAtRiskWhateverResolvedSays() {
            S s = new S();
            s.pending = new PendingChange("id-1", Instant.parse("2024-05-01T10:00:00Z"), "DNS-over-TLS strict");
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict(), a.reasons().toString());
            assertEquals(Severity.WARNING, require(a, "CHANGE_INTERRUPTED").severity());
            Reason r = require(a, "CHANGE_INTERRUPTED");
            assertEquals(FixAction.RECOVER, r.fixAction());
            assertTrue(r.message().contains("2024-05-01T10:00:00Z"));
            assertTrue(r.fix().contains("port853 recover"));
        }

        @Test
        @DisplayName("a change still being made (its process runs) is said as such, not as interrupted or broken")
        void changeInProgressIsNotBroken() {
            S s = new S();
            s.pending = new PendingChange("id-1", Instant.parse("2024-05-01T10:00:00Z"), "DNS-over-TLS strict", true);
            Assessment a = s.assess();
            assertEquals(Verdict.PROTECTED, a.verdict(), a.reasons().toString());
            assertEquals(Severity.INFO, require(a, "CHANGE_IN_PROGRESS").severity());
            assertTrue(require(a, "CHANGE_IN_PROGRESS").fix().contains("a recovery at boot waits up to 5 minutes"),
                    "recover takes the change over while it checks, at boot for minutes");
            assertTrue(a.reasons().stream().noneMatch(r -> r.code().equals("CHANGE_INTERRUPTED")));
        }

        @Test
        @DisplayName("the fixes that turn encryption on name the command, as the link fixes do: status and doctor print them")
        void encryptionFixesNameTheCommand() {
            S off = new S();
            off.mode = DotMode.OFF;
            S none = new S();
            none.servers = List.of();
            S opportunistic = new S();
            opportunistic.mode = DotMode.OPPORTUNISTIC;
            S noGlobal = new S();
            noGlobal.servers = List.of();
            noGlobal.links.add(link("eth0", List.of(ROUTER), null, true));
            assertTrue(require(off.assess(), "DOT_OFF").fix().contains("port853 apply --mode strict --provider ID"));
            assertTrue(require(none.assess(), "NO_SERVERS").fix().contains("port853 apply --mode strict --provider ID"));
            assertTrue(require(noGlobal.assess(), "NO_GLOBAL_SERVERS").fix().contains("port853 apply --mode strict"));
            assertTrue(require(opportunistic.assess(), "OPPORTUNISTIC").fix().contains("port853 apply --mode strict"));
        }

        @Test
        void dotOffIsNotEncrypted() {
            S s = new S();
            s.mode = DotMode.OFF;
            s.dnssec = DnssecMode.NO;
            Assessment a = s.assess();
            assertEquals(Verdict.NOT_ENCRYPTED, a.verdict());
            assertEquals("DOT_OFF", a.reasons().get(0).code(), "sorted worst first");
            assertEquals(FixAction.ENABLE_DOT, require(a, "DOT_OFF").fixAction());
            Reason dnssec = require(a, "DNSSEC_OFF");
            assertEquals("DNSSEC validation is off: answers are neither encrypted nor cryptographically validated.",
                    dnssec.message(), "never claims encryption when there is none");
            assertEquals(List.of("0"), dnssec.details());
        }

        @Test
        void nullModeCountsAsOff() {
            S s = new S();
            s.mode = null;
            assertEquals(Verdict.NOT_ENCRYPTED, s.assess().verdict());
        }

        @Test
        void noServersAnywhereIsBroken() {
            S s = new S();
            s.servers = List.of();
            Assessment a = s.assess();
            assertEquals(Verdict.BROKEN, a.verdict());
            require(a, "NO_SERVERS");
        }

        @Test
        @DisplayName("no server in the resolver, but the C library follows a static resolv.conf to a network server: "
                + "names resolve, in plaintext (re-check walkthrough: 'BROKEN, names cannot resolve' while getent "
                + "answered through .4)")
        void noServersButTheFileIsNotEncryptedNotBroken() {
            S s = new S();
            s.servers = List.of();
            s.rc = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("198.18.124.4"), true);
            Assessment a = s.assess();
            assertEquals(Verdict.NOT_ENCRYPTED, a.verdict(), a.reasons().toString());
            assertEquals(Severity.WARNING, require(a, "NO_SERVERS").severity());
            require(a, "RESOLV_CONF_STATIC");
            s.rc = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("198.18.124.4"), false);
            assertEquals(Verdict.BROKEN, s.assess().verdict(), "only programs that read the file themselves: broken");
        }

        @Test
        @DisplayName("no server anywhere and resolv.conf links to resolved's uplink file, which then names none: broken, "
                + "not 'programs resolve names through the servers /etc/resolv.conf names'")
        void noServersAndAnEmptyUplinkFileIsBroken() {
            S s = new S();
            s.servers = List.of();
            s.rc = new ResolvConfState(ResolvConfState.Kind.UPLINK, "/run/systemd/resolve/resolv.conf", List.of(), true);
            Assessment a = s.assess();
            assertEquals(Verdict.BROKEN, a.verdict(), a.reasons().toString());
            assertEquals(Severity.BROKEN, require(a, "NO_SERVERS").severity());
        }

        @Test
        void dotOnWithoutGlobalServers() {
            S s = new S();
            s.servers = List.of();
            s.links.add(link("eth0", List.of(ROUTER), null, true));
            Assessment a = s.assess();
            require(a, "NO_GLOBAL_SERVERS");
        }

        @Test
        @DisplayName("no global servers and the only link never asks over TLS: nothing is encrypted (a global ~. "
                + "without servers claims no name, so the link's plaintext route is named too)")
        void noGlobalServersAndAPlaintextLinkIsNotEncrypted() {
            S s = new S();
            s.servers = List.of();
            s.links.add(link("eth0", List.of(ROUTER), DotMode.OFF, true));
            Assessment a = s.assess();
            assertEquals(Verdict.NOT_ENCRYPTED, a.verdict(), a.reasons().toString());
            assertEquals(Severity.UNENCRYPTED, require(a, "NO_GLOBAL_SERVERS").severity());
            require(a, "LINK_PLAINTEXT_DEFAULT_ROUTE");
            S inherits = new S();
            inherits.servers = List.of();
            inherits.links.add(link("eth0", List.of(ROUTER), null, true));
            assertEquals(Severity.WARNING, require(inherits.assess(), "NO_GLOBAL_SERVERS").severity(),
                    "the link inherits strict mode: its queries are encrypted or fail");
        }

        @Test
        @DisplayName("a plaintext link beside the encrypted servers: the fix routes all names to the servers in use "
                + "(a custom --server is kept), not 'choose a --provider'; with no servers at all it says choose one")
        void routeAllFixKeepsTheServersInUse() {
            S s = new S();
            s.domains = List.of(); // not routed yet
            s.links.add(link("eth0", List.of(ROUTER), DotMode.OFF, true));
            String fix = require(s.assess(), "LINK_PLAINTEXT_DEFAULT_ROUTE").fix();
            assertTrue(fix.contains("--all-domains with the same --provider or --server") && !fix.contains("--provider ID"),
                    fix);
            S none = new S();
            none.servers = List.of();
            none.links.add(link("eth0", List.of(ROUTER), DotMode.OFF, true));
            assertTrue(require(none.assess(), "LINK_PLAINTEXT_DEFAULT_ROUTE").fix().contains("--provider ID"));
        }

        @Test
        @DisplayName("DNS-over-TLS off globally without global servers, and a link that asks its own server over TLS: "
                + "the link's mode decides, not the global one (a VPN's or a connection's own setting)")
        void aLinkThatEncryptsItselfIsNotTurnedPlaintextByTheGlobalOff() {
            S s = new S();
            s.servers = List.of();
            s.mode = DotMode.OFF;
            s.dnssec = DnssecMode.NO;
            s.links.add(link("eth0", List.of(ServerAddress.parse("198.18.0.2#dot.test")), DotMode.STRICT, true));
            Assessment a = s.assess();
            assertEquals(Verdict.PROTECTED, a.verdict(), a.reasons().toString());
            assertTrue(reason(a, "DOT_OFF").isEmpty(), a.reasons().toString());
            Reason perLink = reason(a, "DOT_PER_LINK").orElseThrow();
            assertEquals(Severity.INFO, perLink.severity());
            assertEquals(List.of("eth0"), perLink.details());
            assertEquals(List.of("1"), require(a, "DNSSEC_OFF").details(), "encrypted in transit, as the link is");

            s.links.add(link("wlan0", List.of(ROUTER), DotMode.OFF, true));
            Assessment beside = s.assess();
            assertEquals(Verdict.NOT_ENCRYPTED, beside.verdict(), "the other link takes names in plaintext");
            assertEquals(Severity.UNENCRYPTED, require(beside, "LINK_PLAINTEXT_DEFAULT_ROUTE").severity());

            S opportunistic = new S();
            opportunistic.servers = List.of();
            opportunistic.mode = DotMode.OFF;
            opportunistic.links.add(link("eth0", List.of(ROUTER), DotMode.OPPORTUNISTIC, true));
            assertEquals(Verdict.PARTIAL, opportunistic.assess().verdict(), opportunistic.assess().reasons().toString());

            S globalServers = new S();
            globalServers.mode = DotMode.OFF;
            globalServers.links.add(link("eth0", List.of(ROUTER), DotMode.STRICT, true));
            assertEquals(Verdict.NOT_ENCRYPTED, globalServers.assess().verdict(), "global servers asked in plaintext");
            require(globalServers.assess(), "DOT_OFF");
        }

        @Test
        void opportunisticIsPartial() {
            S s = new S();
            s.mode = DotMode.OPPORTUNISTIC;
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            codes(a, "OPPORTUNISTIC");
            assertEquals(FixAction.USE_STRICT_MODE, a.reasons().get(0).fixAction());
        }

        @Test
        void systemd245HasNoNameCheck() {
            S s = new S();
            s.version = 245;
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            codes(a, "NO_NAME_CHECK", "TRANSPORT_UNREPORTED");
            assertTrue(a.reasons().get(0).message().contains("245"));
        }

        @Test
        void systemd238HasNoDot() {
            S s = new S();
            s.version = 238;
            Assessment a = s.assess();
            assertEquals(Verdict.NOT_ENCRYPTED, a.verdict());
            codes(a, "DOT_UNSUPPORTED");
        }

        @Test
        void unknownVersionIsNotPunished() {
            S s = new S();
            s.version = 0;
            assertEquals(Verdict.PROTECTED, s.assess().verdict());
        }

        @Test
        void strictServerWithoutName() {
            S s = new S();
            s.servers = List.of(QUAD9, ServerAddress.parse("149.112.112.112"));
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            Reason r = require(a, "SERVER_WITHOUT_NAME");
            assertTrue(r.message().contains("149.112.112.112"));
            assertFalse(r.message().contains("9.9.9.9,"), "only the unnamed server is listed");
        }

        @Test
        void strictFallbackWithoutNameIsOnlyInfo() {
            S s = new S();
            s.fallback = List.of(ROUTER);
            Assessment a = s.assess();
            assertEquals(Verdict.PROTECTED, a.verdict());
            assertEquals(Severity.INFO, require(a, "FALLBACK_WITHOUT_NAME").severity());
        }

        @Test
        void lookAlikeNameReadFromTheSystemIsShownAndSaid() {
            // "DNS=198.18.0.2#аррӏе.com" in a file someone else wrote (Cyrillic а, р, р, ӏ, е read as "apple")
            Assessment a = withReportedServers("198.18.0.2#\u0430\u0440\u0440\u04cf\u0435.com",
                    "10.8.0.1#dns.qu\u0430d9.net");
            Reason r = require(a, "LOOKALIKE_TLS_NAME");
            assertEquals(Severity.INFO, r.severity());
            assertEquals(List.of("198.18.0.2#xn--80ak6aa92e.com, 10.8.0.1#dns.xn--qud9-63d.net"), r.details());
            assertFalse(r.message().contains("9.9.9.9"), "a name that reads as itself is not listed");
            // the look-alike is information only; the names' being written in Unicode is a warning of its own
            assertEquals(java.util.Set.of("LOOKALIKE_TLS_NAME", "TLS_NAME_UNICODE"), a.reasons().stream()
                    .map(Reason::code).filter(c -> c.contains("NAME")).collect(java.util.stream.Collectors.toSet()));
            assertTrue(reason(new S().assess(), "LOOKALIKE_TLS_NAME").isEmpty());
        }

        @Test
        @DisplayName("a look-alike name in Unicode: its fix asks first whether it is the name meant, and offers no ASCII "
                + "form to write, which would pin the same, perhaps wrong, host")
        void aLookAlikeNameInUnicodeIsCheckedNotConverted() {
            // "DNS=198.18.0.2#аррӏе.com" (Cyrillic, reads "apple.com") and a link's "dns.quаd9.net" (one Cyrillic а)
            Reason r = require(withReportedServers("198.18.0.2#\u0430\u0440\u0440\u04cf\u0435.com",
                    "10.8.0.1#dns.qu\u0430d9.net"), "TLS_NAME_UNICODE");
            assertEquals("First check that the names of 198.18.0.2#xn--80ak6aa92e.com, 10.8.0.1#dns.xn--qud9-63d.net "
                    + "are the ones you mean: they read as look-alikes, and the ASCII form of each names the same host, so "
                    + "writing it so would only make that server work. If one is not, remove that server where it is set "
                    + "(resolved.conf, a drop-in, or the DNS settings of the connection), or choose a provider from the "
                    + "catalogue ('port853 providers'); only for one that is, write it in its ASCII form.", r.fix());
            assertEquals(List.of("", "2", "198.18.0.2#xn--80ak6aa92e.com, 10.8.0.1#dns.xn--qud9-63d.net", "2", "0"),
                    r.details().subList(1, 6), "no ASCII form offered");
        }

        @Test
        @DisplayName("look-alike and plain names in Unicode together: the look-alike question first, then the ASCII form "
                + "of the others only")
        void aLookAlikeNameBesideAPlainOne() {
            Reason r = require(withReportedServers("198.18.0.2#b\u00fccher.example",
                    "10.8.0.1#\u0430\u0440\u0440\u04cf\u0435.com"), "TLS_NAME_UNICODE");
            assertTrue(r.fix().startsWith("First check that the name of 10.8.0.1#xn--80ak6aa92e.com is the one you mean"),
                    r.fix());
            assertTrue(r.fix().endsWith("only if it is, write it in its ASCII form. Write the other name in its ASCII form "
                    + "where it is set (resolved.conf, a drop-in, or the DNS settings of the connection): "
                    + "198.18.0.2#xn--bcher-kva.example."), r.fix());
            assertEquals(List.of("198.18.0.2#xn--bcher-kva.example", "2", "10.8.0.1#xn--80ak6aa92e.com", "1", "1"),
                    r.details().subList(1, 6));
        }

        @Test
        @DisplayName("several look-alikes and several names to convert are spoken of in the plural")
        void severalLookAlikesAndPlainNames() {
            S s = new S();
            s.servers = List.of(QUAD9, ServerAddress.parseReported("198.18.0.2#b\u00fccher.example"),
                    ServerAddress.parseReported("198.18.0.3#m\u00fcller.example"));
            s.links.add(link("tun0", List.of(ServerAddress.parseReported("10.8.0.1#\u0430\u0440\u0440\u04cf\u0435.com"),
                    ServerAddress.parseReported("10.8.0.2#\u0440\u0430\u0443\u0440\u0430\u04cf.com")), DotMode.STRICT,
                    false));
            Reason r = require(s.assess(), "TLS_NAME_UNICODE");
            assertTrue(r.fix().startsWith("First check that the names of 10.8.0.1#xn--80ak6aa92e.com, 10.8.0.2#"), r.fix());
            assertTrue(r.fix().contains(" are the ones you mean: they read as look-alikes, and the ASCII form of each "
                    + "names the same host, so writing it so would only make that server work. If one is not, remove that "
                    + "server where it is set"), r.fix());
            assertTrue(r.fix().contains("only for one that is, write it in its ASCII form. Write the other names in their "
                    + "ASCII form where they are set (resolved.conf, a drop-in, or the DNS settings of the connection): "
                    + "198.18.0.2#xn--bcher-kva.example, 198.18.0.3#"), r.fix());
            assertEquals(List.of("2", "2"), r.details().subList(4, 6));
        }

        @Test
        @DisplayName("a name the system has in Unicode is said with what this build of resolved does with it, and its "
                + "ASCII form to write")
        void aNameInUnicodeIsSaidWithWhatThisBuildDoes() {
            // "DNS=198.18.0.2#bücher.example": 252 (OpenSSL) gave no answer in strict mode in the rig, 247 (GnuTLS) did
            S s = new S();
            s.servers = List.of(QUAD9, ServerAddress.parseReported("198.18.0.2#b\u00fccher.example"));
            s.links.add(link("tun0", List.of(ServerAddress.parseReported("10.8.0.1:853#b\u00fccher.example")),
                    DotMode.STRICT, false));
            for (UnicodeTlsNames build : UnicodeTlsNames.values()) {
                s.unicodeTlsNames = build;
                Reason r = require(s.assess(), "TLS_NAME_UNICODE");
                String detail = switch (build) {
                    case AS_WRITTEN -> "0";
                    case CONVERTED -> "1";
                    case UNKNOWN -> "2";
                    case UNDOCUMENTED -> "3";
                };
                assertEquals(List.of("198.18.0.2#b\\xfccher.example, 10.8.0.1:853#b\\xfccher.example",
                        "198.18.0.2#xn--bcher-kva.example, 10.8.0.1:853#xn--bcher-kva.example", detail, "", "0", "2"),
                        r.details());
                assertEquals(build == UnicodeTlsNames.CONVERTED ? Severity.INFO : Severity.WARNING, r.severity(), build.name());
                assertTrue(r.fix().endsWith(": 198.18.0.2#xn--bcher-kva.example, 10.8.0.1:853#xn--bcher-kva.example."),
                        r.fix());
            }
            s.unicodeTlsNames = UnicodeTlsNames.AS_WRITTEN;
            assertTrue(require(s.assess(), "TLS_NAME_UNICODE").message().contains("built with OpenSSL, which checks"));
            assertEquals(Verdict.PARTIAL, s.assess().verdict());
            s.unicodeTlsNames = UnicodeTlsNames.CONVERTED;
            assertTrue(require(s.assess(), "TLS_NAME_UNICODE").message().contains("built with GnuTLS"));
            assertEquals(Verdict.PROTECTED, s.assess().verdict(), "works here");
            s.servers = List.of(QUAD9, ServerAddress.parseReported("198.18.0.2#xn--bcher-kva.example"));
            s.links.clear();
            assertTrue(reason(s.assess(), "TLS_NAME_UNICODE").isEmpty(), "written in its ASCII form: nothing to say");
            assertTrue(reason(s.assess(), "TLS_NAME_NOT_HOST_NAME").isEmpty());
        }

        @Test
        void aNameThatIsNoHostNameIsShownEscapedAndSaid() {
            // "DNS=198.18.0.2#dns_x.example" and a link's "dns\u0001x.example": resolved takes both as written
            Assessment a = withReportedServers("198.18.0.2#dns_x.example", "10.8.0.1#dns\u0001x.example");
            Reason r = require(a, "TLS_NAME_NOT_HOST_NAME");
            assertEquals(Severity.WARNING, r.severity());
            assertEquals(List.of("198.18.0.2#dns_x.example, 10.8.0.1#dns\\x01x.example"), r.details());
            assertTrue(reason(a, "SERVER_WITHOUT_NAME").isEmpty(), "the server has a name, only not one TLS can use");
            assertTrue(reason(new S().assess(), "TLS_NAME_NOT_HOST_NAME").isEmpty());
        }

        /** Quad9 and a global server, and a strict tun0 with one server, as the system reports them. */
        private Assessment withReportedServers(String global, String tun0) {
            S s = new S();
            s.servers = List.of(QUAD9, ServerAddress.parseReported(global));
            s.links.add(link("tun0", List.of(ServerAddress.parseReported(tun0)), DotMode.STRICT, false));
            return s.assess();
        }

        @Test
        void dnssecOffIsInfo() {
            S s = new S();
            s.dnssec = DnssecMode.NO;
            Assessment a = s.assess();
            assertEquals(Verdict.PROTECTED, a.verdict());
            codes(a, "DNSSEC_OFF");
            assertTrue(require(a, "DNSSEC_OFF").message().contains("encrypted in transit but not cryptographically validated"));
            s.mode = DotMode.OPPORTUNISTIC;
            assertTrue(require(s.assess(), "DNSSEC_OFF").message().contains("only while the server's TLS works"));
        }

        @Test
        @DisplayName("no advice to turn DNSSEC on where the resolver cannot validate (the Windows DNS client)")
        void dnssecOffIsNotAdvisedWhereTheResolverCannotValidate() {
            S s = new S();
            s.dnssec = DnssecMode.NO;
            ResolverState linux = s.build();
            ResolverState cannot = new ResolverState(linux.resolverName(), linux.source(), true, true, linux.global(),
                    linux.links(), null, null, new PlatformDetails() {
                        @Override
                        public String platformId() {
                            return "test";
                        }

                        @Override
                        public boolean canValidateDnssec() {
                            return false;
                        }
                    });
            assertTrue(Assessor.assess(cannot).reasons().stream().noneMatch(r -> r.code().equals("DNSSEC_OFF")));
            require(Assessor.assess(linux), "DNSSEC_OFF");
        }

        @Test
        void degradedSourceIsMentioned() {
            S s = new S();
            s.source = StateSource.RESOLVECTL;
            Assessment a = s.assess();
            assertEquals(Verdict.PROTECTED, a.verdict());
            assertEquals(Severity.INFO, require(a, "STATE_DEGRADED").severity());
        }
    }

    @Nested
    @DisplayName("per-link servers")
    class Links {
        @Test
        @DisplayName("a VPN's split DNS under strict mode: its names may no longer resolve, and the reason says which")
        void splitDnsUnderStrictMode() {
            S s = new S();
            s.links.add(link("tun0", List.of(ROUTER), null, false, new DomainEntry("corp.example", true)));
            Assessment a = s.assess();
            Reason r = require(a, "LINK_STRICT_DOMAINS");
            assertEquals(Severity.INFO, r.severity(), "a failure to resolve is no leak");
            assertEquals(List.of("corp.example", "192.168.1.1", "tun0"), r.details());
            assertEquals(Verdict.PROTECTED, a.verdict());

            S home = new S(); // a router's search domain on the link that also takes every other name
            home.domains = List.of();
            home.links.add(link("wlan0", List.of(ROUTER), null, true, new DomainEntry("fritz.box", false)));
            Assessment b = home.assess();
            require(b, "LINK_STRICT_DOMAINS");
            assertEquals(FixAction.ROUTE_ALL_DOMAINS, require(b, "LINK_STRICT_INHERITED").fixAction(),
                    "its own names do not hide that every other name goes there too");
        }

        @Test
        @DisplayName("a VPN's split DNS as resolved reports it over D-Bus: the link reads strict, the global mode it takes")
        void splitDnsUnderStrictModeAsReadOverDbus() {
            S s = new S();
            s.links.add(link("tun0", List.of(ROUTER), DotMode.STRICT, false, new DomainEntry("corp.example", true)));
            assertEquals(List.of("corp.example", "192.168.1.1", "tun0"), require(s.assess(), "LINK_STRICT_DOMAINS").details());

            S home = new S();
            home.domains = List.of();
            home.links.add(link("wlan0", List.of(ROUTER), DotMode.STRICT, true));
            require(home.assess(), "LINK_STRICT_INHERITED");
        }

        @Test
        void plaintextDefaultRouteWithoutRouteAll() {
            S s = new S();
            s.domains = List.of();
            s.links.add(link("wlan0", List.of(ROUTER), null, true));
            Assessment a = s.assess();
            // global strict, link unset -> inherits strict: a router's server fails names that do not exist (rig 252,
            // 257: resolvectl query nothere.example.com failed, the stub sent no answer); nothing leaves in plaintext,
            // so it needs attention (At risk), not Not encrypted
            Reason inherited = require(a, "LINK_STRICT_INHERITED");
            assertEquals(Severity.WARNING, inherited.severity());
            assertTrue(inherited.message().contains("names that do not exist and names only that network's server "
                    + "knows fail after a wait"), inherited.message());
            assertEquals(Verdict.PARTIAL, a.verdict(), a.reasons().toString());

            S t = new S();
            t.domains = List.of();
            t.links.add(link("wlan0", List.of(ROUTER), DotMode.OFF, true));
            Assessment b = t.assess();
            // resolved asks every default-route scope at once: each unrouted name also goes to the router in plaintext
            assertEquals(Verdict.NOT_ENCRYPTED, b.verdict());
            Reason r = require(b, "LINK_PLAINTEXT_DEFAULT_ROUTE");
            assertEquals(Severity.UNENCRYPTED, r.severity());
            assertTrue(r.message().contains("every query that no routing domain claims goes there in plaintext"),
                    r.message());
            assertTrue(r.message().contains("wlan0") && r.message().contains("192.168.1.1"), r.message());
            assertTrue(r.fix().contains("Route all domains") && !r.fix().contains("Domains=~."), r.fix()); // neutral: Windows gets it too
            assertEquals(FixAction.ROUTE_ALL_DOMAINS, r.fixAction());
        }

        @Test
        @DisplayName("a VPN's ~. claims every name: the router on the default route takes none and is not blamed, "
                + "the VPN's plaintext server is")
        void anotherLinksCatchAllTakesTheNamesFromTheDefaultRoute() {
            LinkState router = link("wlan0", List.of(ROUTER), DotMode.OFF, true);
            LinkState vpn = new LinkState(3, "tun0", List.of(ServerAddress.parse("10.8.0.1")), DotMode.OFF, null,
                    List.of(new DomainEntry(".", true)), false, null);
            S vpnUp = new S();
            vpnUp.domains = List.of();
            vpnUp.links.addAll(List.of(router, vpn));
            assertEquals(List.of("tun0"), vpnUp.assess().reasons().stream()
                    .filter(r -> r.code().equals("LINK_PLAINTEXT_DEFAULT_ROUTE")).map(r -> r.details().get(0)).toList());
        }

        @Test
        void opportunisticGlobalLinkUnsetWithDefaultRouteWarns() {
            S s = new S();
            s.mode = DotMode.OPPORTUNISTIC;
            s.domains = List.of();
            s.links.add(link("eth0", List.of(ROUTER), null, true));
            Reason r = require(s.assess(), "LINK_PLAINTEXT_DEFAULT_ROUTE");
            assertTrue(r.message().contains("DoT unset"), r.message());
            // the link inherits opportunistic mode: plaintext only when its TLS fails
            assertEquals(Severity.WARNING, r.severity());
            assertTrue(r.message().contains("queries can leave there in plaintext"), r.message());
        }

        @Test
        void withEncryptionOffNoEncryptedServersAreSpokenOf() {
            S s = new S();
            s.mode = DotMode.OFF;
            s.domains = List.of();
            s.links.add(link("wlan0", List.of(ROUTER), DotMode.OFF, true));
            Reason r = require(s.assess(), "LINK_PLAINTEXT_DEFAULT_ROUTE");
            assertEquals(Severity.INFO, r.severity());
            assertFalse(r.message().contains("encrypted servers"), r.message());
            assertEquals("0", r.details().get(2));
        }

        @Test
        void routeAllGloballyRemovesTheWarning() {
            S s = new S();
            s.links.add(link("wlan0", List.of(ROUTER), DotMode.OFF, true));
            Assessment a = s.assess();
            assertEquals(Verdict.PROTECTED, a.verdict());
            codes(a);
        }

        @Test
        void linkWithTildeDotTakesEverythingEvenIfGlobalRoutesAll() {
            S s = new S();
            s.links.add(link("tun0", List.of(ROUTER), DotMode.OFF, false, new DomainEntry(".", true)));
            assertEquals(Verdict.NOT_ENCRYPTED, s.assess().verdict());
            require(s.assess(), "LINK_PLAINTEXT_DEFAULT_ROUTE");
        }

        @Test
        void splitDnsRoutedDomains() {
            S s = new S();
            s.links.add(link("tun0", List.of(ServerAddress.parse("10.8.0.1")), DotMode.OFF, false,
                    new DomainEntry("corp.example", true), new DomainEntry("search.example", false)));
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            Reason r = require(a, "LINK_PLAINTEXT_DOMAINS");
            // search domains route matching names to the link just like "~" domains (resolved.conf(5))
            assertTrue(r.message().contains("corp.example") && r.message().contains("search.example"), r.message());
            assertTrue(r.message().contains("tun0"));
        }

        @Test
        @DisplayName("a router answering only the local network's names (home.arpa) in plaintext is not a risk")
        void localNamesOnlyAreInformation() {
            S s = new S();
            s.links.add(link("wlan0", List.of(ROUTER), DotMode.OFF, true, new DomainEntry("home.arpa", false),
                    new DomainEntry("168.192.in-addr.arpa", true)));
            Assessment a = s.assess();
            assertEquals(Verdict.PROTECTED, a.verdict(), a.reasons().toString());
            Reason r = reason(a, "LINK_LOCAL_NAMES").orElseThrow();
            assertEquals(Severity.INFO, r.severity());
            assertEquals(List.of("home.arpa, 168.192.in-addr.arpa", ROUTER.addressText(), "wlan0"), r.details());
            assertNull(r.fix(), "nothing to do");
        }

        @Test
        @DisplayName("one name outside the local network among local ones is split DNS that may leak")
        void localAndOtherNamesAreSplitDns() {
            S s = new S();
            s.links.add(link("wlan0", List.of(ROUTER), DotMode.OFF, true, new DomainEntry("home.arpa", false),
                    new DomainEntry("fritz.box", false)));
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            require(a, "LINK_PLAINTEXT_DOMAINS");
            assertTrue(a.reasons().stream().noneMatch(r -> r.code().equals("LINK_LOCAL_NAMES")));
        }

        @Test
        void linkWithoutServersIsIgnored() {
            S s = new S();
            s.domains = List.of();
            s.links.add(link("lo", List.of(), DotMode.OFF, true));
            codes(s.assess());
        }

        @Test
        void strictLinkIsFine() {
            S s = new S();
            s.domains = List.of();
            s.links.add(link("eth0", List.of(QUAD9), DotMode.STRICT, true));
            codes(s.assess());
        }
    }

    @Nested
    @DisplayName("/etc/resolv.conf")
    class ResolvConf {
        @Test
        void uplink() {
            S s = new S();
            s.rc = new ResolvConfState(ResolvConfState.Kind.UPLINK, "/run/systemd/resolve/resolv.conf", List.of("9.9.9.9"));
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            assertEquals(FixAction.LINK_RESOLV_CONF, require(a, "RESOLV_CONF_UPLINK").fixAction());
        }

        @Test
        void staticWithOtherServers() {
            S s = new S();
            s.rc = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("8.8.8.8"));
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            Reason r = require(a, "RESOLV_CONF_STATIC");
            assertTrue(r.message().contains("8.8.8.8") && r.message().contains("bypass the stub"), r.message());
        }

        @Test
        void aFileTheCLibraryFollowsToTheNetworkIsNotEncrypted() {
            for (ResolvConfState rc : List.of(
                    new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("127.0.0.1", "192.168.1.1"), true),
                    new ResolvConfState(ResolvConfState.Kind.UPLINK, "/run/systemd/resolve/resolv.conf",
                            List.of("9.9.9.9"), true))) {
                S s = new S();
                s.rc = rc;
                Assessment a = s.assess();
                assertEquals(Verdict.NOT_ENCRYPTED, a.verdict(), rc.toString());
                Reason r = require(a, rc.kind() == ResolvConfState.Kind.UPLINK ? "RESOLV_CONF_UPLINK" : "RESOLV_CONF_STATIC");
                assertEquals(Severity.UNENCRYPTED, r.severity());
                assertTrue(r.message().contains("nearly every program"), r.message());
                assertEquals(FixAction.LINK_RESOLV_CONF, r.fixAction());
            }
        }

        @Test
        void aFileTheCLibraryFollowsToALocalForwarderStaysAtRisk() {
            // a forwarder on loopback (dnsmasq, stubby) may well encrypt: not known to leak
            S s = new S();
            s.rc = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("127.0.0.1", "::1"), true);
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            assertEquals(Severity.WARNING, require(a, "RESOLV_CONF_STATIC").severity());
        }

        @Test
        void staticPointingOnlyAtTheStubIsInfo() {
            S s = new S();
            s.rc = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("127.0.0.53", "127.0.0.54"));
            Assessment a = s.assess();
            assertEquals(Verdict.PROTECTED, a.verdict());
            assertEquals(Severity.INFO, require(a, "RESOLV_CONF_STATIC").severity());
        }

        @Test
        void staticWithoutNameserversIsAWarning() {
            S s = new S();
            s.rc = new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of());
            assertEquals(Verdict.PARTIAL, s.assess().verdict());
        }

        @Test
        void missingIsBroken() {
            S s = new S();
            s.rc = new ResolvConfState(ResolvConfState.Kind.MISSING, null, List.of());
            Assessment a = s.assess();
            assertEquals(Verdict.BROKEN, a.verdict());
            require(a, "RESOLV_CONF_MISSING");
        }

        @Test
        void unknownIsSkipped() {
            S s = new S();
            s.rc = null;
            assertEquals(Verdict.PROTECTED, s.assess().verdict());
        }
    }

    @Nested
    @DisplayName("drop-ins")
    class DropIns {
        @Test
        void overridingDropIn() {
            S s = new S();
            s.dropIns.add(new DropIn("/etc/systemd/resolved.conf.d/zz-port853.conf", true, false,
                    Map.of("DNS", "9.9.9.9#dns.quad9.net"), null));
            s.dropIns.add(new DropIn("/etc/systemd/resolved.conf.d/zzz-vpn.conf", false, true,
                    Map.of("DNSOverTLS", "no"), null));
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            assertTrue(require(a, "DROP_IN_OVERRIDES").message().contains("zzz-vpn.conf"));
            assertFalse(reason(a, "DNS_HOSTNAME").isPresent(), "ours uses an address");
        }

        @Test
        @DisplayName("with only an exported copy deployed, a later drop-in that turns DNS-over-TLS off is said to win "
                + "over that copy, by its name, not over Port853's file")
        void laterDropInOverridesTheExportedCopy() {
            Assessment a = vpnTurnsEncryptionOffAfter(List.of(new DropIn("/etc/systemd/resolved.conf.d/50-fleet.conf",
                    false, false, Map.of("DNS", "9.9.9.9#dns.quad9.net", "DNSOverTLS", "yes"), null, false, null,
                    java.util.Set.of(), true)));
            String overrides = require(a, "DROP_IN_OVERRIDES").message();
            assertTrue(overrides.contains("zzz-vpn.conf") && overrides.contains("50-fleet.conf")
                    && !overrides.contains("Port853's file"), overrides);
            String fix = require(a, "DOT_OFF").fix();
            assertTrue(fix.contains("after the exported copy 50-fleet.conf") && !fix.contains("Port853's settings"), fix);
        }

        @Test
        @DisplayName("with no file Port853 manages, a later drop-in is said to set what it sets, not to override "
                + "Port853")
        void laterDropInWithoutAnyPort853File() {
            Assessment a = vpnTurnsEncryptionOffAfter(List.of());
            String overrides = require(a, "DROP_IN_OVERRIDES").message();
            assertTrue(overrides.contains("zzz-vpn.conf sets DNS=, DNSOverTLS=") && !overrides.contains("overrides"),
                    overrides);
            String fix = require(a, "DOT_OFF").fix();
            assertTrue(fix.startsWith("/etc/systemd/resolved.conf.d/zzz-vpn.conf sets DNSOverTLS=no: remove")
                    && !fix.contains("Port853's settings") && !fix.contains("wins over"), fix);
        }

        /** DNS-over-TLS off, as a VPN's drop-in read after {@code earlier} sets it. */
        private Assessment vpnTurnsEncryptionOffAfter(List<DropIn> earlier) {
            S s = new S();
            s.mode = DotMode.OFF;
            s.dropIns.addAll(earlier);
            s.dropIns.add(new DropIn("/etc/systemd/resolved.conf.d/zzz-vpn.conf", false, true,
                    Map.of("DNS", "198.18.0.4", "DNSOverTLS", "no"), null));
            return s.assess();
        }

        @Test
        void hostnameInDns() {
            S s = new S();
            s.dropIns.add(new DropIn("/etc/systemd/resolved.conf.d/10-mine.conf", false, false,
                    Map.of("DNS", "9.9.9.9 dns.google:853#dns.google [2620:fe::fe]:853#dns.quad9.net"), null));
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            List<Reason> hosts = a.reasons().stream().filter(r -> r.code().equals("DNS_HOSTNAME")).toList();
            assertEquals(1, hosts.size(), hosts.toString());
            assertTrue(hosts.get(0).message().contains("dns.google") && hosts.get(0).message().contains("circular"));
        }

        @Test
        void unreadableDropIn() {
            S s = new S();
            s.dropIns.add(new DropIn("/etc/systemd/resolved.conf.d/bad.conf", false, false, Map.of(),
                    "not a text file (invalid UTF-8)"));
            Assessment a = s.assess();
            assertEquals(Verdict.PARTIAL, a.verdict());
            assertTrue(require(a, "DROP_IN_UNREADABLE").message().contains("invalid UTF-8"));
        }
    }

    @Test
    void reasonsAreSortedWorstFirst() {
        S s = new S();
        s.mode = DotMode.OPPORTUNISTIC;
        s.dnssec = DnssecMode.NO;
        s.rc = new ResolvConfState(ResolvConfState.Kind.MISSING, null, List.of());
        Assessment a = s.assess();
        assertEquals(Verdict.BROKEN, a.verdict());
        for (int i = 1; i < a.reasons().size(); i++) {
            assertTrue(a.reasons().get(i - 1).severity().compareTo(a.reasons().get(i).severity()) >= 0, a.reasons().toString());
        }
        assertNotNull(reason(a, "OPPORTUNISTIC").orElse(null));
    }
}
