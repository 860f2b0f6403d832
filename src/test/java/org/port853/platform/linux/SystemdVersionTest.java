package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemdVersionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "systemd 252 (252.38-1~deb12u1)\n+PAM +AUDIT +SELINUX +APPARMOR default-hierarchy=unified | 252",
            "systemd 245 (245.4-4ubuntu3.23)\n+PAM +AUDIT | 245",
            "  systemd 256 (256.7-1)\n | 256",
            "systemd 239 | 239",
            "not systemd at all | 0",
            "systemd x | 0",
            "' ' | 0",
    })
    void parses(String text, int expected) {
        assertEquals(expected, SystemdVersion.parse(text.replace("\\n", "\n")));
    }

    @org.junit.jupiter.api.Test
    void nullIsUnknown() {
        assertEquals(0, SystemdVersion.parse(null));
    }
}
