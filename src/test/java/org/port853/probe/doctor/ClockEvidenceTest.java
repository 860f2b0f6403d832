package org.port853.probe.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClockEvidenceTest {
    @Test
    @DisplayName("every clock evidence line is a sentence a new user reads: no key=value, no bus name, no 'Kernel:' label")
    void everyStateInPlainWords() {
        for (Boolean ntp : Arrays.asList(true, false, null)) {
            for (Boolean kernel : Arrays.asList(true, false, null)) {
                String evidence = ClockChecks.of(new ClockStatus(ntp, kernel, kernel == null ? null : 16000.0,
                        kernel == null ? null : 0.0, ntp == null ? LinuxSystemSources.TIMEDATED_UNAVAILABLE : null))
                        .evidence();
                for (String internal : List.of("=", "org.freedesktop", "Kernel:", "timedated ", ".service files")) {
                    assertFalse(evidence.contains(internal), internal + " in: " + evidence);
                }
            }
        }
        assertEquals("Whether the clock is synchronised is unknown: systemd-timedated, the service that knows, is not "
                + "running or cannot be reached. The kernel does not count the clock as synchronised, offset 0.0 ms, "
                + "estimated error 16000.0 ms.", ClockChecks.of(new ClockStatus(null, false, 16000.0, 0.0,
                LinuxSystemSources.TIMEDATED_UNAVAILABLE)).evidence());
    }
}
