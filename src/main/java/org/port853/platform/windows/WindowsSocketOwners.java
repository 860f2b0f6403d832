package org.port853.platform.windows;

import java.util.Optional;
import java.util.OptionalInt;
import org.port853.capture.SocketOwnerLookup;
import org.port853.platform.windows.jna.JnaSocketTables;

/**
 * The program behind a leaked query on Windows: the owning process id of the local port from the IP helper's
 * socket tables (at once, while the socket still exists), its image name later ({@code QueryFullProcessImageName}).
 * Found by ServiceLoader; supported only on Windows.
 */
public final class WindowsSocketOwners implements SocketOwnerLookup {
    private final PidLookup pids;
    private final java.util.function.IntFunction<String> names;

    /** The owning process of a local port (protocol 6 or 17; 16-byte address = IPv6). */
    @FunctionalInterface
    public interface PidLookup {
        OptionalInt pid(boolean tcp, boolean v6, int port);
    }

    public WindowsSocketOwners() {
        this(new JnaSocketTables()::pid, JnaSocketTables::name);
    }

    public WindowsSocketOwners(PidLookup pids, java.util.function.IntFunction<String> names) {
        this.pids = pids;
        this.names = names;
    }

    @Override
    public boolean isSupported() {
        return WindowsResolverAdapter.isWindows();
    }

    @Override
    public Optional<Socket> find(int protocol, byte[] address, int port) {
        try {
            OptionalInt pid = pids.pid(protocol == 6, address.length == 16, port);
            return pid.isPresent() ? Optional.of(new Socket(pid.getAsInt(), -1)) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public String describe(Socket socket) {
        int pid = (int) socket.id();
        return names.apply(pid) + " (" + pid + ")";
    }
}
