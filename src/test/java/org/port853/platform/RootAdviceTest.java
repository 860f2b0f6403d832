package org.port853.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RootAdviceTest {
    private static final String START = "Start it: sudo systemctl enable --now systemd-resolved.service";

    @Test
    void rootIsToldTheCommandWithoutSudo() {
        assertEquals("Start it: systemctl enable --now systemd-resolved.service", RootAdvice.of(START, true));
        assertEquals("Install it: apt install libpcap0.8 (Debian, Ubuntu) or dnf install libpcap (Fedora).",
                RootAdvice.of("Install it: sudo apt install libpcap0.8 (Debian, Ubuntu) or sudo dnf install libpcap "
                        + "(Fedora).", true));
    }

    @Test
    void otherUsersKeepSudoAndTextWithoutACommandStays() {
        assertEquals(START, RootAdvice.of(START, false));
        assertEquals("start polkit or run the command with sudo", RootAdvice.of("start polkit or run the command with sudo",
                true));
        assertNull(RootAdvice.of(null, true));
    }
}
