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
    /*
     * Start at boot. The defaults are a resolver that always starts at boot and cannot be turned off (Windows' DNS
     * Client); the engine asks offAtBoot before it journals a change and enables after, so the journal never misses
     * an enable.
     */

    /** True when the resolver is off at boot, so a change must turn it on ({@link #enableAtBoot()}). */
    default boolean offAtBoot() throws java.io.IOException {
        return false;
    }

    /** Makes the resolver start at boot (nothing when it already does). */
    default void enableAtBoot() throws java.io.IOException {
    }

    /**
     * Undoes an {@link #enableAtBoot()} that Port853 needed: the resolver no longer starts at boot. It keeps running,
     * because the restored files may still point at it until the next boot.
     *
     * @return false, changing nothing, while the system's own resolver configuration depends on it (it would have
     *         no DNS after the next boot)
     */
    default boolean disableAtBoot() throws java.io.IOException {
        return true;
    }

    /**
     * Whether the resolver runs now: a stopped one answers nothing, whatever its settings, so an apply that finds its
     * settings in place still has to start it. The default is a resolver that always runs (Windows' DNS Client).
     */
    default boolean running() {
        return true;
    }

    /**
     * Whether services can be started here: false on Linux without systemd as the init system (a chroot, a package
     * removed from a rescue shell), where no resolver runs to reload and none can be checked; it reads the files
     * when it next starts.
     */
    default boolean servicesRun() {
        return true;
    }

    /** The machine has a network to resolve names over (a default route); a failed check proves nothing without. */
    default boolean networkUp() {
        return true;
    }

    /** Make the resolver read its configuration again (restart, reload, cache flush) and wait until it serves. */
    void reload() throws java.io.IOException;
    Health check(boolean requireEncrypted);
}
