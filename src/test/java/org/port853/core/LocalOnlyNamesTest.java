package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalOnlyNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"home.arpa", "nas.home.arpa", "NAS.Home.Arpa.", "printer.local", "local", "git.internal",
            "1.0.0.10.in-addr.arpa", "16.172.in-addr.arpa", "5.31.172.in-addr.arpa", "1.1.168.192.in-addr.arpa",
            "254.169.in-addr.arpa", "d.f.ip6.arpa", "b.e.f.ip6.arpa"})
    void localOnly(String name) {
        assertTrue(LocalOnlyNames.contains(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "corp.example", "fritz.box", "lan", "myhome.arpa", "arpa", "notlocal",
            "15.172.in-addr.arpa", "32.172.in-addr.arpa", "11.in-addr.arpa", "in-addr.arpa", "e.f.ip6.arpa",
            "7.e.f.ip6.arpa", "local.example.com"})
    void public_(String name) {
        assertFalse(LocalOnlyNames.contains(name), name);
    }
}
