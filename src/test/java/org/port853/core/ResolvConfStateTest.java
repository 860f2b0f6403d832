package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolvConfStateTest {
    private static ResolvConfState staticFile(String... nameservers) {
        return new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of(nameservers));
    }

    @Test
    void aFileOfItsOwnNamingOnlyTheStubsGoesThroughTheStub() {
        assertTrue(staticFile("127.0.0.53").pointsOnlyAtStub());
        assertTrue(staticFile("127.0.0.54", "127.0.0.53").pointsOnlyAtStub());
        assertEquals(Optional.empty(), staticFile("127.0.0.53").bypass());
    }

    @Test
    void anotherServerBesideTheStubOrNoneAtAllBypassesIt() {
        assertFalse(staticFile("127.0.0.53", "192.168.1.1").pointsOnlyAtStub());
        assertFalse(staticFile().pointsOnlyAtStub(), "no nameserver line: the C library asks 127.0.0.1");
        assertFalse(staticFile("127.0.0.1").pointsOnlyAtStub());
        assertEquals(Optional.of("/etc/resolv.conf is a file of its own naming 127.0.0.53, 192.168.1.1"),
                staticFile("127.0.0.53", "192.168.1.1").bypass());
        assertEquals(Optional.of("/etc/resolv.conf is a file of its own"), staticFile().bypass());
    }
}
