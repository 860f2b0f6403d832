package org.port853.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of DNS host names as they may appear in a TLS authentication name (RFC 1123 labels). */
public final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String ACE_PREFIX = "xn--";

    private DnsNames() {
    }

    /**
     * A TLS authentication name as servers and providers are given it, on the command line, in custom-providers.json
     * and in the window: an international name in its ASCII form, then checked as {@link #requireHostName}; one whose
     * label mixes scripts as look-alike names do is refused ({@link MixedScripts}), as is one with a label wholly of
     * letters that look Latin under a top-level domain of another script ({@link WholeScriptConfusables}).
     */
    public static String requireTlsName(String name) {
        String ascii = requireReportedTlsName(name);
        if (name.chars().anyMatch(c -> c >= 0x80)) {
            refuseLookAlike(name, ascii);
        }
        return ascii;
    }

    /**
     * Whether a TLS name in its ASCII form reads, once its labels are shown as the letters they stand for, as a
     * look-alike that {@link #requireTlsName} refuses when it is typed so: "xn--80ak6aa92e.com" ("аррӏе.com").
     */
    public static boolean isLookAlike(String ascii) {
        return MixedScripts.find(ascii).isPresent() || WholeScriptConfusables.find(ascii).isPresent();
    }

    private static void refuseLookAlike(String typed, String ascii) {
        MixedScripts.refuse(typed, ascii, "TLS name");
        WholeScriptConfusables.refuse(typed, ascii, "TLS name");
    }

    /**
     * A TLS authentication name the system reports (resolved's bus, its configuration, Windows): in its ASCII form and
     * checked as {@link #requireHostName}, but a look-alike is not refused, as {@link #requireTlsName} refuses one
     * someone types: the name is in use, and Port853 shows it as it is rather than hide its server.
     */
    public static String requireReportedTlsName(String name) {
        return requireHostName(toAscii(name, "TLS name"), "TLS name");
    }

    /**
     * An internationalized host name in ASCII (IDNA, lower case, "ß" and "ς" kept as IDNA2008 keeps them, see
     * {@link IdnNames}): "dns.bücher.example" becomes "dns.xn--bcher-kva.example", "straße.de" "xn--strae-oqa.de";
     * an ASCII name is returned as it is (validation is {@link #requireHostName}'s).
     */
    public static String toAscii(String name, String what) {
        if (name == null || name.chars().allMatch(c -> c < 0x80)) {
            return name;
        }
        refuseWhatIdnaWouldDropOrAllow(name, what);
        try {
            return IdnNames.toAscii(name).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + " '" + Printable.of(name) + "' is not a valid internationalized host name")
                    .says("name.idn", Printable.of(name)).about(what);
        }
    }

    /**
     * java.net.IDN (IDNA2003) drops the zero-width joiners, so "نامه‌ای.ir" would name another host, and it accepts
     * symbols such as emoji, which IDNA2008 (what systemd-resolved and browsers convert with) refuses. Both refused here
     * with what to do; a name with a joiner can still be given in its ASCII form.
     */
    private static void refuseWhatIdnaWouldDropOrAllow(String name, String what) {
        if (name.indexOf('\u200c') >= 0 || name.indexOf('\u200d') >= 0) {
            throw new InvalidInputException(what + " '" + Printable.of(name) + "' contains an invisible joiner (U+200C or "
                    + "U+200D), which would be dropped and name another host: enter the name in its ASCII form (xn--…)")
                    .says("name.joiner", Printable.of(name)).about(what);
        }
        // judged after NFKC, as the conversion maps: "ⓓⓝⓢ" and "™" become letters there
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).codePoints().filter(DnsNames::isSymbol)
                .findFirst().ifPresent(c -> {
            String symbol = new String(Character.toChars(c));
            throw new InvalidInputException(what + " '" + Printable.of(name) + "' contains a symbol (" + symbol
                    + "), which international host names may not hold").says("name.symbol", Printable.of(name), symbol)
                    .about(what);
        });
    }

    /** Symbols IDNA2008 allows all the same (RFC 5892: Sindhi U+06FD/U+06FE; the Greek keraia in context). */
    private static final java.util.Set<Integer> ALLOWED_SYMBOLS = java.util.Set.of(0x06FD, 0x06FE, 0x0375);

    private static boolean isSymbol(int c) {
        if (ALLOWED_SYMBOLS.contains(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL || type == Character.MODIFIER_SYMBOL
                || type == Character.OTHER_SYMBOL;
    }

    /** Returns the name in lower case without a trailing dot, or throws with the reason. */
    public static String requireHostName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException(what + " is empty").says("name.empty").about(what);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ') {
                throw new InvalidInputException(what + " '" + Printable.of(name) + "' contains a space")
                        .says("name.space", Printable.of(name)).about(what);
            }
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidInputException(what + " '" + Printable.of(name)
                        + "' contains a control character or one a host name cannot have")
                        .says("name.characters", Printable.of(name)).about(what);
            }
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.length() > 253) {
            throw new InvalidInputException(what + " '" + Printable.of(name) + "' is not a valid host name: it is "
                    + n.length() + " characters long, and a host name has at most 253")
                    .says("name.length", Printable.of(name), n.length()).about(what);
        }
        for (String label : n.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw notHostName(name, n, what);
            }
            if (label.startsWith(ACE_PREFIX) && !isInternationalLabel(label)) {
                throw new InvalidInputException(what + " '" + Printable.of(name) + "' has a label starting with "
                        + "\"xn--\" that is not an international name's ASCII form (" + label + ")")
                        .says("name.ace", Printable.of(name), label).about(what);
            }
        }
        if (n.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch))) {
            throw new InvalidInputException(what + " '" + Printable.of(name) + "' looks like an address, not a host name")
                    .says("name.address", Printable.of(name)).about(what);
        }
        return n;
    }

    /** The refusal of a name with a bad label, naming the first character a host name cannot have where there is one. */
    private static InvalidInputException notHostName(String name, String lowerCase, String what) {
        int bad = lowerCase.chars().filter(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'))
                .findFirst().orElse(-1);
        if (bad < 0) {
            // only letters, digits, hyphens and dots: the label's shape is what is wrong, and the dialog says which
            String why = badLabelShape(lowerCase);
            return new InvalidInputException(what + " '" + Printable.of(name) + "' is not a valid host name: "
                    + BAD_SHAPES.get(why)).says("name." + why, Printable.of(name)).about(what);
        }
        String character = Character.toString(bad);
        return new InvalidInputException(what + " '" + Printable.of(name) + "' is not a valid host name: '" + character
                + "' cannot be in one (letters, digits, hyphens and dots only)")
                .says("name.character", Printable.of(name), character).about(what);
    }

    private static final java.util.Map<String, String> BAD_SHAPES = java.util.Map.of(
            "empty-label", "it has an empty label (two dots in a row, or a dot at the start)",
            "long-label", "a label (the part between two dots) is longer than 63 characters",
            "hyphen", "a label (the part between two dots) starts or ends with a hyphen");

    /**
     * Which rule a name of letters, digits, hyphens and dots alone breaks: a key of {@link #BAD_SHAPES}.
     * {@code lowerCase} has its one trailing dot (the root's) taken off already: another is an empty label.
     */
    private static String badLabelShape(String lowerCase) {
        for (String label : lowerCase.split("\\.", -1)) {
            if (label.isEmpty()) {
                return "empty-label";
            }
            if (label.length() > 63) {
                return "long-label";
            }
        }
        return "hyphen";
    }

    /**
     * A label in ASCII-compatible form stands for an international one only when its Punycode decodes to a name that
     * converts back to it: "xn--zz" or "xn--abc" name no host, and systemd-resolved and browsers would refuse them.
     */
    private static boolean isInternationalLabel(String label) {
        try {
            String unicode = Punycode.decode(label.substring(ACE_PREFIX.length()));
            return unicode.chars().anyMatch(c -> c >= 0x80)
                    && IdnNames.toAscii(unicode).toLowerCase(Locale.ROOT).equals(label);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean isHostName(String name) {
        try {
            requireHostName(name, "name");
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
