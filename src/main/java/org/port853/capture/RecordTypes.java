package org.port853.capture;

import org.xbill.DNS.Type;

/**
 * The mnemonics of the query types that make up nearly all DNS traffic, the same as dnsjava's {@link Type#string}
 * gives (RecordTypesTest compares every type). The capture names types without initialising {@link Type} for
 * them: its table makes a record factory for each of some 60 types, which loads as many lambda and record classes
 * and keeps them for the process's whole life (the window's memory, docs/benchmarks.md). Other types ask dnsjava.
 */
final class RecordTypes {
    private RecordTypes() {
    }

    static String name(int type) {
        return switch (type) {
            case 1 -> "A";
            case 2 -> "NS";
            case 5 -> "CNAME";
            case 6 -> "SOA";
            case 12 -> "PTR";
            case 15 -> "MX";
            case 16 -> "TXT";
            case 28 -> "AAAA";
            case 33 -> "SRV";
            case 35 -> "NAPTR";
            case 43 -> "DS";
            case 48 -> "DNSKEY";
            case 52 -> "TLSA";
            case 64 -> "SVCB";
            case 65 -> "HTTPS";
            case 255 -> "ANY";
            case 257 -> "CAA";
            default -> Type.string(type);
        };
    }
}
