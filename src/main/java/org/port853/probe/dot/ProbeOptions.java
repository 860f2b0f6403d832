package org.port853.probe.dot;

import java.time.Duration;
import java.util.List;

/**
 * What a probe asks. {@code names}: queried once cold and {@code warmRounds} times warm (A records);
 * {@code largeName}/{@code largeType}: a query whose answer is larger than one packet (null: skipped);
 * {@code dnssecSigned}/{@code dnssecBogus}: a validly signed and a deliberately broken name (null: skipped).
 */
public record ProbeOptions(Duration timeout, List<String> names, int warmRounds, String largeName, String largeType,
                           String dnssecSigned, String dnssecBogus) {
    /** Popular names (as in classic DNS benchmarks); resolvers have most of them cached. */
    public static final List<String> POPULAR = List.of("google.com", "youtube.com", "facebook.com", "wikipedia.org",
            "amazon.com", "instagram.com", "reddit.com", "github.com", "microsoft.com", "apple.com");

    public ProbeOptions {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a probe needs at least one name to query");
        }
        if (warmRounds < 0) {
            throw new IllegalArgumentException("warm rounds must be 0 or more");
        }
    }

    /** Connect, handshake and one name: the quickest useful probe. */
    public static ProbeOptions quick(Duration timeout) {
        return new ProbeOptions(timeout, List.of("example.com"), 2, null, null, null, null);
    }

    public ProbeOptions withNames(List<String> n) {
        return new ProbeOptions(timeout, n, warmRounds, largeName, largeType, dnssecSigned, dnssecBogus);
    }

    public ProbeOptions withLarge(String name, String type) {
        return new ProbeOptions(timeout, names, warmRounds, name, type, dnssecSigned, dnssecBogus);
    }

    public ProbeOptions withDnssec(String signed, String bogus) {
        return new ProbeOptions(timeout, names, warmRounds, largeName, largeType, signed, bogus);
    }

    public ProbeOptions withWarmRounds(int rounds) {
        return new ProbeOptions(timeout, names, rounds, largeName, largeType, dnssecSigned, dnssecBogus);
    }
}
