package org.port853.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import org.port853.core.RegularFiles;
import org.xbill.DNS.config.ResolvConfResolverConfigProvider;

/**
 * A resolv.conf's name servers as dnsjava takes them (its own parser), from bytes read through {@link RegularFiles}:
 * dnsjava's own read is a plain open, which waits for good on a named pipe in the file's place.
 */
final class ResolvConfServers extends ResolvConfResolverConfigProvider {
    private static final int MAX_BYTES = 256 * 1024;

    private ResolvConfServers() {
    }

    /** Does dnsjava take this system's servers from a resolv.conf (not on Windows or Android)? */
    static boolean usedHere() {
        return new ResolvConfServers().isEnabled();
    }

    /** The file's name servers, port 53; none where it is missing, unreadable, too large or no regular file. */
    static List<InetSocketAddress> of(Path resolvConf) {
        ResolvConfServers read = new ResolvConfServers();
        try {
            read.parseResolvConf(new ByteArrayInputStream(RegularFiles.readAtMost(resolvConf, MAX_BYTES).bytes()));
        } catch (IOException e) {
            return List.of();
        }
        return read.servers();
    }
}
