package org.port853.core;

import java.util.ArrayList;
import java.util.List;

/** A DNS-over-TLS provider from the catalogue or defined by the user. */
public record Provider(String id, String displayName, List<String> ipv4, List<String> ipv6, String tlsName,
                       String dohTemplate, Filtering filtering, String operator, String jurisdiction,
                       String sourceUrl, boolean custom) {

    public Provider {
        ipv4 = List.copyOf(ipv4 == null ? List.of() : ipv4);
        ipv6 = List.copyOf(ipv6 == null ? List.of() : ipv6);
    }

    /** All addresses as servers with the TLS name, IPv4 first (the order resolved tries them). */
    public List<ServerAddress> servers() {
        List<ServerAddress> out = new ArrayList<>();
        for (String a : ipv4) out.add(ServerAddress.of(a, tlsName));
        for (String a : ipv6) out.add(ServerAddress.of(a, tlsName));
        return out;
    }
}
