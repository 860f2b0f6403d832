package org.port853.core;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An international TLS name whose label mixes scripts, such as "dns.quаd9.net" with a Cyrillic "а", shows a familiar
 * name while the certificate checked is another's. A label passes UTS #39's "highly restrictive" level: one script,
 * or Latin with Han, Hiragana and Katakana, with Han and Bopomofo, or with Han and Hangul; characters of no script of
 * their own (Common, Inherited: digits, '-') do not count. A name given wholly in its ASCII form (xn--) shows what is
 * checked and is not refused: it is how to give such a name on purpose.
 */
public final class MixedScripts {
    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private MixedScripts() {
    }

    /**
     * Refuses {@code typed}, an international name whose ASCII form is {@code ascii}, when a label of it mixes scripts
     * beyond the rule, naming each script's characters and the ASCII form.
     */
    static void refuse(String typed, String ascii, String what) {
        Optional<Map<UnicodeScript, Set<Integer>>> mixed = find(ascii);
        if (mixed.isPresent()) {
            Sentence list = list(new ArrayList<>(mixed.get().entrySet()));
            throw new InvalidInputException(what + " '" + Printable.of(typed) + "' mixes scripts in one label, as "
                    + "look-alikes of other names do (" + list.english() + "); its ASCII form, which the server's "
                    + "certificate must hold, is " + ascii + ": if that is the name you mean, enter it so")
                    .says("name.mixed-scripts", Printable.of(typed), list, ascii).about(what);
        }
    }

    /** The characters by script of the first label of {@code ascii} that mixes scripts beyond the rule, if one does. */
    static Optional<Map<UnicodeScript, Set<Integer>>> find(String ascii) {
        for (String label : ascii.split("\\.")) {
            Map<UnicodeScript, Set<Integer>> scripts = scripts(IdnNames.toUnicodeLabel(label));
            if (!isHighlyRestrictive(scripts.keySet())) {
                return Optional.of(scripts);
            }
        }
        return Optional.empty();
    }

    /** Whether a label of these scripts (Common and Inherited left out) passes the "highly restrictive" level. */
    public static boolean isHighlyRestrictive(Set<UnicodeScript> scripts) {
        return scripts.size() <= 1 || ALLOWED_MIXES.stream().anyMatch(allowed -> allowed.containsAll(scripts));
    }

    /** The label's characters by script, each script and character once, in the order they first come. */
    public static Map<UnicodeScript, Set<Integer>> scripts(String label) {
        Map<UnicodeScript, Set<Integer>> out = new LinkedHashMap<>();
        label.codePoints().forEach(c -> {
            UnicodeScript s = UnicodeScript.of(c);
            if (s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED && s != UnicodeScript.UNKNOWN) {
                out.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(c);
            }
        });
        return out;
    }

    /** "Latin q, u, d; Cyrillic а (U+0430)", each script said by its own words (the window names it in its language). */
    static Sentence list(List<Map.Entry<UnicodeScript, Set<Integer>>> scripts) {
        Map.Entry<UnicodeScript, Set<Integer>> first = scripts.get(0);
        String name = first.getKey().name().toLowerCase(Locale.ROOT);
        String characters = String.join(", ", first.getValue().stream().map(MixedScripts::shown).toList());
        Sentence one = Sentence.of(titleCase(name) + " " + characters, "script." + name.replace('_', '-'), characters);
        if (scripts.size() == 1) {
            return one;
        }
        Sentence rest = list(scripts.subList(1, scripts.size()));
        return Sentence.of(one.english() + "; " + rest.english(), "scripts.and", one, rest);
    }

    private static String shown(int c) {
        return c < 0x80 ? Character.toString(c) : Character.toString(c) + String.format(Locale.ROOT, " (U+%04X)", c);
    }

    /** "canadian_aboriginal" → "Canadian Aboriginal", the script's Unicode name in English. */
    private static String titleCase(String name) {
        StringBuilder b = new StringBuilder();
        for (String word : name.split("_")) {
            b.append(b.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return b.toString();
    }
}
