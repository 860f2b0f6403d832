package org.port853.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Linux: the socket from the kernel's table ({@link SockDiag}), its process from {@code /proc} ({@link SocketOwners}). */
final class LinuxSocketOwners implements SocketOwnerLookup {
    private final SocketOwners owners = new SocketOwners(); // used on the resolver's thread only

    @Override
    public boolean isSupported() {
        return Files.isDirectory(Path.of("/proc/self/fd")) && org.port853.netlink.NetlinkSocket.available();
    }

    @Override
    public Optional<Socket> find(int protocol, byte[] address, int port) {
        try {
            return SockDiag.lookup(protocol, address, port).map(e -> new Socket(e.inode(), e.uid()));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // best effort
        }
    }

    @Override
    public String describe(Socket socket) {
        return owners.describe(socket.id(), socket.uid());
    }
}
