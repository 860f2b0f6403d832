package org.port853.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A DNS server as systemd-resolved writes it: {@code ADDR[:PORT][%IFACE][#NAME]}, IPv6 in brackets when a
 * port follows. The name is the TLS authentication name (SNI and certificate check, systemd 246+).
 * {@code nonHostName} is a name the system reports that is no host name (resolved takes any text after '#'), in
 * {@link Printable#ascii} form for showing only: such a server has no {@code tlsName}, and nothing writes that name.
 * {@code unicodeName} is, for a reported name the system has in Unicode ("bücher.example"), that name as written, in
 * {@link Printable#ascii} form ("b\xfccher.example"), for showing only: {@code tlsName} holds its ASCII form
 * ("xn--bcher-kva.example"), which is what Port853 writes, checks and records; resolved checks the certificate against
 * the name as written where it is built with OpenSSL ({@link UnicodeTlsNames}).
 */
public record ServerAddress(InetAddress address, int port, String tlsName, String nonHostName, String unicodeName) {
    public static final int DEFAULT_PORT = 53;
    /** DNS-over-TLS's own port (RFC 7858). */
    public static final int DOT_PORT = 853;

    public ServerAddress {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("port " + port + " is out of range").says("server.port-range", port);
        }
        if (tlsName != null) {
            tlsName = tlsName.isEmpty() ? null : DnsNames.requireTlsName(tlsName);
        }
        if (nonHostName != null && (tlsName != null || !nonHostName.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("a name that is no host name comes alone, in its printable ASCII form");
        }
        if (unicodeName != null && (tlsName == null || !unicodeName.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("a name in Unicode comes with its ASCII form, in its printable ASCII form");
        }
    }

    public ServerAddress(InetAddress address, int port, String tlsName, String nonHostName) {
        this(address, port, tlsName, nonHostName, null);
    }

    public ServerAddress(InetAddress address, int port, String tlsName) {
        this(address, port, tlsName, null);
    }

    /**
     * No name at all: the certificate is checked against the address. A server with a {@link #nonHostName} has no
     * {@code tlsName} but is named: resolved checks the certificate against that name as written.
     */
    public boolean unnamed() {
        return tlsName == null && nonHostName == null;
    }

    public static ServerAddress of(String address, String tlsName) {
        return new ServerAddress(IpAddresses.parse(address), 0, tlsName);
    }

    /**
     * A server the system reports: its name in the ASCII form, which the canonical constructor takes as it is, so a
     * look-alike name that the system uses keeps its server in the state ({@link DnsNames#requireReportedTlsName}).
     * A name that is no host name at all keeps its server too, the name only shown ({@link #nonHostName}); so does one
     * with a trailing dot, which resolved (247 to 262) checks the certificate against as written, and which no
     * certificate lists: "dot.test." failed in strict mode in the rig where "dot.test" worked. A name in Unicode keeps
     * its ASCII form as {@code tlsName} and is said as written beside it ({@link #unicodeName}).
     */
    public static ServerAddress reported(InetAddress address, int port, String tlsName) {
        if (tlsName == null || tlsName.isEmpty()) {
            return new ServerAddress(address, port, null);
        }
        try {
            if (!tlsName.endsWith(".")) {
                String ascii = DnsNames.requireReportedTlsName(tlsName);
                boolean unicode = tlsName.chars().anyMatch(c -> c >= 0x80);
                return new ServerAddress(address, port, ascii, null, unicode ? Printable.ascii(tlsName) : null);
            }
        } catch (InvalidInputException notHostName) {
            // shown below, as a name with a trailing dot is
        }
        return new ServerAddress(address, port, null, Printable.ascii(tlsName));
    }

    /**
     * Parses a server someone chooses, {@code ADDR[:PORT][#NAME]}: global servers only, so an interface suffix and an
     * IPv6 link-local address are refused.
     */
    public static ServerAddress parse(String spec) {
        return parse(spec, true);
    }

    /**
     * Parses a server the resolver reports, its interface suffix already removed: a link's link-local server (an
     * IPv6 router's) is kept, as it is what the link uses, and so is a look-alike name ({@link #reported}).
     */
    public static ServerAddress parseReported(String spec) {
        return parse(spec, false);
    }

    private static ServerAddress parse(String spec, boolean chosen) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("server is empty").says("server.empty");
        }
        // resolvectl prints a name as resolved holds it, control characters included: reported() judges and escapes it
        String checked = chosen || spec.indexOf('#') < 0 ? spec : spec.substring(0, spec.indexOf('#'));
        for (int i = 0; i < checked.length(); i++) {
            if (Character.isWhitespace(checked.charAt(i)) || Character.isISOControl(checked.charAt(i))) {
                throw new InvalidInputException("server '" + Printable.of(spec) + "' contains a space or control character")
                        .says("server.characters", Printable.of(spec));
            }
        }
        String rest = spec;
        String name = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            name = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
            if (name.isEmpty()) {
                throw new InvalidInputException("server '" + Printable.of(spec) + "' has an empty name after '#'")
                        .says("server.empty-name", Printable.of(spec));
            }
        }
        if (rest.isEmpty()) {
            throw new InvalidInputException("server '" + Printable.of(spec) + "' has no address before '#': write it as "
                    + "ADDRESS#NAME, e.g. 198.51.100.1#dns.example").says("server.no-address", Printable.of(spec));
        }
        if (rest.indexOf('%') >= 0) {
            throw new InvalidInputException("server '" + Printable.of(spec) + "' names an interface (%IFACE); use global servers")
                    .says("server.interface", Printable.of(spec));
        }
        String host = rest;
        int port = 0;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new InvalidInputException("server '" + Printable.of(spec) + "' has an unclosed '['")
                        .says("server.unclosed", Printable.of(spec));
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new InvalidInputException("server '" + Printable.of(spec) + "' has text after ']'")
                            .says("server.after-bracket", Printable.of(spec));
                }
                port = parsePort(after.substring(1), spec);
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = parsePort(rest.substring(rest.indexOf(':') + 1), spec);
        }
        InetAddress addr = IpAddresses.parse(host);
        if (chosen) {
            IpAddresses.requireGlobalServer(addr, host);
        } else {
            IpAddresses.requireServer(addr, host);
        }
        return chosen ? new ServerAddress(addr, port, name) : reported(addr, port, name);
    }

    private static int parsePort(String text, String spec) {
        if (!text.matches("\\d{1,5}")) {
            throw new InvalidInputException("server '" + Printable.of(spec) + "' has an invalid port '" + Printable.of(text)
                    + "': a port is a number from 1 to 65535 (DNS-over-TLS uses 853)")
                    .says("server.port-invalid", Printable.of(spec), Printable.of(text));
        }
        int p = Integer.parseInt(text);
        if (p < 1 || p > 65535) {
            throw new InvalidInputException("server '" + Printable.of(spec) + "' has port " + p
                    + ", out of range: a port is a number from 1 to 65535 (DNS-over-TLS uses 853)")
                    .says("server.port-out-of-range", Printable.of(spec), Integer.toString(p));
        }
        return p;
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    public String addressText() {
        return IpAddresses.format(address);
    }

    /** The port that DNS-over-TLS uses for this server: explicit port, else 853. */
    public int dotPort() {
        return port == 0 ? DOT_PORT : port;
    }

    /** Where DNS-over-TLS connects: {@code 192.0.2.1:853}, {@code [2001:db8::1]:853}. */
    public String dotEndpoint() {
        return (isIpv6() ? "[" + addressText() + "]" : addressText()) + ":" + dotPort();
    }

    /** This server with the port DNS-over-TLS uses written out (853 where none is given). */
    public ServerAddress atDotPort() {
        return port == dotPort() ? this : new ServerAddress(address, dotPort(), tlsName, nonHostName, unicodeName);
    }

    /** This server with DNS-over-TLS's own port left unwritten ({@code IP:853#name} is {@code IP#name}). */
    public ServerAddress withoutDotPort() {
        return port == DOT_PORT ? new ServerAddress(address, 0, tlsName, nonHostName, unicodeName) : this;
    }

    /** This server as Port853 writes it: a name the system has in Unicode in its ASCII form, as {@link #tlsName}. */
    public ServerAddress written() {
        return unicodeName == null ? this : new ServerAddress(address, port, tlsName, nonHostName);
    }

    /** {@code servers} as Port853 writes them, a server the system lists in two spellings of its name once. */
    public static java.util.List<ServerAddress> writtenOnce(java.util.List<ServerAddress> servers) {
        return servers.stream().map(ServerAddress::written).distinct().toList();
    }

    /**
     * One server whatever the spelling of its name the system has: {@link #unicodeName} is for showing only, so a
     * server reported as {@code #bücher.example} is the provider's, the pin's and the probe's {@code
     * #xn--bcher-kva.example}.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ServerAddress s && port == s.port && address.equals(s.address)
                && Objects.equals(tlsName, s.tlsName) && Objects.equals(nonHostName, s.nonHostName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, port, tlsName, nonHostName);
    }

    /**
     * As {@link #toResolvedSyntax}, with a name that is no host name, or one the system has in Unicode, shown after '#'
     * as the system has it, in its escaped form.
     */
    public String toShownSyntax() {
        if (unicodeName != null) {
            String written = toResolvedSyntax();
            return written.substring(0, written.lastIndexOf('#') + 1) + unicodeName;
        }
        return nonHostName == null ? toResolvedSyntax() : toResolvedSyntax() + "#" + nonHostName;
    }

    /** systemd-resolved syntax. */
    public String toResolvedSyntax() {
        StringBuilder b = new StringBuilder();
        if (isIpv6() && port != 0) {
            b.append('[').append(addressText()).append(']');
        } else {
            b.append(addressText());
        }
        if (port != 0) b.append(':').append(port);
        if (tlsName != null) b.append('#').append(tlsName);
        return b.toString();
    }

    @Override
    public String toString() {
        return toResolvedSyntax();
    }
}
