package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.doctor.FixActions;
import org.port853.probe.doctor.JournalExcerpt;
import org.port853.probe.doctor.JournalSignals;
import org.port853.rig.TestRig;

/**
 * The doctor's journal reading against what a REAL systemd-resolved prints when opportunistic mode falls back: the rig
 * has no journald, so resolved's own output (its log file) is dated as journalctl's short-unix dates it, after the
 * line with which systemd starts the unit.
 */
class ResolvedJournalLinesIT {
    @Test
    @DisplayName("resolved's real fallback line, read as the doctor reads the journal: journal.degraded fails, with "
            + "the server named and strict mode as the fix")
    void theFallbackResolvedPrintsIsFound() throws Exception {
        try (TestRig rig = TestRig.start("p853j145", 145, Map.of())) {
            Files.writeString(rig.dropInDir().resolve("50-test.conf"), "[Resolve]\nDNS=" + rig.plainServer()
                    + "#dot.test\nDNSOverTLS=opportunistic\nDNSSEC=no\nDomains=~.\n");
            rig.restartResolved();
            long started = Instant.now().getEpochSecond();
            rig.exec(null, Duration.ofSeconds(30), "resolvectl", "query", "--cache=no", "host.test");
            String log = Files.readString(rig.dir().resolve("log/resolved.log"));
            String sinceRestart = log.substring(log.lastIndexOf("---- start"));
            StringBuilder journal = new StringBuilder(started + ".000000 vm systemd[1]: Started "
                    + "systemd-resolved.service - Network Name Resolution.\n");
            sinceRestart.lines().skip(1).forEach(l -> journal.append(started + 1).append(".000000 vm systemd-resolved[")
                    .append(rig.resolvedPid()).append("]: ").append(l).append('\n'));
            JournalExcerpt read = JournalExcerpt.ofShortUnix(journal.toString());
            Check degraded = JournalSignals.of(read, Instant.now().atZone(ZoneOffset.UTC)).stream()
                    .filter(c -> c.id().equals("journal.degraded")).findFirst().orElseThrow();
            assertEquals(CheckStatus.FAILURE, degraded.status(), degraded.evidence() + "\n" + sinceRestart);
            assertTrue(degraded.evidence().contains("instead of TLS") && degraded.evidence().contains(rig.plainServer()
                    + "#dot.test"), degraded.evidence());
            assertEquals(FixActions.USE_STRICT_MODE, degraded.fixAction(), degraded.evidence());
        }
    }
}
