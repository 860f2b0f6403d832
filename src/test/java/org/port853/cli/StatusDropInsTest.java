package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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

@DisplayName("status lists the drop-ins status --json reports: whose each is, what it sets and which setting wins")
class StatusDropInsTest {
    private static final String LONG_SERVERS = "198.18.0.2#a-rather-long-tls-name.dns.example 198.18.0.3#another-long"
            + "-tls-name.dns.example";
    final CliCommandsTest.RecordingAdapter adapter = new CliCommandsTest.RecordingAdapter();

    StatusDropInsTest() {
        GlobalState g = new GlobalState(List.of(ServerAddress.parse("198.18.0.7")), List.of(), null, DotMode.OFF,
                DnssecMode.NO, false, List.of(new DomainEntry(".", true)), "yes", "stub");
        DropIn exported = new DropIn("/etc/systemd/resolved.conf.d/50-fleet.conf", false, false,
                Map.of("DNS", LONG_SERVERS, "DNSOverTLS", "yes"), null, false, null, Set.of(), true);
        DropIn ours = new DropIn(CliCommandsTest.DROP_IN, true, false, Map.of("DNS", "198.18.0.2#dot.test",
                "DNSOverTLS", "yes"), null);
        DropIn vpn = new DropIn("/run/systemd/resolved.conf.d/zzz-vpn.conf", false, true,
                Map.of("DNSOverTLS", "no", "DNS", "198.18.0.7"), null);
        adapter.state = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                        "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of(exported, ours, vpn)));
    }

    CliRuns.Run run(String... args) {
        return CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled, catalog -> {
            throw new AssertionError("status probes no server");
        }), args);
    }

    @Test
    @DisplayName("each drop-in in the order resolved reads them, marked ours / exported copy / other, each setting "
            + "in force or overridden by the later file; none of its lines wider than 80 columns")
    void listsTheDropIns() {
        CliRuns.Run text = run("status");
        assertEquals(0, text.code(), text.err());
        String out = text.out();
        assertTrue(out.endsWith("""
                Drop-ins (in the order they are read; a later file wins):
                  /etc/systemd/resolved.conf.d/50-fleet.conf (exported copy)
                    DNS=198.18.0.2#a-rather-long-tls-name.d…  in force
                    DNSOverTLS=yes                            overridden by zzz-vpn.conf
                  /etc/systemd/resolved.conf.d/zz-port853.conf (ours)
                    DNS=198.18.0.2#dot.test                   in force
                    DNSOverTLS=yes                            overridden by zzz-vpn.conf
                  /run/systemd/resolved.conf.d/zzz-vpn.conf (other)
                    DNS=198.18.0.7                            in force
                    DNSOverTLS=no                             in force
                """), out);
        out.substring(out.indexOf("Drop-ins")).lines().forEach(l -> assertTrue(TerminalColumns.of(l) <= 80, l));
    }

    @Test
    @DisplayName("strict now, off at the next start because a file resolved cannot read hides Port853's drop-in: the "
            + "advice names that file to fix first, not 'turn on encryption' (apply would refuse)")
    void nextStartAdviceNamesTheFileThatHidesOurs() {
        GlobalState strict = new GlobalState(List.of(ServerAddress.parse("198.18.0.2#dot.test")), List.of(),
                ServerAddress.parse("198.18.0.2#dot.test"), DotMode.STRICT, DnssecMode.NO, true,
                List.of(new DomainEntry("~.", true)), "yes", "stub");
        String closed = "/etc/systemd/resolved.conf.d/10-closed.conf";
        DropIn hider = new DropIn(closed, false, false, Map.of(), "not readable by systemd-resolved's user", true, null,
                Set.of(), false, DropIn.Stop.HERE);
        DropIn ours = new DropIn(CliCommandsTest.DROP_IN, true, false, Map.of("DNS", "198.18.0.2#dot.test",
                "DNSOverTLS", "yes", "Domains", "~."), null);
        adapter.state = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, strict, List.of(), null,
                null, new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                        "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of(hider, ours), null, true,
                        null, false, null, null, "/etc/systemd/resolved.conf", "no", true));
        CliRuns.Run text = run("status");
        String said = text.out().replaceAll("\\s+", " ");
        assertTrue(said.contains("First make " + closed + " readable for systemd-resolved, or correct or remove it"),
                text.out());
        assertTrue(!said.contains("Turn on encryption again"), text.out());
    }

    @Test
    @DisplayName("a drop-in with a long name, a line skipped and a file not read: its path, 'skipped:' and 'not read:' "
            + "lines are cut to 80 columns too, the path keeping whose file it is")
    void longLinesAreCut() {
        String longName = "/etc/systemd/resolved.conf.d/" + "40-a-settings-file-with-a-very-long-name".repeat(2) + ".conf";
        DropIn skipping = new DropIn(longName, false, false, Map.of("DNSOverTLS", "yes"), null, false,
                "DNS=198.18.0.2#a-rather-long-tls-name.dns.example 198.18.0.3#another-long-tls-name.dns.example",
                Set.of(), false);
        DropIn unreadable = new DropIn("/etc/systemd/resolved.conf.d/45-unreadable.conf", false, false, Map.of(),
                "cannot be read: " + longName + ": Permission denied");
        GlobalState g = adapter.state.global();
        adapter.state = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                        "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of(skipping, unreadable)));
        CliRuns.Run text = run("status");
        assertEquals(0, text.code(), text.err());
        String section = text.out().substring(text.out().indexOf("Drop-ins"));
        section.lines().forEach(l -> assertTrue(TerminalColumns.of(l) <= 80, l + "\n" + section));
        assertTrue(section.contains("\n  /etc/systemd/resolved.conf.d/40-a-settings-file-with-a-very-long-name"), section);
        assertTrue(section.contains("… (other)\n"), section);
        assertTrue(section.contains("\n    skipped: DNS=198.18.0.2#a-rather-long-tls-name"), section);
        assertTrue(section.contains("\n    not read: cannot be read: /etc/systemd/resolved.conf.d/40-a-"), section);
    }
}
