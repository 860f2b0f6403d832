package org.port853.probe.dot;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** The names and record types a probe queries, read from text; both throw a one-sentence reason for bad text. */
public final class QueryText {
    private QueryText() {
    }

    /** The name to query, an international one in its ASCII form (as TLS names); relative names are from the root. */
    public static Name name(String text) {
        // dnsjava takes "bad name" as one label with a space in it: a typo then queries a name no one has
        if (text.chars().anyMatch(c -> c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException("'" + org.port853.core.Printable.of(text)
                    + "' contains a space or control character");
        }
        String ascii = org.port853.core.DnsNames.toAscii(text, "the name");
        try {
            return Name.fromString(ascii, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + org.port853.core.Printable.of(text) + "' is not a DNS name"
                    + why(ascii), e);
        }
    }

    /** What dnsjava refused, said the way a person can fix it ("not a DNS name" alone hid that it was too long). */
    private static String why(String ascii) {
        for (String label : ascii.split("\\.")) {
            if (label.length() > 63) {
                return ": a label (the part between two dots) is longer than 63 characters";
            }
        }
        if (ascii.contains("..") || ascii.startsWith(".") && ascii.length() > 1) {
            return ": it has an empty label (two dots in a row, or a dot at the start)";
        }
        return ascii.length() > 253 ? ": it is longer than 253 characters" : "";
    }

    /** The record type's number, from its mnemonic (A, AAAA, DNSKEY, ...) or TYPEnn. */
    public static int type(String text) {
        int type = Type.value(text);
        if (type < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a DNS record type");
        }
        return type;
    }
}
