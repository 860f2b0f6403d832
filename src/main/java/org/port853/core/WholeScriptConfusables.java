package org.port853.core;

import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A label written wholly in Cyrillic or Greek letters that look like Latin ones, such as "аррӏе" (Cyrillic а, р, ӏ, е),
 * reads as a Latin name ("аррӏе.com" as "apple.com") while the certificate checked is another's: a whole-script
 * confusable (<a href="https://www.unicode.org/reports/tr39/#Confusable_Detection">UTS #39, section 4</a>), found as
 * Chromium's IDN spoof checker finds it, from a short list of each script's letters that have Latin look-alikes. Such a
 * label is refused under a top-level domain not written in its script. Chromium also lets it pass under some country
 * domains of the script's users (.ru, .gr ...); here those are Latin domains like any other: a pinned name that
 * deceives costs more than one given in its ASCII form, which passes as it shows what is checked. A name of the script
 * that does not imitate Latin ("пример.ru": и and м have none) passes, as does any under a domain of its script that
 * reads as that script ("сахарок.рф"; not under ".рус", itself all look-alikes: "аррӏе.рус" reads "apple.pyc").
 */
final class WholeScriptConfusables {
    /** Per script, its lower-case letters that have Latin look-alikes: Chromium's lists (idn_spoof_checker.cc). */
    private static final Map<UnicodeScript, Set<Integer>> LATIN_LOOKALIKES = Map.of(
            // а ы с ԁ е ԍ һ і ю к ј ӏ о р ԗ ԛ ѕ ԝ х у ъ ь ҽ п г ѵ ѡ
            UnicodeScript.CYRILLIC, codePoints("\u0430\u044b\u0441\u0501\u0435\u050d\u04bb\u0456\u044e\u043a\u0458"
                    + "\u04cf\u043e\u0440\u0517\u051b\u0455\u051d\u0445\u0443\u044a\u044c\u04bd\u043f\u0433\u0475\u0461"),
            // α ι κ ν ρ υ ω η ο τ
            UnicodeScript.GREEK, codePoints("\u03b1\u03b9\u03ba\u03bd\u03c1\u03c5\u03c9\u03b7\u03bf\u03c4"));

    private WholeScriptConfusables() {
    }

    /**
     * Refuses {@code typed}, an international name whose ASCII form is {@code ascii}, when a label of it before the
     * top-level domain (or its only label) is a whole-script confusable of Latin, naming the label, its letters and the
     * ASCII form. Labels that mix scripts are {@link MixedScripts}'s to refuse.
     */
    static void refuse(String typed, String ascii, String what) {
        Optional<Found> found = find(ascii);
        if (found.isPresent()) {
            String label = found.get().label();
            Sentence letters = MixedScripts.list(List.of(found.get().letters()));
            throw new InvalidInputException(what + " '" + Printable.of(typed) + "' has a label, '" + Printable.of(label)
                    + "', written only in letters that look like Latin ones (" + letters.english() + "), and not "
                    + "under a top-level domain in that script, as look-alikes of Latin names are; its ASCII "
                    + "form, which the server's certificate must hold, is " + ascii + ": if that is the name you "
                    + "mean, enter it so")
                    .says("name.whole-script", Printable.of(typed), Printable.of(label), letters, ascii).about(what);
        }
    }

    /** A label as it shows, and its one script's letters, all of them Latin look-alikes. */
    record Found(String label, Map.Entry<UnicodeScript, Set<Integer>> letters) {
    }

    /** The first label of {@code ascii} before its top-level domain (or its only one) that is such a confusable. */
    static Optional<Found> find(String ascii) {
        String[] labels = ascii.split("\\.");
        // a name of one label has no top-level domain to be read in the script of
        int judged = Math.max(1, labels.length - 1);
        Set<UnicodeScript> topLevelScripts = labels.length == 1 ? Set.of()
                : scriptsReadAsThemselves(IdnNames.toUnicodeLabel(labels[labels.length - 1]));
        for (int i = 0; i < judged; i++) {
            String label = IdnNames.toUnicodeLabel(labels[i]);
            Map<UnicodeScript, Set<Integer>> scripts = MixedScripts.scripts(label);
            if (scripts.size() != 1) {
                continue;
            }
            Map.Entry<UnicodeScript, Set<Integer>> only = scripts.entrySet().iterator().next();
            if (!topLevelScripts.contains(only.getKey()) && allLookLatin(only)) {
                return Optional.of(new Found(label, only));
            }
        }
        return Optional.empty();
    }

    /**
     * The scripts of {@code topLevel} that it shows as such: with a letter that has no Latin look-alike (".рф", ".ελ").
     * A top-level domain wholly of look-alikes (".рус", read "pyc") reads as Latin itself, and exempts nothing.
     */
    private static Set<UnicodeScript> scriptsReadAsThemselves(String topLevel) {
        return MixedScripts.scripts(topLevel).entrySet().stream().filter(e -> !allLookLatin(e))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Every one of these letters of the script has a Latin look-alike (capitals as their small letters). */
    private static boolean allLookLatin(Map.Entry<UnicodeScript, Set<Integer>> lettersOfScript) {
        Set<Integer> lookalikes = LATIN_LOOKALIKES.getOrDefault(lettersOfScript.getKey(), Set.of());
        return lettersOfScript.getValue().stream().allMatch(c -> lookalikes.contains(Character.toLowerCase(c)));
    }

    private static Set<Integer> codePoints(String letters) {
        return letters.codePoints().boxed().collect(Collectors.toUnmodifiableSet());
    }
}
