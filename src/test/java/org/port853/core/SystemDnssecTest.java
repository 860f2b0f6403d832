package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.platform.linux.LinuxDetails;

@DisplayName("a change that leaves DNSSEC to the system keeps the setting Port853's drop-in holds")
class SystemDnssecTest {
    static final DesiredSettings NO_DNSSEC = new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
            DotMode.STRICT, null, true, List.of());

    /** systemd-resolved stopped (nothing to read from it), Port853's drop-in setting {@code ourKeys}. */
    static ResolverState stopped(Map<String, String> ourKeys) {
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                "systemd-resolved is not running", new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of(new DropIn(
                "/etc/systemd/resolved.conf.d/zz-port853.conf", true, false, ourKeys, null))));
    }

    @Test
    @DisplayName("the drop-in's DNSSEC= is written again, also while the resolver is stopped (an apply then starts it)")
    void theDropInsSettingIsKept() {
        assertEquals(DnssecMode.YES, SystemDnssec.keptIn(NO_DNSSEC, stopped(Map.of("DNSSEC", "yes"))).dnssec());
        assertEquals(DnssecMode.ALLOW_DOWNGRADE, SystemDnssec.keptIn(NO_DNSSEC,
                stopped(Map.of("DNSSEC", "allow-downgrade"))).dnssec());
    }

    @Test
    @DisplayName("no DNSSEC= in the drop-in, or one resolved does not take either: still no line")
    void nothingToKeep() {
        assertSame(NO_DNSSEC, SystemDnssec.keptIn(NO_DNSSEC, stopped(Map.of("DNS", "9.9.9.9#dns.quad9.net"))));
        assertNull(SystemDnssec.keptIn(NO_DNSSEC, stopped(Map.of("DNSSEC", "maybe"))).dnssec());
        assertNull(SystemDnssec.keptIn(NO_DNSSEC, null).dnssec());
    }

    @Test
    @DisplayName("a file after ours that sets DNSSEC= is what the system has: nothing is carried over, so the apply is "
            + "not refused for a setting the user did not ask for")
    void aLaterFileSettingDnssecIsLeftToDecide() {
        ResolvConfState stub = new ResolvConfState(ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                List.of("127.0.0.53"));
        ResolverState s = new ResolverState("systemd-resolved", StateSource.DBUS, true, false, null, List.of(), null,
                "systemd-resolved is not running", new LinuxDetails(252, stub, List.of(
                new DropIn("/etc/systemd/resolved.conf.d/zz-port853.conf", true, false, Map.of("DNSSEC", "yes"), null),
                new DropIn("/etc/systemd/resolved.conf.d/zzz-site.conf", false, true, Map.of("DNSSEC", "no"), null))));
        assertSame(NO_DNSSEC, SystemDnssec.keptIn(NO_DNSSEC, s));
    }

    @Test
    @DisplayName("a DNSSEC setting the user chose wins over the drop-in's")
    void aChoiceWins() {
        DesiredSettings no = new DesiredSettings(NO_DNSSEC.servers(), DotMode.STRICT, DnssecMode.NO, true, List.of());
        assertSame(no, SystemDnssec.keptIn(no, stopped(Map.of("DNSSEC", "yes"))));
    }
}
