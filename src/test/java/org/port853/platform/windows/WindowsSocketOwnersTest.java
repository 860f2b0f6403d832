package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.SocketOwnerLookup;

class WindowsSocketOwnersTest {
    @Test
    @DisplayName("the leak's local port is looked up in the UDP/TCP owner tables of its family; the name comes later")
    void findAndDescribe() {
        List<String> asked = new ArrayList<>();
        WindowsSocketOwners w = new WindowsSocketOwners((tcp, v6, port) -> {
            asked.add((tcp ? "tcp" : "udp") + (v6 ? "6" : "4") + ":" + port);
            return port == 53000 ? OptionalInt.of(812) : OptionalInt.empty();
        }, pid -> pid == 812 ? "dig.exe" : "?");
        Optional<SocketOwnerLookup.Socket> s = w.find(17, new byte[4], 53000);
        assertEquals(Optional.of(new SocketOwnerLookup.Socket(812, -1)), s);
        assertEquals("dig.exe (812)", w.describe(s.orElseThrow()));
        assertEquals(Optional.empty(), w.find(6, new byte[16], 40000), "a socket that is gone");
        assertEquals(List.of("udp4:53000", "tcp6:40000"), asked);
        WindowsSocketOwners broken = new WindowsSocketOwners((tcp, v6, port) -> {
            throw new UnsatisfiedLinkError("iphlpapi");
        }, pid -> "?");
        assertEquals(Optional.empty(), broken.find(17, new byte[4], 1), "best effort, never an exception");
    }

    @Test
    @DisplayName("found by ServiceLoader on Windows; Linux keeps its own lookup")
    void serviceLoader() {
        assertNotEquals(WindowsSocketOwners.class, SocketOwnerLookup.forThisMachine().map(Object::getClass).orElse(null));
        String os = System.getProperty("os.name");
        try {
            System.setProperty("os.name", "Windows 11");
            assertInstanceOf(WindowsSocketOwners.class, SocketOwnerLookup.forThisMachine().orElseThrow());
        } finally {
            System.setProperty("os.name", os);
        }
    }
}
