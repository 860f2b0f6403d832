package org.port853.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A DNS-over-TLS provider from the catalogue or defined by the user. {@code spkiPins}: the SHA-256 SPKI pins
 * (base64) the provider publishes for its servers' keys, empty when it publishes none (then Port853 trusts the
 * key it first sees). {@code otherTlsNames}: further names its servers' certificates are valid for (Cloudflare's
 * one.one.one.one beside cloudflare-dns.com), by which a server the system names so is still this provider's;
 * Port853 itself writes {@code tlsName}.
 */
public record Provider(String id, String displayName, List<String> ipv4, List<String> ipv6, String tlsName,
                       String dohTemplate, Filtering filtering, String operator, String jurisdiction,
                       String sourceUrl, boolean custom, List<String> spkiPins, List<String> otherTlsNames) {

    public Provider {
        ipv4 = List.copyOf(ipv4 == null ? List.of() : ipv4);
        ipv6 = List.copyOf(ipv6 == null ? List.of() : ipv6);
        spkiPins = List.copyOf(spkiPins == null ? List.of() : spkiPins);
        otherTlsNames = List.copyOf(otherTlsNames == null ? List.of() : otherTlsNames);
    }

    /** A provider known by one TLS name. */
    public Provider(String id, String displayName, List<String> ipv4, List<String> ipv6, String tlsName,
                    String dohTemplate, Filtering filtering, String operator, String jurisdiction,
                    String sourceUrl, boolean custom, List<String> spkiPins) {
        this(id, displayName, ipv4, ipv6, tlsName, dohTemplate, filtering, operator, jurisdiction, sourceUrl, custom,
                spkiPins, List.of());
    }

    /** A provider that publishes no pins. */
    public Provider(String id, String displayName, List<String> ipv4, List<String> ipv6, String tlsName,
                    String dohTemplate, Filtering filtering, String operator, String jurisdiction,
                    String sourceUrl, boolean custom) {
        this(id, displayName, ipv4, ipv6, tlsName, dohTemplate, filtering, operator, jurisdiction, sourceUrl, custom,
                List.of());
    }

    /**
     * This provider with the fields a form does not show taken from {@code earlier}, the saved provider it edits: its
     * pins, and its other TLS names but the one that is now the primary name.
     */
    public Provider keepingUnshownOf(Provider earlier) {
        return new Provider(id, displayName, ipv4, ipv6, tlsName, dohTemplate, filtering, operator, jurisdiction,
                sourceUrl, custom, earlier.spkiPins(),
                earlier.otherTlsNames().stream().filter(n -> !n.equals(tlsName)).toList());
    }

    /** All addresses, IPv4 first. */
    public List<String> addresses() {
        List<String> out = new ArrayList<>(ipv4);
        out.addAll(ipv6);
        return out;
    }

    /**
     * Whether {@code s} is one of this provider's servers: one of its addresses at DNS-over-TLS's port, under its TLS
     * name, one of its {@code otherTlsNames}, or none. A server without a name still counts (plaintext or opportunistic: no name is checked, which the
     * assessment says), one under another name does not: its certificate is checked against that name, which may be
     * someone else's, so it is not shown as this provider's nor replaced by its servers.
     */
    public boolean serves(ServerAddress s) {
        return (ipv4.contains(s.addressText()) || ipv6.contains(s.addressText()))
                && s.dotPort() == ServerAddress.DOT_PORT && (s.unnamed() || tlsName.equals(s.tlsName())
                || s.tlsName() != null && otherTlsNames.contains(s.tlsName()));
    }

    /** All addresses as servers with the TLS name, IPv4 first (the order resolved tries them). */
    public List<ServerAddress> servers() {
        List<ServerAddress> out = new ArrayList<>();
        for (String a : ipv4) out.add(ServerAddress.of(a, tlsName));
        for (String a : ipv6) out.add(ServerAddress.of(a, tlsName));
        return out;
    }
}
