package org.port853.platform;

/**
 * What the resolver itself reported of one fresh lookup (past its cache, answered from the network): whether the
 * answer reached it over an encrypted connection. One lookup's word, not a proof that nothing else leaked: other
 * links may have been asked in plaintext at the same time.
 */
public record LookupTransport(String resolver, String name, boolean encrypted) {
}
