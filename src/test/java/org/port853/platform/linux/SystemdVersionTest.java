package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.port853.core.UnicodeTlsNames;

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

    @Test
    void theFeatureLineSaysWhichLibraryChecksTlsNames() {
        // the feature lines of the rig's releases: 247 (bullseye) with GnuTLS, 252 and 262 with OpenSSL
        assertEquals(UnicodeTlsNames.UNKNOWN, SystemdVersion.unicodeTlsNames("systemd 247 (247.3-7+deb11u5)\n+PAM "
                + "+AUDIT +SELINUX +IMA +APPARMOR +SMACK +SYSVINIT +UTMP +LIBCRYPTSETUP +GCRYPT +GNUTLS +ACL +XZ +LZ4\n"),
                "before 248 the line has no OPENSSL word, and resolved could be built with OpenSSL from 245 on");
        assertEquals(UnicodeTlsNames.CONVERTED, SystemdVersion.unicodeTlsNames("systemd 250 (250.4)\n+PAM +GNUTLS "
                + "-OPENSSL +ACL\n"));
        assertEquals(UnicodeTlsNames.AS_WRITTEN, SystemdVersion.unicodeTlsNames("systemd 252 (252.39-1~deb12u2)\n+PAM "
                + "+AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL\n"));
        assertEquals(UnicodeTlsNames.AS_WRITTEN, SystemdVersion.unicodeTlsNames("systemd 262 (262.1-1)\n+PAM -GNUTLS "
                + "+OPENSSL +ACL"));
        assertEquals(new SystemdVersion.Build(252, UnicodeTlsNames.AS_WRITTEN),
                SystemdVersion.Build.of("systemd 252 (252.39-1~deb12u2)\n+PAM -GNUTLS +OPENSSL\n"));
    }

    @Test
    void bothLibrariesOrNoneIsNotKnown() {
        // with both, the build option dns-over-tls= decides, which the line does not show
        assertEquals(UnicodeTlsNames.UNKNOWN, SystemdVersion.unicodeTlsNames("systemd 249 (249.11-0ubuntu3)\n+PAM "
                + "+GNUTLS +OPENSSL +ACL"));
        assertEquals(UnicodeTlsNames.UNKNOWN, SystemdVersion.unicodeTlsNames("systemd 245 (245.4)\n+PAM -GNUTLS -OPENSSL"));
        assertEquals(UnicodeTlsNames.UNKNOWN, SystemdVersion.unicodeTlsNames("systemd 239"));
        assertEquals(UnicodeTlsNames.UNKNOWN, SystemdVersion.unicodeTlsNames(null));
        assertEquals(UnicodeTlsNames.UNKNOWN, SystemdVersion.Build.UNKNOWN.unicodeTlsNames());
    }
}
