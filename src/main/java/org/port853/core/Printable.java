package org.port853.core;

/**
 * Makes untrusted text safe to show: a control character (C0, DEL, C1, where 0x9b is a terminal's one-byte escape)
 * or a bidirectional override (which can make a sentence read in another order than it is written) is shown as
 * {@code \xNN} or {@code \u202e} instead of acting on the terminal or the message.
 */
public final class Printable {
    private static final int MAX = 80;

    private Printable() {
    }

    /** One line of an error message: newlines and tabs escaped too, cut at 80 characters. */
    public static String of(String text) {
        return line(text, MAX);
    }

    /** Text from outside (a certificate, a file) as one line, newlines and tabs escaped too; not cut. */
    public static String line(String text) {
        return line(text, Integer.MAX_VALUE);
    }

    private static String line(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        for (int start = 0, end; start < text.length(); start = end) {
            end = Graphemes.next(text, start);
            String character = text.substring(start, end);
            String shown = shown(character);
            if (b.length() + shown.length() > max) {
                // a letter under more marks than fit is the one character cut, between its code points
                if (b.length() == 0) {
                    character.codePoints().mapToObj(Printable::shown).takeWhile(s -> b.length() + s.length() <= max)
                            .forEach(b::append);
                }
                return b.append('…').toString();
            }
            b.append(shown);
        }
        return b.toString();
    }

    private static String shown(String character) {
        StringBuilder b = new StringBuilder();
        character.codePoints().mapToObj(Printable::shown).forEach(b::append);
        return b.toString();
    }

    private static String shown(int c) {
        return c == '\n' ? "\\n" : c == '\t' ? "\\t" : shows(c) ? Character.toString(c) : escaped(c);
    }

    /**
     * Text from outside as printable ASCII alone (for a name the system holds that is no host name): every other code
     * point, and the backslash that marks them, escaped ({@code \\}, {@code \x01}, {@code \u202e}, {@code \U0001f600}),
     * so no control character, bidirectional override or look-alike letter reaches a message as itself.
     */
    public static String ascii(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> b.append(c == '\\' ? "\\\\" : c > 0x20 && c < 0x7f ? Character.toString(c)
                : c > 0xffff ? String.format("\\U%08x", c) : escaped(c)));
        return b.toString();
    }

    /** Whether the character may reach a terminal or a message as itself. */
    public static boolean shows(int c) {
        return c >= 0x20 && (c < 0x7f || c > 0x9f) && !isBidiControl(c);
    }

    public static String escaped(int c) {
        return c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c);
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
