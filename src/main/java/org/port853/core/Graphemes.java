package org.port853.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text may be cut: between user-perceived characters (Unicode's extended grapheme clusters), so a cut never
 * splits a surrogate pair (an emoji, a CJK extension B character) or takes a letter away from its combining marks.
 */
public final class Graphemes {
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /** The end of the character that starts at {@code from} ({@code from} itself at the end of the text). */
    public static int next(String text, int from) {
        Matcher m = CLUSTER.matcher(text);
        return from < text.length() && m.find(from) ? m.end() : from;
    }
}
