package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.port853.core.DomainEntry;
import org.port853.core.ServerAddress;

class BusValuesTest {
    static List<Byte> bytes(int... b) {
        Byte[] out = new Byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return List.of(out);
    }

    static final byte[] V6 = new byte[]{0x26, 0x20, 0, (byte) 0xfe, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xfe};

    @Test
    void managerServersAsObjectArraysWithListOfBytes() {
        Object value = List.of(
                new Object[]{0, 2, bytes(9, 9, 9, 9), new UInt16(0), "dns.quad9.net"},
                new Object[]{3, 2, bytes(192, 168, 1, 1), new UInt16(53), ""},
                new Object[]{0, 10, V6, new UInt16(853), "dns.quad9.net"});
        List<ServerAddress> global = BusValues.servers(value, true, true);
        assertEquals(List.of("9.9.9.9#dns.quad9.net", "[2620:fe::fe]:853#dns.quad9.net"),
                global.stream().map(ServerAddress::toResolvedSyntax).toList());
        List<ServerAddress> all = BusValues.servers(value, true, false);
        assertEquals(3, all.size());
        assertEquals("192.168.1.1:53", all.get(1).toResolvedSyntax());
        assertNull(all.get(1).tlsName());
    }

    @Test
    void linkServersAsObjectArrayOfListsWithByteArrays() {
        Object value = new Object[]{List.of(2, new byte[]{1, 1, 1, 1}, new UInt16(0), "cloudflare-dns.com")};
        assertEquals(List.of("1.1.1.1#cloudflare-dns.com"),
                BusValues.servers(value, false, false).stream().map(ServerAddress::toResolvedSyntax).toList());
    }

    @Test
    void oldShapesWithoutPortOrNameAndBadEntriesAreSkipped() {
        Object value = List.of(new Object[]{2, bytes(8, 8, 8, 8)}, new Object[]{2, bytes()},
                new Object[]{2, bytes(1, 2, 3)}, new Object[]{2}, "junk",
                new Object[]{2, bytes(1, 1, 1, 1), new UInt16(0), "bad name!"});
        // a server with a name that is no host name is one the system uses: kept, its name only shown
        assertEquals(List.of("8.8.8.8", "1.1.1.1#bad\\x20name!"),
                BusValues.servers(value, false, false).stream().map(ServerAddress::toShownSyntax).toList());
        assertTrue(BusValues.servers(null, true, true).isEmpty());
        assertTrue(BusValues.servers("nonsense", true, true).isEmpty());
    }

    @Test
    void aLookAlikeNameTheSystemUsesKeepsItsServer() {
        // resolved takes "DNS=198.18.0.2#аррӏе.com" (Cyrillic а, р, р, ӏ, е) from a file someone else wrote: the server
        // is in use and must be in the state, its name in the ASCII form, not left out as if none were configured
        Object value = List.of(new Object[]{0, 2, bytes(198, 18, 0, 2), new UInt16(0), "\u0430\u0440\u0440\u04cf\u0435.com"},
                new Object[]{0, 2, bytes(198, 18, 0, 3), new UInt16(853), "dns.qu\u0430d9.net"});
        assertEquals(List.of("198.18.0.2#xn--80ak6aa92e.com", "198.18.0.3:853#dns.xn--qud9-63d.net"),
                BusValues.servers(value, true, true).stream().map(ServerAddress::toResolvedSyntax).toList());
        assertEquals("198.18.0.2#xn--80ak6aa92e.com", BusValues.server(
                new Object[]{0, 2, bytes(198, 18, 0, 2), new UInt16(0), "\u0430\u0440\u0440\u04cf\u0435.com"}, true)
                .toString(), "the current server too");
    }

    @Test
    void aNameThatIsNoHostNameKeepsItsServerWithTheNameEscaped() {
        // what resolved 247, 252, 257 and 262 took from "DNS=ADDR#NAME" in a drop-in and reported as it was written
        String long64 = "a".repeat(64);
        Object value = List.of(new Object[]{0, 2, bytes(198, 18, 0, 2), new UInt16(0), "dns_x.example"},
                new Object[]{0, 2, bytes(198, 18, 0, 3), new UInt16(0), "dns\uD83D\uDE00.example"},
                new Object[]{0, 2, bytes(198, 18, 0, 4), new UInt16(0), long64 + ".example"},
                new Object[]{0, 2, bytes(198, 18, 0, 5), new UInt16(853), "dns\u0001x\u202eelpmaxe.test"},
                new Object[]{0, 2, bytes(198, 18, 0, 6), new UInt16(0), "a..example"});
        List<ServerAddress> servers = BusValues.servers(value, true, true);
        assertEquals(List.of("198.18.0.2#dns_x.example", "198.18.0.3#dns\\U0001f600.example",
                "198.18.0.4#" + long64 + ".example", "198.18.0.5:853#dns\\x01x\\u202eelpmaxe.test",
                "198.18.0.6#a..example"), servers.stream().map(ServerAddress::toShownSyntax).toList());
        assertTrue(servers.stream().allMatch(s -> s.tlsName() == null), "no name that is no host name is ever used");
        assertEquals("198.18.0.2#dns_x.example", BusValues.server(
                new Object[]{0, 2, bytes(198, 18, 0, 2), new UInt16(0), "dns_x.example"}, true).toShownSyntax(),
                "the current server too");
    }

    @Test
    void currentServer() {
        assertNull(BusValues.server(null, true));
        assertNull(BusValues.server(new Object[]{0, 2, bytes(), new UInt16(0), ""}, true), "no current server yet");
        assertEquals("9.9.9.9#dns.quad9.net",
                BusValues.server(new Object[]{0, 2, bytes(9, 9, 9, 9), new UInt16(0), "dns.quad9.net"}, true).toString());
        assertEquals("9.9.9.9",
                BusValues.server(new Object[]{2, new byte[]{9, 9, 9, 9}, new UInt16(0), ""}, false).toString());
    }

    @Test
    void domains() {
        Object manager = List.of(new Object[]{0, ".", true}, new Object[]{2, "lan", false}, new Object[]{0, "corp", false},
                new Object[]{0});
        assertEquals(List.of(new DomainEntry(".", true), new DomainEntry("corp", false)),
                BusValues.domains(manager, true, true));
        assertEquals(3, BusValues.domains(manager, true, false).size());
        Object link = new Object[]{new Object[]{"vpn.example", true}};
        assertEquals(List.of(new DomainEntry("vpn.example", true)), BusValues.domains(link, false, false));
    }

    @Test
    void scalarProperties() {
        Map<String, Variant<?>> props = Map.of("DNSOverTLS", new Variant<>("yes"), "DNSSECSupported",
                new Variant<>(Boolean.TRUE), "DefaultRoute", new Variant<>("not a boolean"));
        assertEquals("yes", BusValues.string(props, "DNSOverTLS"));
        assertEquals("", BusValues.string(props, "Missing"));
        assertTrue(BusValues.bool(props, "DNSSECSupported"));
        assertFalse(BusValues.bool(props, "DefaultRoute"));
        assertFalse(BusValues.bool(props, "Missing"));
        assertNull(BusValues.value(props, "Missing"));
    }
}
