package org.port853.platform.windows.jna;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.util.Optional;
import java.util.OptionalInt;
import org.port853.platform.windows.SocketTables;

/** The process owning a local UDP/TCP port, from GetExtendedUdpTable/GetExtendedTcpTable, and a process's name. */
public final class JnaSocketTables {
    interface IpHlpApi extends Library {
        int GetExtendedUdpTable(Pointer table, IntByReference size, boolean order, int af, int tableClass, int reserved);

        int GetExtendedTcpTable(Pointer table, IntByReference size, boolean order, int af, int tableClass, int reserved);
    }

    static final int AF_INET = 2;
    static final int AF_INET6 = 23;
    static final int UDP_TABLE_OWNER_PID = 1;
    static final int TCP_TABLE_OWNER_PID_ALL = 5;
    private static final int ERROR_INSUFFICIENT_BUFFER = 122;
    private static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;

    /** "name.exe (pid)", or empty when no socket is bound to the port (or the table cannot be read). */
    public Optional<String> process(boolean tcp, boolean v6, int port) {
        OptionalInt pid = pid(tcp, v6, port);
        return pid.isPresent() ? Optional.of(name(pid.getAsInt()) + " (" + pid.getAsInt() + ")") : Optional.empty();
    }

    /** The owning process id of the first row bound to the local port. */
    public OptionalInt pid(boolean tcp, boolean v6, int port) {
        try {
            IpHlpApi api = Native.load("iphlpapi", IpHlpApi.class);
            SocketTables kind = tcp ? (v6 ? SocketTables.TCP6 : SocketTables.TCP4)
                    : (v6 ? SocketTables.UDP6 : SocketTables.UDP4);
            IntByReference size = new IntByReference(0);
            Memory buf = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int rc = call(api, tcp, buf, size, v6);
                if (rc == 0 && buf != null) {
                    return kind.ownerOf(buf.getByteArray(0, size.getValue()), size.getValue(), port);
                }
                if (rc != ERROR_INSUFFICIENT_BUFFER && rc != 0) {
                    return OptionalInt.empty();
                }
                buf = new Memory(Math.max(size.getValue(), 4) + 4096L);
                size.setValue((int) buf.size());
            }
            return OptionalInt.empty();
        } catch (RuntimeException | LinkageError e) {
            return OptionalInt.empty();
        }
    }

    private static int call(IpHlpApi api, boolean tcp, Memory buf, IntByReference size, boolean v6) {
        int af = v6 ? AF_INET6 : AF_INET;
        return tcp ? api.GetExtendedTcpTable(buf, size, false, af, TCP_TABLE_OWNER_PID_ALL, 0)
                : api.GetExtendedUdpTable(buf, size, false, af, UDP_TABLE_OWNER_PID, 0);
    }

    /** The image name ("dig.exe") of a process, or "?" when it is gone or not ours to query. */
    public static String name(int pid) {
        WinNT.HANDLE h = Kernel32.INSTANCE.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, false, pid);
        if (h == null) {
            return "?";
        }
        try {
            String path = Kernel32Util.QueryFullProcessImageName(h, 0);
            return path.substring(path.lastIndexOf('\\') + 1);
        } catch (RuntimeException e) {
            return "?";
        } finally {
            Kernel32.INSTANCE.CloseHandle(h);
        }
    }
}
