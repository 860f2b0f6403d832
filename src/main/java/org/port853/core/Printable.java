package org.port853.core;

/** Makes untrusted text safe to show in one line of an error message. */
public final class Printable {
    private static final int MAX = 80;

    private Printable() {
    }

    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        if (b.length() >= MAX) b.append('…');
        return b.toString();
    }
}
