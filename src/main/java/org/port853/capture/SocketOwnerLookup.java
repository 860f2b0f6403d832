package org.port853.capture;

import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Which local program holds a socket, to name the program behind a leaked query ({@link ProcessResolver}). Linux's
 * (sock_diag + {@code /proc}) is built in; other platforms register one with {@link ServiceLoader}
 * (META-INF/services), so capture names no platform class.
 */
public interface SocketOwnerLookup {
    /** A socket found by {@link #find}: an opaque id (Linux: the inode; Windows: the owning process id) and owner uid. */
    record Socket(long id, int uid) {
    }

    /** Quick and never throwing: does this lookup work on this machine (checks the operating system first)? */
    boolean isSupported();

    /**
     * The local socket bound to this address and port (protocol 6 TCP, 17 UDP), looked up at once on the leak worker
     * because it may close soon; empty when it is gone. Must be quick and never throw.
     */
    Optional<Socket> find(int protocol, byte[] address, int port);

    /** "name (pid)" of the program holding the socket, or the best that is known; on the resolver's own thread. */
    String describe(Socket socket);

    /** A supported registered lookup, else Linux's when it works here, else none. */
    static Optional<SocketOwnerLookup> forThisMachine() {
        Optional<SocketOwnerLookup> registered = ServiceLoader.load(SocketOwnerLookup.class).stream().map(p -> {
            try {
                return p.get();
            } catch (ServiceConfigurationError | RuntimeException e) {
                return null;
            }
        }).filter(Objects::nonNull).filter(SocketOwnerLookup::isSupported).findFirst();
        if (registered.isPresent()) {
            return registered;
        }
        LinuxSocketOwners linux = new LinuxSocketOwners();
        return linux.isSupported() ? Optional.of(linux) : Optional.empty();
    }
}
