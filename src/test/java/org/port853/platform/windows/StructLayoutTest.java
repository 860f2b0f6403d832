package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Memory;
import com.sun.jna.Structure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.PcapHeaderLayout;
import org.port853.platform.windows.jna.DnsQueryStructs;

/** Native layouts as Microsoft's headers define them for 64-bit Windows (natural alignment, as JNA computes here). */
class StructLayoutTest {
    @Test
    @DisplayName("DNS_QUERY_REQUEST (64 bytes) and DNS_QUERY_RESULT (32 bytes) for DnsQueryEx")
    void dnsQuery() {
        DnsQueryStructs.Request r = new DnsQueryStructs.Request();
        assertEquals(64, r.size());
        assertEquals(0, r.offsetOf("Version"));
        assertEquals(8, r.offsetOf("QueryName"));
        assertEquals(16, r.offsetOf("QueryType"));
        assertEquals(24, r.offsetOf("QueryOptions"));
        assertEquals(32, r.offsetOf("pDnsServerList"));
        assertEquals(40, r.offsetOf("InterfaceIndex"));
        assertEquals(48, r.offsetOf("pQueryCompletionCallback"));
        assertEquals(56, r.offsetOf("pQueryContext"));
        DnsQueryStructs.Result q = new DnsQueryStructs.Result();
        assertEquals(32, q.size());
        assertEquals(4, q.offsetOf("QueryStatus"));
        assertEquals(8, q.offsetOf("QueryOptions"));
        assertEquals(16, q.offsetOf("pQueryRecords"));
        assertEquals(0x8, DnsQueryStructs.DNS_QUERY_BYPASS_CACHE);
    }

    @Structure.FieldOrder({"dwLocalAddr", "dwLocalPort", "dwOwningPid"})
    public static class Udp4 extends Structure {
        public int dwLocalAddr;
        public int dwLocalPort;
        public int dwOwningPid;
    }

    @Structure.FieldOrder({"ucLocalAddr", "dwLocalScopeId", "dwLocalPort", "dwOwningPid"})
    public static class Udp6 extends Structure {
        public byte[] ucLocalAddr = new byte[16];
        public int dwLocalScopeId;
        public int dwLocalPort;
        public int dwOwningPid;
    }

    @Structure.FieldOrder({"dwState", "dwLocalAddr", "dwLocalPort", "dwRemoteAddr", "dwRemotePort", "dwOwningPid"})
    public static class Tcp4 extends Structure {
        public int dwState;
        public int dwLocalAddr;
        public int dwLocalPort;
        public int dwRemoteAddr;
        public int dwRemotePort;
        public int dwOwningPid;
    }

    @Structure.FieldOrder({"ucLocalAddr", "dwLocalScopeId", "dwLocalPort", "ucRemoteAddr", "dwRemoteScopeId",
        "dwRemotePort", "dwState", "dwOwningPid"})
    public static class Tcp6 extends Structure {
        public byte[] ucLocalAddr = new byte[16];
        public int dwLocalScopeId;
        public int dwLocalPort;
        public byte[] ucRemoteAddr = new byte[16];
        public int dwRemoteScopeId;
        public int dwRemotePort;
        public int dwState;
        public int dwOwningPid;
    }

    private static void same(SocketTables t, Structure s) {
        assertEquals(t.rowSize(), s.size(), t.name());
        s.getPointer(); // layout computed
    }

    @Test
    @DisplayName("MIB_*ROW_OWNER_PID sizes and offsets match the parser's constants")
    void socketRows() throws Exception {
        same(SocketTables.UDP4, new Udp4());
        same(SocketTables.UDP6, new Udp6());
        same(SocketTables.TCP4, new Tcp4());
        same(SocketTables.TCP6, new Tcp6());
        java.lang.reflect.Method off = Structure.class.getDeclaredMethod("fieldOffset", String.class);
        off.setAccessible(true);
        assertEquals(SocketTables.UDP6.localPortOffset(), off.invoke(new Udp6(), "dwLocalPort"));
        assertEquals(SocketTables.UDP6.pidOffset(), off.invoke(new Udp6(), "dwOwningPid"));
        assertEquals(SocketTables.TCP4.localPortOffset(), off.invoke(new Tcp4(), "dwLocalPort"));
        assertEquals(SocketTables.TCP4.pidOffset(), off.invoke(new Tcp4(), "dwOwningPid"));
        assertEquals(SocketTables.TCP6.localPortOffset(), off.invoke(new Tcp6(), "dwLocalPort"));
        assertEquals(SocketTables.TCP6.pidOffset(), off.invoke(new Tcp6(), "dwOwningPid"));
        assertEquals(SocketTables.UDP4.pidOffset(), off.invoke(new Udp4(), "dwOwningPid"));
    }

    @Test
    @DisplayName("the UDP table parser finds the owner of port 53000 (network byte order) and survives short buffers")
    void udpTable() {
        ByteBuffer b = ByteBuffer.allocate(4 + 2 * 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(2);
        b.putInt(0x0100007f).putInt(0x3500).putInt(4242);             // 127.0.0.1:53 pid 4242
        b.putInt(0).putInt(((53000 & 0xff) << 8) | (53000 >> 8)).putInt(777);
        byte[] t = b.array();
        assertEquals(OptionalInt.of(777), SocketTables.UDP4.ownerOf(t, t.length, 53000));
        assertEquals(OptionalInt.of(4242), SocketTables.UDP4.ownerOf(t, t.length, 53));
        assertEquals(OptionalInt.empty(), SocketTables.UDP4.ownerOf(t, 20, 53000), "row cut short");
        ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN).putInt(0, Integer.MAX_VALUE);
        assertEquals(OptionalInt.of(777), SocketTables.UDP4.ownerOf(t, t.length, 53000), "a lying count stops at the end");
        assertEquals(OptionalInt.empty(), SocketTables.UDP4.ownerOf(new byte[2], 2, 53));
    }

    @Test
    @DisplayName("pcap_pkthdr: 16 bytes with 32-bit timeval on Windows (Npcap), 24 on LP64")
    void pcapHeader() {
        Memory h = new Memory(16);
        h.setInt(0, 1_700_000_000);
        h.setInt(4, 250_000);
        h.setInt(8, 60);
        h.setInt(12, 1514);
        PcapHeaderLayout w = PcapHeaderLayout.WINDOWS;
        assertEquals(16, w.size());
        assertEquals(1_700_000_000L * 1_000_000_000L + 250_000_000L, w.nanos(h));
        assertEquals(60, w.caplen(h));
        assertEquals(1514, w.len(h));
        Memory l = new Memory(24);
        l.setLong(0, 1_700_000_000L);
        l.setLong(8, 250_000);
        l.setInt(16, 60);
        l.setInt(20, 1514);
        assertEquals(24, PcapHeaderLayout.LP64.size());
        assertEquals(w.nanos(h), PcapHeaderLayout.LP64.nanos(l));
        assertEquals(60, PcapHeaderLayout.LP64.caplen(l));
        assertEquals(PcapHeaderLayout.LP64, PcapHeaderLayout.forThisOs(), "these tests run on Linux");
    }
}
