package org.port853.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One sentence as the window can say it in the user's language: {@code wording} is stable per way of saying it (it
 * names the bundle text), {@code details} are the sentence's variable parts in a fixed order per wording. {@code parts}
 * is empty, or has one entry per detail: the words that say that detail (a sentence nested in this one, such as a
 * health check's finding), or null where the detail is said as it is.
 */
public record Words(String wording, List<String> details, List<Words> parts) {
    public Words {
        details = List.copyOf(details);
        parts = Collections.unmodifiableList(new ArrayList<>(parts));
        if (!parts.isEmpty() && parts.size() != details.size()) {
            throw new IllegalArgumentException("words for " + parts.size() + " of " + details.size() + " details");
        }
    }

    public Words(String wording, List<String> details) {
        this(wording, details, List.of());
    }

    /**
     * {@code details} as text (null is said as ""); a {@link Sentence} detail is its English, said in the window by its
     * words.
     */
    public static Words of(String wording, Object... details) {
        List<String> d = new ArrayList<>();
        List<Words> parts = new ArrayList<>();
        for (Object o : details) {
            Sentence s = o instanceof Sentence sentence ? sentence : null;
            d.add(s != null ? nz(s.english()) : o == null ? "" : String.valueOf(o));
            parts.add(s == null ? null : s.words());
        }
        return new Words(wording, d, parts.stream().allMatch(p -> p == null) ? List.of() : parts);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
