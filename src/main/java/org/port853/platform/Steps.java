package org.port853.platform;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.Words;

/** The actions of a plan or change as they are taken: each in English and by its words, one list of each in step. */
public final class Steps {
    private final List<String> texts = new ArrayList<>();
    private final List<Words> words = new ArrayList<>();

    public Steps add(String english, String wording, Object... details) {
        texts.add(english);
        words.add(Words.of(wording, details));
        return this;
    }

    public Steps add(String english, Words said) {
        texts.add(english);
        words.add(said);
        return this;
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    public List<String> texts() {
        return List.copyOf(texts);
    }

    /** One per text, in the same order. */
    public List<Words> words() {
        return List.copyOf(words);
    }
}
