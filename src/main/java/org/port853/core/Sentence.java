package org.port853.core;

/**
 * One sentence in English (as the command line and documents say it) with the {@link Words} the window says it by in
 * the user's language (null: the window says the English).
 */
public record Sentence(String english, Words words) {
    public static Sentence of(String english, String wording, Object... details) {
        return new Sentence(english, Words.of(wording, details));
    }

    /** {@code text} stripped and ended with a full stop, for joining sentences (null: an empty string). */
    public static String ended(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() || t.endsWith(".") ? t : t + ".";
    }
}
