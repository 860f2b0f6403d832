package org.port853.change;

import org.port853.core.Sentence;
import org.port853.core.Words;

/** Platform-specific steps around a change: make the resolver load it, and prove it works. */
public interface ResolverControl {
    /**
     * {@code detail} is one sentence; {@code encrypted} = the answer provably came over an encrypted transport;
     * {@code answeredBy} names the server/link that answered when known (may be null); {@code detailWords} and
     * {@code answeredByWords} say them in the window (null: the window says the English).
     */
    record Health(boolean ok, boolean encrypted, String detail, String answeredBy, Words detailWords,
                  Words answeredByWords) {
        public Health(boolean ok, boolean encrypted, String detail, String answeredBy) {
            this(ok, encrypted, detail, answeredBy, null, null);
        }

        public Health(boolean ok, boolean encrypted, Sentence detail, Sentence answeredBy) {
            this(ok, encrypted, detail.english(), answeredBy == null ? null : answeredBy.english(), detail.words(),
                    answeredBy == null ? null : answeredBy.words());
        }

        public Sentence detailSentence() {
            return new Sentence(detail, detailWords);
        }

        /** Who answered, or null when unknown. */
        public Sentence answeredBySentence() {
            return answeredBy == null ? null : new Sentence(answeredBy, answeredByWords);
        }
    }
    /**
     * Makes the resolver start at boot.
     *
     * @return true only when it was off at boot and this call turned it on: the journal keeps that, so revert can
     *         turn it off again ({@link #disableAtBoot()})
     */
    boolean ensureEnabled() throws java.io.IOException;
    /**
     * Undoes an {@link #ensureEnabled()} that returned true: the resolver no longer starts at boot. It keeps running,
     * because the restored files may still point at it until the next boot.
     */
    void disableAtBoot() throws java.io.IOException;
    /** Make the resolver read its configuration again (restart, reload, cache flush) and wait until it serves. */
    void reload() throws java.io.IOException;
    Health check(boolean requireEncrypted);
}
