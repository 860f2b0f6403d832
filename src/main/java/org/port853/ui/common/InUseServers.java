package org.port853.ui.common;

import java.util.List;

import org.port853.core.Filtering;
import org.port853.core.Provider;
import org.port853.core.ServerAddress;

/**
 * A server the resolver uses that matches no provider in the list (set with the command line or outside Port853),
 * as a draft entry: it keeps its exact address, port and TLS name, so applying the draft keeps it unless the user
 * removes it. The entry's id carries the server itself, so nothing else has to remember it.
 */
public final class InUseServers {
    private static final String ID_PREFIX = "in-use:";

    private InUseServers() {
    }

    /** The draft entry for {@code a}: named "198.18.201.2 · dot.test". */
    public static Provider entry(ServerAddress a) {
        String name = a.tlsName() == null ? where(a) : where(a) + " · " + a.tlsName();
        List<String> address = List.of(a.addressText());
        return new Provider(ID_PREFIX + a.toResolvedSyntax(), name, a.isIpv6() ? List.of() : address,
                a.isIpv6() ? address : List.of(), a.tlsName(), null, Filtering.NONE, null, null, null, false);
    }

    /**
     * {@code a} in a list of servers, "198.18.201.2 (dot.test)", the address alone without a TLS name: the name is
     * said, as a provider's address under another name is not that provider's server; so is a name that is no host
     * name, as shown ({@link ServerAddress#nonHostName}).
     */
    public static String label(ServerAddress a) {
        String name = a.tlsName() != null ? a.tlsName() : a.nonHostName();
        return name == null ? where(a) : where(a) + " (" + name + ")";
    }

    /** The address and port, as resolved writes them, without the name. */
    private static String where(ServerAddress a) {
        String syntax = a.toResolvedSyntax();
        return a.tlsName() == null ? syntax : syntax.substring(0, syntax.lastIndexOf('#'));
    }

    public static boolean isEntry(Provider p) {
        return p.id().startsWith(ID_PREFIX);
    }

    /** The servers a draft entry stands for: an in-use entry its one exact server, a provider all of its own. */
    public static List<ServerAddress> serversOf(Provider p) {
        return isEntry(p) ? List.of(ServerAddress.parse(p.id().substring(ID_PREFIX.length()))) : p.servers();
    }
}
