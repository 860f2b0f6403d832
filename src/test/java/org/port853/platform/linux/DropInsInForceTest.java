package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DropIn;
import org.port853.core.SettingsFile;
import org.port853.core.SettingsFile.Outcome;
import org.port853.core.SettingsFile.Owner;
import org.port853.core.SettingsFile.Setting;

@DisplayName("status's drop-ins: which file's setting systemd-resolved keeps (a later file wins)")
class DropInsInForceTest {
    private static final String DIR = "/etc/systemd/resolved.conf.d/";
    private static final String OURS = DIR + LinuxPaths.DROP_IN_NAME;

    @Test
    @DisplayName("a later file's DNSOverTLS= overrides ours; DNS= adds to ours; the earlier file's DNSOverTLS= is ours'")
    void laterFileWins() {
        DropIn early = new DropIn(DIR + "10-early.conf", false, false, Map.of("DNSOverTLS", "opportunistic",
                "DNS", "198.18.0.9"), null);
        DropIn ours = new DropIn(OURS, true, false, Map.of("DNSOverTLS", "yes", "DNS", "198.18.0.2#dot.test"), null);
        DropIn late = new DropIn("/run/systemd/resolved.conf.d/zzz-vpn.conf", false, true, Map.of("DNSOverTLS", "no",
                "DNS", "198.18.0.7"), null);
        List<SettingsFile> files = files(List.of(early, ours, late));

        assertEquals(List.of(new Setting("DNS", "198.18.0.9", Outcome.IN_FORCE, null),
                new Setting("DNSOverTLS", "opportunistic", Outcome.OVERRIDDEN, late.path())), files.get(0).settings());
        assertEquals(new SettingsFile(OURS, Owner.OURS, List.of(new Setting("DNS", "198.18.0.2#dot.test",
                Outcome.IN_FORCE, null), new Setting("DNSOverTLS", "yes", Outcome.OVERRIDDEN, late.path())), null,
                null), files.get(1));
        assertEquals(List.of(new Setting("DNS", "198.18.0.7", Outcome.IN_FORCE, null),
                new Setting("DNSOverTLS", "no", Outcome.IN_FORCE, null)), files.get(2).settings());
        assertEquals(Owner.OTHER, files.get(2).owner());
    }

    @Test
    @DisplayName("a later file that clears DNS= overrides the servers before it; a value resolved cannot parse is "
            + "ignored and leaves the one before in force; an exported copy is marked so")
    void clearedListsAndIgnoredValues() {
        DropIn exported = new DropIn(DIR + "50-port853.conf", false, false, Map.of("DNS", "198.18.0.2#dot.test",
                "DNSOverTLS", "yes"), null, false, null, Set.of(), true);
        DropIn clearing = new DropIn(DIR + "60-clear.conf", false, false, Map.of("DNS", "", "DNSOverTLS", "sometimes"),
                null, false, null, Set.of("DNS"));
        List<SettingsFile> files = files(List.of(exported, clearing));

        assertEquals(new SettingsFile(exported.path(), Owner.EXPORTED, List.of(new Setting("DNS", "198.18.0.2#dot.test",
                Outcome.OVERRIDDEN, clearing.path()), new Setting("DNSOverTLS", "yes", Outcome.IN_FORCE, null)), null,
                null), files.get(0));
        assertEquals(List.of(new Setting("DNS", "", Outcome.IN_FORCE, null),
                new Setting("DNSOverTLS", "sometimes", Outcome.IGNORED, null)), files.get(1).settings());
    }

    @Test
    @DisplayName("from a file resolved fails on before ours, nothing is read; one that sorts after ours hides every file")
    void hidingFileStopsTheReading() {
        DropIn early = new DropIn(DIR + "10-early.conf", false, false, Map.of("DNSOverTLS", "no"), null);
        DropIn broken = new DropIn(DIR + "20-dir.conf", false, false, Map.of(), "a directory, not a file", true);
        DropIn ours = new DropIn(OURS, true, false, Map.of("DNSOverTLS", "yes"), null);
        List<SettingsFile> files = files(List.of(early, broken, ours));

        assertEquals(Outcome.IN_FORCE, files.get(0).settings().get(0).outcome());
        assertEquals("a directory, not a file", files.get(1).unread());
        assertEquals(new SettingsFile(OURS, Owner.OURS, List.of(new Setting("DNSOverTLS", "yes", Outcome.NOT_READ, null)),
                "systemd-resolved stops reading at " + broken.path(), null), files.get(2));

        DropIn closedAfterOurs = new DropIn(DIR + "zzz-closed.conf", false, false, Map.of(), "permission denied", true);
        List<SettingsFile> none = files(List.of(early, ours, closedAfterOurs));
        assertEquals(Outcome.NOT_READ, none.get(0).settings().get(0).outcome());
        assertEquals("systemd-resolved reads no settings file because of " + closedAfterOurs.path(), none.get(1).unread());
    }

    /** The drop-ins as LinuxDetails gives them to status. */
    private static List<SettingsFile> files(List<DropIn> dropIns) {
        return new LinuxDetails(252, new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), dropIns).settingsFiles();
    }
}
