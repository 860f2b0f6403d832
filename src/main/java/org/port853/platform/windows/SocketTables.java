package org.port853.platform.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;

/**
 * Finds the process that owns a local port in the tables {@code GetExtendedUdpTable}/{@code GetExtendedTcpTable}
 * return with the {@code *_OWNER_PID} classes (iphlpapi.h, tcpmib.h, udpmib.h): a DWORD entry count, then rows.
 * Row sizes: MIB_UDPROW_OWNER_PID 12 bytes, MIB_UDP6ROW_OWNER_PID 28, MIB_TCPROW_OWNER_PID 24,
 * MIB_TCP6ROW_OWNER_PID 56. Ports are in network byte order in the low 16 bits of a DWORD. Every read is bounds
 * checked: a short or lying buffer gives "not found", never an exception.
 */
public enum SocketTables {
    UDP4(12, 4, 8), UDP6(28, 20, 24), TCP4(24, 8, 20), TCP6(56, 20, 52);

    private final int rowSize;
    private final int localPortOffset;
    private final int pidOffset;

    SocketTables(int rowSize, int localPortOffset, int pidOffset) {
        this.rowSize = rowSize;
        this.localPortOffset = localPortOffset;
        this.pidOffset = pidOffset;
    }

    public int rowSize() {
        return rowSize;
    }

    public int localPortOffset() {
        return localPortOffset;
    }

    public int pidOffset() {
        return pidOffset;
    }

    /** The owning PID of the first row bound to {@code port}. */
    public OptionalInt ownerOf(byte[] table, int length, int port) {
        if (length < 4 || length > table.length) {
            return OptionalInt.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(table, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        long rows = b.getInt(0) & 0xffffffffL;
        for (long i = 0; i < rows; i++) {
            long row = 4 + i * rowSize;
            if (row + rowSize > length) {
                break;
            }
            int raw = b.getInt((int) row + localPortOffset);
            int p = ((raw & 0xff) << 8) | ((raw >>> 8) & 0xff);
            if (p == port) {
                return OptionalInt.of(b.getInt((int) row + pidOffset));
            }
        }
        return OptionalInt.empty();
    }
}
