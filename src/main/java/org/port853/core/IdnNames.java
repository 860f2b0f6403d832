package org.port853.core;

import java.net.IDN;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * An internationalized host name in its ASCII form. java.net.IDN implements IDNA2003, which maps "ß" to "ss" and
 * final sigma "ς" to "σ": "straße.de" would become "strasse.de", another host. IDNA2008 (UTS #46 non-transitional,
 * as browsers, libidn2 and systemd-resolved convert) keeps both: "xn--strae-oqa.de". Everything else, the mapping of
 * the other characters, the dots and the refusals, is java.net.IDN's.
 */
final class IdnNames {
    private static final String DOTS = "[.\u3002\uFF0E\uFF61]";
    private static final String ACE_PREFIX = "xn--";
    private static final int MAX_LABEL = 63;

    private IdnNames() {
    }

    /**
     * The name in ASCII; throws IllegalArgumentException (with java.net.IDN's reasons) when it is not valid. Two more
     * IDNA2008 rules than java.net.IDN knows: capital sharp s "ẞ" (after Unicode 3.2, so left unmapped there) is "ß",
     * as UTS #46 maps it; a label may not start with a combining mark (RFC 5891, 4.2.3.2).
     */
    static String toAscii(String given) {
        String name = given.replace('\u1E9E', '\u00DF');
        for (String label : name.split(DOTS, -1)) {
            if (!label.isEmpty() && isCombiningMark(label.codePointAt(0))) {
                throw new IllegalArgumentException("A label starts with a combining mark");
            }
        }
        if (!hasDeviation(name)) {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        }
        String[] labels = name.split(DOTS, -1);
        StringJoiner out = new StringJoiner(".");
        for (int i = 0; i < labels.length; i++) {
            boolean trailingDot = i == labels.length - 1 && labels[i].isEmpty();
            out.add(trailingDot ? "" : label(labels[i]));
        }
        return out.toString();
    }

    /** A label of a name in ASCII as it is shown: "xn--strae-oqa" is "straße"; a label of ASCII letters is itself. */
    static String toUnicodeLabel(String asciiLabel) {
        return asciiLabel.startsWith(ACE_PREFIX) ? Punycode.decode(asciiLabel.substring(ACE_PREFIX.length())) : asciiLabel;
    }

    private static String label(String label) {
        if (label.isEmpty()) {
            throw new IllegalArgumentException("Empty label is not a legal name");
        }
        if (!hasDeviation(label)) {
            return IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
        }
        StringBuilder mapped = new StringBuilder();
        int from = 0;
        for (int i = 0; i < label.length(); i++) {
            if (isDeviation(label.charAt(i))) {
                mapped.append(nameprep(label.substring(from, i))).append(label.charAt(i));
                from = i + 1;
            }
        }
        mapped.append(nameprep(label.substring(from)));
        String unicode = mapped.toString();
        if (unicode.startsWith(ACE_PREFIX)) {
            throw new IllegalArgumentException("The input starts with the ACE Prefix");
        }
        String ascii = ACE_PREFIX + Punycode.encode(unicode);
        if (ascii.length() > MAX_LABEL) {
            throw new IllegalArgumentException("The label in the input is too long");
        }
        return ascii;
    }

    /**
     * java.net.IDN's mapping (nameprep: case folding, NFKC, characters mapped to nothing) of a part of a label, which
     * it only gives encoded. ß and ς compose with no neighbour, so mapping the parts between them maps the label.
     * The leading "-" composes with nothing and keeps a part that maps to nothing from being refused as an empty
     * label; it also makes a right-to-left part fail the bidi check, as it must: ß and ς are left-to-right letters,
     * and a label may not mix the two directions.
     */
    private static String nameprep(String part) {
        if (part.isEmpty()) {
            return part;
        }
        String ascii = IDN.toASCII("-" + part, IDN.ALLOW_UNASSIGNED);
        String prepared = ascii.startsWith(ACE_PREFIX)
                ? Punycode.decode(ascii.substring(ACE_PREFIX.length()))
                : ascii.toLowerCase(Locale.ROOT);
        return prepared.substring(1);
    }

    private static boolean isCombiningMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean hasDeviation(String text) {
        return text.chars().anyMatch(c -> isDeviation((char) c));
    }

    private static boolean isDeviation(char c) {
        return c == 'ß' || c == 'ς';
    }
}
