package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessment;
import org.port853.core.Assessor;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.GlobalState;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.SettingElsewhere;
import org.port853.core.StateSource;

/**
 * A drop-in read after Port853's that sets DNSSEC= or DNSOverTLS= wins over whatever Port853 writes: advice to change
 * that setting through Port853 ("--dnssec no", "Turn on encryption") would only be refused, so it names the file.
 */
class LaterDropInAdviceTest {
    private static final String DIR = "/etc/systemd/resolved.conf.d/";

    private static ResolverState state(DotMode mode, List<DropIn> dropIns) {
        List<ServerAddress> servers = List.of(ServerAddress.parse("198.18.0.2#dot.test"));
        GlobalState g = new GlobalState(servers, List.of(), servers.get(0), mode, DnssecMode.YES, true, List.of(),
                "yes", "stub");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                        "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), dropIns));
    }

    private static DropIn file(String name, Map<String, String> keys) {
        return new DropIn(DIR + name, false, false, keys, null);
    }

    @Test
    @DisplayName("only a file after Port853's, with a value resolved takes, is named; the last such one wins")
    void whichFileWins() {
        LinuxDetails d = (LinuxDetails) state(DotMode.STRICT, List.of(
                file("10-early.conf", Map.of("DNSSEC", "yes")),
                new DropIn(DIR + LinuxPaths.DROP_IN_NAME, true, false, Map.of("DNSSEC", "no"), null),
                file("zzz-a.conf", Map.of("DNSSEC", "allow-downgrade")),
                file("zzz-b.conf", Map.of("DNSSEC", "perhaps")))).platform();
        assertEquals(new SettingElsewhere(DIR + "zzz-a.conf", "allow-downgrade"), d.settingAfterOurs("DNSSEC"),
                "10-early.conf sorts before Port853's; 'perhaps' is a value resolved ignores");
        assertNull(d.settingAfterOurs("DNSOverTLS"));
    }

    @Test
    @DisplayName("a file after the one where resolved stops reading is not named: resolved never read it")
    void aFilePastWhereResolvedStopsIsNotNamed() {
        DropIn ours = new DropIn(DIR + LinuxPaths.DROP_IN_NAME, true, false, Map.of("DNSSEC", "no"), null);
        DropIn broken = new DropIn(DIR + "zzz-1bad.conf", false, false, Map.of(), "line 2 is not valid UTF-8", false,
                null, java.util.Set.of(), false, DropIn.Stop.HERE);
        DropIn unread = file("zzz-2late.conf", Map.of("DNSSEC", "yes", "DNSOverTLS", "no"));
        LinuxDetails d = (LinuxDetails) state(DotMode.OFF, List.of(ours, broken, unread)).platform();
        assertNull(d.settingAfterOurs("DNSSEC"));
        assertNull(d.settingAfterOurs("DNSOverTLS"));
        DropIn read = file("zzz-0read.conf", Map.of("DNSSEC", "yes"));
        assertEquals(new SettingElsewhere(read.path(), "yes"), ((LinuxDetails) state(DotMode.OFF,
                List.of(ours, read, broken, unread)).platform()).settingAfterOurs("DNSSEC"));
    }

    @Test
    @DisplayName("a file at Port853's path that resolved cannot open stops it now, but apply writes it readable: the "
            + "later file that then wins is named, and what it keeps on after a revert")
    void ourOwnUnreadableFileDoesNotHideALaterOne() {
        DropIn closedOurs = new DropIn(DIR + LinuxPaths.DROP_IN_NAME, false, false, Map.of(),
                "systemd-resolved cannot open it (mode 0600)", false, null, java.util.Set.of(), false, DropIn.Stop.HERE);
        DropIn vpn = file("zzz-vpn.conf", Map.of("DNSOverTLS", "no", "DNSSEC", "yes"));
        LinuxDetails d = (LinuxDetails) state(DotMode.OFF, List.of(closedOurs, vpn)).platform();
        assertEquals(vpn.path() + " no", d.settingAfterOurs("DNSOverTLS").file() + " "
                + d.settingAfterOurs("DNSOverTLS").value());
        assertEquals(vpn.path() + " yes", d.settingAfterOurs("DNSSEC").file() + " " + d.settingAfterOurs("DNSSEC").value());
        DropIn closedOther = new DropIn(DIR + "zz-other.conf", false, false, Map.of(), "cannot open", false, null,
                java.util.Set.of(), false, DropIn.Stop.HERE);
        assertNull(((LinuxDetails) state(DotMode.OFF, List.of(closedOther, vpn)).platform()).settingAfterOurs("DNSSEC"),
                "another file's stop stays after an apply");

        DropIn keepsOn = file("zzz-vpn.conf", Map.of("DNSOverTLS", "yes"));
        assertEquals(new SettingElsewhere(keepsOn.path(), "yes"),
                ((LinuxDetails) state(DotMode.STRICT, List.of(closedOurs, keepsOn)).platform()).encryptionAfterRevert());
    }

    @Test
    @DisplayName("DNSSEC validation fails with DNSSEC=yes from a later drop-in: the fix names that file, not --dnssec "
            + "no, and says it wins over Port853's settings only where Port853 has a drop-in")
    void dnssecAdviceNamesTheFile() {
        ResolverState s = state(DotMode.STRICT, List.of(new DropIn(DIR + LinuxPaths.DROP_IN_NAME, true, false,
                Map.of("DNSSEC", "no"), null), file("zzz-dnssec.conf", Map.of("DNSSEC", "yes"))));
        Assessment a = Assessor.namesUnresolved(Assessor.assess(s), s,
                "resolve call failed: DNSSEC validation failed: no-signature");
        Reason r = a.reasons().stream().filter(x -> x.code().equals("DNSSEC_VALIDATION_FAILED")).findFirst().orElseThrow();
        assertTrue(r.fix().contains(DIR + "zzz-dnssec.conf sets DNSSEC=yes after Port853's settings"), r.fix());
        assertFalse(r.fix().contains("--dnssec no"), r.fix());

        ResolverState alone = state(DotMode.STRICT, List.of(file("zzz-dnssec.conf", Map.of("DNSSEC", "yes"))));
        Reason without = Assessor.namesUnresolved(Assessor.assess(alone), alone, "DNSSEC validation failed: no-signature")
                .reasons().stream().filter(x -> x.code().equals("DNSSEC_VALIDATION_FAILED")).findFirst().orElseThrow();
        assertTrue(without.fix().contains(DIR + "zzz-dnssec.conf sets DNSSEC=yes: set it to no there"), without.fix());
        assertFalse(without.fix().contains("Port853"), "Port853 has no drop-in: " + without.fix());

        ResolverState plain = state(DotMode.STRICT, List.of());
        Reason own = Assessor.namesUnresolved(Assessor.assess(plain), plain, "DNSSEC validation failed: no-signature")
                .reasons().stream().filter(x -> x.code().equals("DNSSEC_VALIDATION_FAILED")).findFirst().orElseThrow();
        assertTrue(own.fix().contains("--dnssec no"), own.fix());
    }

    @Test
    @DisplayName("DNS-over-TLS off because a later drop-in says DNSOverTLS=no: the fix names it, and no one-click change "
            + "is offered (apply would be refused)")
    void dotOffNamesTheFile() {
        ResolverState s = state(DotMode.OFF, List.of(new DropIn(DIR + LinuxPaths.DROP_IN_NAME, true, false,
                Map.of("DNSOverTLS", "yes", "DNS", "198.18.0.2#dot.test"), null),
                file("zzz-vendor.conf", Map.of("DNSOverTLS", "no", "DNS", "198.18.0.4"))));
        Reason r = Assessor.assess(s).reasons().stream().filter(x -> x.code().equals("DOT_OFF")).findFirst().orElseThrow();
        assertTrue(r.fix().startsWith(DIR + "zzz-vendor.conf sets DNSOverTLS=no after Port853's settings"), r.fix());
        assertNull(r.fixAction());
        ResolverState own = state(DotMode.OFF, List.of());
        Reason plain = Assessor.assess(own).reasons().stream().filter(x -> x.code().equals("DOT_OFF")).findFirst()
                .orElseThrow();
        assertEquals(org.port853.core.FixAction.ENABLE_DOT, plain.fixAction());
    }
}
