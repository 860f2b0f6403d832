package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DropIn;
import org.port853.core.ResolvConfState;
import org.port853.core.SettingElsewhere;

/**
 * Where systemd-resolved stops reading settings files (DropIn.stop), what it does not read sets nothing: not the files
 * from the stop on, and, where it ignores every settings file, not the main resolved.conf either; what it runs after a
 * restart is judged the same way.
 */
@DisplayName("settings past where systemd-resolved stops reading are not in force, now or after a restart")
class StopPointSettingsTest {
    private static final String DIR = "/etc/systemd/resolved.conf.d/";
    private static final ResolvConfState STUB = new ResolvConfState(ResolvConfState.Kind.STUB,
            LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53"));
    private static final DropIn CLOSED_ALL = stopper("zzz-closed.conf", DropIn.Stop.ALL_FILES);
    private static final DropIn CLOSED_HERE = stopper("20-closed.conf", DropIn.Stop.HERE);

    private static DropIn stopper(String name, DropIn.Stop stop) {
        return new DropIn(DIR + name, false, false, Map.of(), "systemd-resolved cannot open it (mode 0600)", true, null,
                Set.of(), false, stop);
    }

    private static DropIn file(String name, Map<String, String> keys) {
        return new DropIn(DIR + name, false, false, keys, null);
    }

    /** {@code mainDot}, {@code mainDns}: the main file's DNSOverTLS= and DNS=; its files changed since resolved started. */
    private static LinuxDetails details(List<DropIn> dropIns, String mainDot, String mainDns) {
        return new LinuxDetails(257, STUB, dropIns, null, true, mainDot, false, null, null, LinuxDetails.MAIN_CONF, "no",
                true, null, false, null, mainDns);
    }

    @Test
    @DisplayName("where resolved reads no settings file and the main file has no '#DNSOverTLS=' comment, the next start "
            + "runs on systemd's built-in default (no); where it reads the main file, a missing comment says nothing")
    void noFileReadAndNoCommentUsesTheBuiltInDefault() {
        LinuxDetails none = new LinuxDetails(257, STUB, List.of(CLOSED_ALL), null, true, "yes", false, null, null,
                LinuxDetails.MAIN_CONF, null, true, null, false, null, null);
        assertEquals(new SettingElsewhere(null, "no"), none.encryptionAtNextStart());
        LinuxDetails read = new LinuxDetails(257, STUB, List.of(CLOSED_HERE), null, true, null, false, null, null,
                LinuxDetails.MAIN_CONF, null, true, null, false, null, null);
        assertNull(read.encryptionAtNextStart(), "the main file is read: its build's default is not known");
    }

    /** A file makes resolved ignore every settings file, the main one with DNSOverTLS=yes and DNS= included. */
    private static LinuxDetails noFileRead() {
        return details(List.of(CLOSED_ALL), "yes", "198.18.0.9");
    }

    @Test
    @DisplayName("a file that makes resolved ignore every settings file: the main file's DNSOverTLS= is not where "
            + "encryption is set, nor what stays on after a revert")
    void theMainFileIsNotReadWhereNoFileIs() {
        LinuxDetails none = noFileRead();
        assertNull(none.encryptionSetOutside());
        assertNull(none.encryptionAfterRevert());

        LinuxDetails read = details(List.of(CLOSED_HERE), "yes", "198.18.0.9");
        assertEquals(LinuxDetails.MAIN_CONF, read.encryptionSetOutside(), "a stop at a drop-in: the main file is read");
        assertEquals(new SettingElsewhere(LinuxDetails.MAIN_CONF, "yes"), read.encryptionAfterRevert());
    }

    @Test
    @DisplayName("Port853's own file that resolved cannot open makes it read nothing now, but not once apply writes it: "
            + "the main file's DNSOverTLS= then stays on after a revert")
    void ourOwnClosedFileStopsOnlyNow() {
        DropIn closedOurs = new DropIn(DIR + LinuxPaths.DROP_IN_NAME, false, false, Map.of(), "cannot open", false, null,
                Set.of(), false, DropIn.Stop.ALL_FILES);
        LinuxDetails d = details(List.of(closedOurs), "opportunistic", null);
        assertNull(d.encryptionSetOutside());
        assertEquals(new SettingElsewhere(LinuxDetails.MAIN_CONF, "opportunistic"), d.encryptionAfterRevert());
    }

    @Test
    @DisplayName("the effective keys leave out the main file's DNS= and DNSSEC= where no file is read, and the files "
            + "from a stop on")
    void effectiveKeysStopWhereResolvedStops() {
        Map<String, String> main = Map.of("DNS", "198.18.0.9", "DNSSEC", "yes");
        assertEquals(Map.of(), ResolvedConfFiles.effectiveKeys(main, List.of(CLOSED_ALL)));
        DropIn early = file("10-early.conf", Map.of("DNSSEC", "no"));
        DropIn late = file("30-late.conf", Map.of("DNSSEC", "allow-downgrade"));
        assertEquals(Map.of("DNS", "198.18.0.9", "DNSSEC", "no"),
                ResolvedConfFiles.effectiveKeys(main, List.of(early, CLOSED_HERE, late)));
    }

    @Test
    @DisplayName("after a restart: no file names a server and the built-in DNSOverTLS= applies where no file is read; "
            + "a file past a stop neither names servers nor turns encryption off")
    void nextStartReadsWhatResolvedReads() {
        LinuxDetails none = noFileRead();
        assertFalse(none.serversAtNextStart());
        assertEquals(new SettingElsewhere(null, "no"), none.encryptionAtNextStart());

        DropIn early = file("10-early.conf", Map.of("DNSOverTLS", "opportunistic"));
        DropIn past = file("30-late.conf", Map.of("DNSOverTLS", "no", "DNS", "198.18.0.7"));
        LinuxDetails stopped = details(List.of(early, CLOSED_HERE, past), null, null);
        assertFalse(stopped.serversAtNextStart(), "30-late.conf is past the stop");
        assertEquals(new SettingElsewhere(early.path(), "opportunistic"), stopped.encryptionAtNextStart());
        assertTrue(details(List.of(early, CLOSED_HERE, past), null, "198.18.0.9").serversAtNextStart(),
                "the main file is read before the stop");
    }
}
