package org.port853.probe.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;
import org.port853.probe.dot.CertificateReport;
import org.port853.probe.dot.ProbeReport;
import org.port853.probe.dot.TcpOutcome;
import org.port853.probe.dot.TlsOutcome;

/**
 * A clock far off (the rig's namespaces share the host's clock, which no test may change): doctor does not measure the
 * offset itself; it reads the synchronisation (clock.sync) and judges certificate dates against this computer's
 * clock, so a skewed clock shows as an expired or not yet valid certificate whose fix names the clock.
 */
class ClockSkewTest {
    static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");

    /** The report the probe makes of a certificate valid 2026..2036 when this computer's clock reads {@code now}. */
    static ProbeReport probedAt(Instant now) {
        CertificateReport c = new CertificateReport("dot.test", "Rig-CA", "Rig-CA", List.of("DNS:dot.test"), NOT_BEFORE,
                NOT_AFTER, now.isAfter(NOT_AFTER), now.isBefore(NOT_BEFORE), true, null, true, "dot.test", "PIN");
        return new ProbeReport(ServerAddress.parse("198.18.0.2#dot.test"), TcpOutcome.OK, TlsOutcome.OK, null, 1.0, 1.0,
                "TLSv1.3", "X", c, 1.0, List.of(1.0), List.of(), 0, "a.test", "NOERROR", List.of(), true, null, null);
    }

    static Check expiry(Instant now) {
        return ServerChecks.of(probedAt(now), DotMode.STRICT, null, null, now).stream()
                .filter(c -> c.id().equals("tls.expiry")).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("clock years ahead: the certificate reads expired, and the fix says to fix the time if it is wrong")
    void clockAhead() {
        Check c = expiry(Instant.parse("2040-06-01T12:00:00Z"));
        assertEquals(CheckStatus.FAILURE, c.status());
        assertTrue(c.evidence().contains("(now 2040-06-01T12:00:00Z)"), c.evidence());
        assertTrue(c.fix().contains("If the clock is wrong, fix the time first"), c.fix());
    }

    @Test
    @DisplayName("clock years behind: the certificate is not yet valid, said as a clock behind, fixed by NTP")
    void clockBehind() {
        Check c = expiry(Instant.parse("2020-06-01T12:00:00Z"));
        assertEquals(CheckStatus.FAILURE, c.status());
        assertTrue(c.evidence().contains("clock is probably behind"), c.evidence());
        assertTrue(c.fix().contains("timedatectl set-ntp true"), c.fix());
    }

    @Test
    @DisplayName("the clock check itself: unsynchronised is a warning whose fix turns NTP on; synchronised with a huge "
            + "estimated error warns too; the kernel's offset is shown")
    void clockCheck() {
        Check unsynced = ClockChecks.of(new ClockStatus(false, false, 16_000.0, 250.0, null));
        assertEquals(CheckStatus.WARNING, unsynced.status());
        assertTrue(unsynced.fix().contains("timedatectl set-ntp true"), unsynced.fix());
        assertTrue(unsynced.evidence().contains("offset 250.0 ms"), unsynced.evidence());
        Check uncertain = ClockChecks.of(new ClockStatus(true, true, 120_000.0, 0.0, null));
        assertEquals(CheckStatus.WARNING, uncertain.status());
    }
}
