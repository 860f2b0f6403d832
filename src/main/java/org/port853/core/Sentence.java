package org.port853.core;

/**
 * One sentence in English (as the command line and documents say it) with the {@link Words} the window says it by in
 * the user's language (null: the window says the English).
 */
public record Sentence(String english, Words words) {
    public static Sentence of(String english, String wording, Object... details) {
        return new Sentence(english, Words.of(wording, details));
    }
}
