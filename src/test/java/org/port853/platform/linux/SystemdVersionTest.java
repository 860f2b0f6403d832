package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SystemdVersionTest {
    @Test
    void debian12() {
        assertEquals(252, SystemdVersion.parse("systemd 252 (252.38-1~deb12u1)\n+PAM +AUDIT +SELINUX +APPARMOR "
                + "+IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID\ndefault-hierarchy=unified\n"));
    }

    @Test
    void ubuntu2004() {
        assertEquals(245, SystemdVersion.parse("systemd 245 (245.4-4ubuntu3.23)\n+PAM +AUDIT\n"));
    }

    @Test
    void leadingWhitespaceAndBareNumber() {
        assertEquals(256, SystemdVersion.parse("  systemd 256 (256.7-1)\n"));
        assertEquals(239, SystemdVersion.parse("systemd 239"));
    }

    @Test
    void unknownIsZero() {
        assertEquals(0, SystemdVersion.parse(null));
        assertEquals(0, SystemdVersion.parse(""));
        assertEquals(0, SystemdVersion.parse("not systemd at all"));
        assertEquals(0, SystemdVersion.parse("systemd x"));
        assertEquals(0, SystemdVersion.parse("warning: something\nsystemd 252"), "version must be on the first line");
    }
}
