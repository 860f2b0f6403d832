package org.port853.probe.doctor;

import java.io.IOException;

import org.port853.core.Sentence;
import org.port853.core.Words;

/** The journal cannot be read: why, in English and in the words the window says it by ({@code diag.skipped.…}). */
final class JournalUnreadable extends IOException {
    private final transient Words words;

    JournalUnreadable(Sentence why) {
        super(why.english());
        this.words = why.words();
    }

    Words words() {
        return words;
    }
}
