package org.port853.ui.common;

/** Breaks a text into lines of at most a given length, between words (a longer word gets a line of its own). */
public final class LineBreaks {
    private LineBreaks() {
    }

    public static String wrap(String text, int columns) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            int lineLength = 0;
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) continue;
                if (lineLength > 0 && lineLength + 1 + word.length() > columns) {
                    out.append('\n');
                    lineLength = 0;
                } else if (lineLength > 0) {
                    out.append(' ');
                    lineLength++;
                }
                out.append(word);
                lineLength += word.length();
            }
        }
        return out.toString();
    }
}
