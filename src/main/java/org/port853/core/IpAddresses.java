package org.port853.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parses IP address literals without ever doing a name lookup. */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    /** An address with a port: {@code 192.0.2.1:853} or {@code [2001:db8::1]:853}. */
    private static final Pattern WITH_PORT = Pattern.compile(
            "(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}|\\[([0-9A-Fa-f:.]+)]:\\d{1,5}");

    private IpAddresses() {
    }

    public static InetAddress parse(String text) {
        java.util.regex.Matcher withPort = text == null ? null : WITH_PORT.matcher(text);
        if (withPort != null && withPort.matches()) {
            String bare = withPort.group(1) != null ? withPort.group(1) : withPort.group(2);
            parse(bare); // an invalid address before the port is refused as such
            throw new InvalidInputException("'" + text + "' has a port: write the address alone, " + bare)
                    .says("address.port", text, bare);
        }
        if (text != null && IPV4.matcher(text).matches()) {
            return literal(text);
        }
        if (text != null && text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
            InetAddress a = literal(text);
            if (a instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress() && text.indexOf('.') >= 0) {
                // ::a.b.c.d, deprecated since RFC 4291: the IPv4 address was meant, and Java would keep it as ::102:304
                String v4 = text.substring(text.lastIndexOf(':') + 1);
                throw new InvalidInputException("'" + text + "' is an IPv4-compatible IPv6 address (deprecated), which "
                        + "is not accepted: write the IPv4 address " + v4).says("address.ipv4-compatible", text, v4);
            }
            if (a instanceof Inet6Address) {
                return a;
            }
            // Java turns ::ffff:a.b.c.d into the IPv4 address; resolved and Windows would not
            throw new InvalidInputException("'" + text + "' is an IPv4-mapped IPv6 address, which is not accepted: "
                    + "write the IPv4 address " + a.getHostAddress()).says("address.ipv4-mapped", text, a.getHostAddress());
        }
        int zone = text == null ? -1 : text.indexOf('%');
        if (zone > 0 && text.indexOf(':') >= 0 && zone < text.length() - 1
                && IPV6_CHARS.matcher(text.substring(0, zone)).matches()) {
            String bare = text.substring(0, zone);
            parse(bare); // an invalid address before the zone is refused as such
            throw new InvalidInputException("'" + Printable.of(text) + "' names an interface (%" + Printable.of(
                    text.substring(zone + 1)) + "), which an address here cannot carry: write the address alone, "
                    + bare).says("address.zone", Printable.of(text), Printable.of(text.substring(zone + 1)), bare);
        }
        if (text != null && DnsNames.isHostName(text)) {
            throw new InvalidInputException("'" + text + "' is a host name, not an IP address: a resolver cannot "
                    + "look up its own server's name without a circular dependency").says("address.host-name", text);
        }
        throw new InvalidInputException("'" + Printable.of(text) + "' is not an IPv4 or IPv6 address")
                .says("address.invalid", Printable.of(text));
    }

    /**
     * {@code a} (written {@code shown}) as a server address anywhere: never the wildcard, a multicast or the limited
     * broadcast address 255.255.255.255, where no single server answers.
     */
    public static InetAddress requireServer(InetAddress a, String shown) {
        if (a.isAnyLocalAddress() || a.isMulticastAddress() || isLimitedBroadcast(a)) {
            throw new InvalidInputException("'" + shown + "' cannot be a DNS server address")
                    .says("address.not-server", shown);
        }
        return a;
    }

    /**
     * {@code a} as a global server someone chooses: {@link #requireServer}, and not IPv6 link-local, which names a
     * server only together with an interface ({@code %IFACE}, refused for global servers). IPv4 link-local
     * (169.254.0.0/16) is routed without an interface, like a private network, and cloud resolvers live there.
     */
    public static InetAddress requireGlobalServer(InetAddress a, String shown) {
        requireServer(a, shown);
        if (a instanceof Inet6Address && a.isLinkLocalAddress()) {
            throw new InvalidInputException("'" + shown + "' is a link-local address, which reaches a server only "
                    + "through one interface (%IFACE); use global servers").says("address.link-local", shown);
        }
        return a;
    }

    /**
     * {@code text} as a global server someone chooses ({@link #requireGlobalServer}): a link-local address with its
     * interface ({@code fe80::1%eth0}) is refused as link-local at once, not told to drop the interface and then
     * refused for what is left.
     */
    public static InetAddress parseGlobalServer(String text) {
        int zone = text == null ? -1 : text.indexOf('%');
        if (zone > 0 && isAddress(text.substring(0, zone))) {
            requireGlobalServer(parse(text.substring(0, zone)), Printable.of(text));
        }
        return requireGlobalServer(parse(text), text);
    }

    private static boolean isLimitedBroadcast(InetAddress a) {
        byte[] raw = a.getAddress();
        return raw.length == 4 && (raw[0] & raw[1] & raw[2] & raw[3]) == (byte) 0xff;
    }

    public static boolean isAddress(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * An address as a system reports it, an IPv6 one with its numeric zone index where it has one ({@code fe80::1%12},
     * as Windows shows a link-local server); the zone stays on the address, so that {@link #format} shows it again.
     */
    public static InetAddress parseReported(String text) {
        int zone = text == null ? -1 : text.indexOf('%');
        if (zone > 0 && text.substring(zone + 1).matches("\\d{1,9}")) {
            InetAddress bare = parse(text.substring(0, zone));
            if (bare instanceof Inet6Address) {
                try {
                    return Inet6Address.getByAddress(null, bare.getAddress(), Integer.parseInt(text.substring(zone + 1)));
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException("16 bytes are an IPv6 address", e);
                }
            }
        }
        return parse(text);
    }

    /** Canonical text: dotted quad, or compressed lower-case IPv6 (RFC 5952) with its numeric zone index if any. */
    public static String format(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return compressIpv6(address.getAddress()) + (v6.getScopeId() != 0 ? "%" + v6.getScopeId() : "");
        }
        return address.getHostAddress();
    }

    /**
     * True for an address that is reachable only inside a local network: private IPv4 (RFC 1918), link-local,
     * unique-local IPv6 (fc00::/7) and loopback. Plaintext to such a server does not cross the internet.
     */
    public static boolean isLocalNetwork(InetAddress a) {
        byte[] raw = a.getAddress();
        boolean uniqueLocal = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
        return a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isLoopbackAddress() || uniqueLocal;
    }

    public static InetAddress fromBytes(byte[] raw) {
        try {
            if (raw.length != 4 && raw.length != 16) {
                throw new InvalidInputException("address of " + raw.length + " bytes")
                        .says("address.bytes", raw.length);
            }
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("address of " + raw.length + " bytes").says("address.bytes", raw.length);
        }
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("'" + Printable.of(text) + "' is not an IPv4 or IPv6 address")
                    .says("address.invalid", Printable.of(text));
        }
    }

    private static String compressIpv6(byte[] b) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && words[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(words[i]));
        }
        return s.toString();
    }
}
