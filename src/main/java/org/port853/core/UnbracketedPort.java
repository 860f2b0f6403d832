package org.port853.core;

import java.net.Inet6Address;
import java.util.Optional;
import java.util.Set;

/**
 * An IPv6 server written with what looks like a port but no brackets ({@code 2001:db8::1:853}): it is the address
 * 2001:db8::1:853, as systemd-resolved reads it too, yet the writer most likely meant port 853 of 2001:db8::1.
 */
public final class UnbracketedPort {
    private static final Set<String> PORTS = Set.of("53", "853");

    private UnbracketedPort() {
    }

    /**
     * What {@code server} ({@code ADDR[#NAME]}, no brackets) was most likely meant as: {@code host} and {@code port}
     * ({@code 2001:db8::1} and {@code 853} for {@code 2001:db8::1:853}), {@code name} the {@code #NAME} part or "".
     */
    public record Meant(String host, String port, String name) {
        /** How it is written with the port in brackets: {@code [2001:db8::1]:853#name}. */
        public String bracketed() {
            return "[" + host + "]:" + port + name;
        }
    }

    /** The host and port {@code server} looks meant as, when its last group looks like a DNS port. */
    public static Optional<Meant> meant(String server) {
        if (server == null || server.startsWith("[")) {
            return Optional.empty();
        }
        int hash = server.indexOf('#');
        String address = hash < 0 ? server : server.substring(0, hash);
        int colon = address.lastIndexOf(':');
        if (colon < 0 || address.indexOf(':') == colon || !PORTS.contains(address.substring(colon + 1))) {
            return Optional.empty();
        }
        String host = address.substring(0, colon);
        if (!IpAddresses.isAddress(address) || !IpAddresses.isAddress(host)
                || !(IpAddresses.parse(host) instanceof Inet6Address)) {
            return Optional.empty();
        }
        return Optional.of(new Meant(host, address.substring(colon + 1), hash < 0 ? "" : server.substring(hash)));
    }

    /** How {@code server} ({@code ADDR[#NAME]}) is written with the port in brackets, when it looks meant so. */
    public static Optional<String> bracketed(String server) {
        return meant(server).map(Meant::bracketed);
    }

    /** The warning line for the CLI, or empty. */
    public static Optional<String> warning(String server) {
        return bracketed(server).map(b -> "server '" + Printable.of(server) + "' is the IPv6 address "
                + Printable.of(server.split("#", 2)[0]) + " (systemd-resolved reads it so too); for a port, put the "
                + "address in brackets: " + Printable.of(b));
    }
}
