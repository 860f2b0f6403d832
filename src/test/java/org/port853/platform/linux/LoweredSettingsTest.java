package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;
import org.port853.platform.Plan;

@DisplayName("apply's plan says when Port853's drop-in lowers DNS-over-TLS or DNSSEC an administrator set elsewhere")
class LoweredSettingsTest {
    @TempDir
    Path root;
    LinuxPaths paths;
    ResolvedPlanner planner;
    String mainConf;

    @BeforeEach
    void setUp() throws IOException {
        paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        planner = new ResolvedPlanner(paths);
        mainConf = paths.mainConf().toString();
    }

    static DesiredSettings settings(DotMode mode, DnssecMode dnssec) {
        return new DesiredSettings(List.of(ServerAddress.parse("198.18.121.2#dot.test")), mode, dnssec, false, List.of());
    }

    void adminWrites(String resolve) throws IOException {
        Files.writeString(paths.mainConf(), "[Resolve]\n" + resolve);
    }

    List<String> notes(DesiredSettings s, List<DropIn> dropIns) {
        Plan p = planner.plan(s, 252, dropIns, false);
        return p.notes().stream().map(Sentence::english).toList();
    }

    @Test
    @DisplayName("strict in resolved.conf, opportunistic or off applied: the note names the file, both modes, revert")
    void strictLowered() throws IOException {
        adminWrites("DNSOverTLS=yes\n");
        assertEquals(List.of("this lowers DNS-over-TLS from strict (set in " + mainConf + ") to opportunistic: Port853's "
                + "drop-in is read after that file, so it wins until 'port853 revert'"),
                notes(settings(DotMode.OPPORTUNISTIC, null), List.of()));
        assertTrue(notes(settings(DotMode.OFF, null), List.of()).get(0).contains("from strict (set in " + mainConf
                + ") to off"));
        assertEquals(List.of(), notes(settings(DotMode.STRICT, null), List.of()), "strict keeps strict");
    }

    @Test
    @DisplayName("DNSSEC=yes in resolved.conf: --dnssec no or allow-downgrade lowers it; left alone (null) it stays")
    void dnssecLowered() throws IOException {
        adminWrites("DNSSEC=true\n"); // resolved's booleans, however spelled
        assertEquals(List.of("this lowers DNSSEC from yes (set in " + mainConf + ") to no: Port853's drop-in is read "
                + "after that file, so it wins until 'port853 revert'"), notes(settings(DotMode.STRICT, DnssecMode.NO),
                List.of()));
        assertTrue(notes(settings(DotMode.STRICT, DnssecMode.ALLOW_DOWNGRADE), List.of()).get(0)
                .contains("from yes (set in " + mainConf + ") to allow-downgrade"));
        assertEquals(List.of(), notes(settings(DotMode.STRICT, null), List.of()), "not written: the admin's stays");
        assertEquals(List.of(), notes(settings(DotMode.STRICT, DnssecMode.YES), List.of()));
    }

    @Test
    @DisplayName("the last file before ours wins; Port853's own earlier drop-in, a raise and a value resolved ignores say nothing")
    void onlyTheAdminsEffectiveSettingCounts() throws IOException {
        adminWrites("DNSOverTLS=opportunistic\n");
        DesiredSettings off = settings(DotMode.OFF, null);
        assertTrue(notes(off, List.of()).get(0).contains("from opportunistic (set in " + mainConf + ") to off"));
        assertEquals(List.of(), notes(settings(DotMode.STRICT, null), List.of()), "a raise");
        DropIn admins = new DropIn("/etc/systemd/resolved.conf.d/50-admin.conf", false, false,
                Map.of("DNSOverTLS", "1"), null);
        assertTrue(notes(off, List.of(admins)).get(0).contains("from strict (set in " + admins.path() + ") to off"));
        DropIn ours = new DropIn(paths.ourDropIn().toString(), true, false, Map.of("DNSOverTLS", "yes"), null);
        assertTrue(notes(off, List.of(ours)).get(0).contains("from opportunistic (set in " + mainConf + ")"),
                "what Port853 wrote itself is no administrator's setting");
        adminWrites("DNSOverTLS=sometimes\n");
        assertEquals(List.of(), notes(off, List.of()), "resolved ignores a value it cannot parse");
        assertEquals(List.of(), planner.plan(new DesiredSettings(List.of(), DotMode.OFF, null, false, List.of()), 252,
                List.of(), false).notes(), "a revert gives the admin's setting back");
    }
}
