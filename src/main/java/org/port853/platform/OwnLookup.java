package org.port853.platform;

import java.util.Optional;

/**
 * The resolver's own lookup of one name: answered (a name that does not exist is an answer), not answered ({@code
 * failure} says why, in words), or not asked at all ({@code asked} false: not running, no bus, another platform).
 * {@code pastCache}: the resolver was told to ask its servers (systemd-resolved 248 and later), so an answer is news of
 * them now, not one cached before they stopped answering.
 */
public record OwnLookup(boolean asked, String failure, boolean pastCache) {
    public static final OwnLookup NOT_ASKED = new OwnLookup(false, null, false);

    public static OwnLookup answered(boolean pastCache) {
        return new OwnLookup(true, null, pastCache);
    }

    public static OwnLookup failed(String why) {
        return new OwnLookup(true, why, false);
    }

    /** Names resolve now: the resolver's servers answered this lookup (not its cache). */
    public boolean serversAnswered() {
        return asked && failure == null && pastCache;
    }

    /** Why it was not answered; empty when it was, or was not asked. */
    public Optional<String> failureText() {
        return Optional.ofNullable(failure);
    }
}
