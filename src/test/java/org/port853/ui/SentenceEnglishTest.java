package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A {@code Sentence.of(english, wording, details...)} is worded twice: in the code, as the command line says it, and in
 * the bundle, as the window says it. Where the bundle's English text is the same sentence (a wording that the window
 * says in its own way is listed in {@link #SAID_OTHERWISE}, with why), the two must not drift apart: each call whose
 * English is made of string literals and its own details is compared, the details standing for {@code {n}}.
 */
class SentenceEnglishTest {
    private static final Pattern CALL = Pattern.compile("Sentence\\.of\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");
    private static final Pattern FORMATTED_ARG = Pattern.compile("\\{\\d+,");

    /** Bundle texts that say the sentence the window's way on purpose. */
    private static final Map<String, String> SAID_OTHERWISE = Map.of(
            "change.result.not-covered.link", "the window names its own Fix resolv.conf button, not a command option",
            "change.result.no-polkit", "the window cannot be re-run with sudo; it says to start Port853 as root",
            "change.refused.no-helper", "the same, and the window's user installs the package",
            "change.refused.helper-untrusted", "the same",
            "change.refused.no-pkexec", "the same",
            "diag.skipped.journal-not-allowed", "the window runs no doctor as root; it says to log in again after "
                    + "joining the group");

    private static final Properties EN = english();

    private static Properties english() {
        Properties p = new Properties();
        try (InputStream in = SentenceEnglishTest.class.getResourceAsStream("/org/port853/ui/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    @Test
    void theCodesEnglishIsTheBundlesEnglish() throws IOException {
        List<String> drifted = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<Path, String> source : sources().entrySet()) {
            Matcher m = CALL.matcher(source.getValue());
            while (m.find()) {
                List<String> args = arguments(source.getValue(), m.end() - 1);
                String template = args.size() < 2 ? null : template(args);
                if (template == null) {
                    continue;
                }
                for (String key : keysOf(literal(args.get(1)))) {
                    if (comparable(key)) {
                        compared++;
                        drift(key, template).ifPresent(d -> drifted.add(source.getKey().getFileName() + " " + d));
                    }
                }
            }
        }
        assertTrue(compared > 50, "compared only " + compared + " sentences: the scan no longer finds the calls");
        assertEquals("", String.join("\n", drifted));
    }

    @Test
    void aDriftedSentenceIsFound() {
        String call = "Sentence.of(\"systemd \" + v + \" has no DNS-over-TLS (it arrived in 239)\", \"refused.no-dot\", v)";
        String template = template(arguments(call, "Sentence.of".length()));
        assertEquals("systemd {0} has no DNS-over-TLS (it arrived in 239)", template);
        assertEquals(List.of("change.refused.no-dot"), keysOf("refused.no-dot"));
        assertEquals(java.util.Optional.empty(), drift("change.refused.no-dot", template));
        assertTrue(drift("change.refused.no-dot", "systemd {0} has no DNS-over-TLS").isPresent());
        assertTrue(drift("diag.skipped.journal-slow", "journalctl did not answer within {0} s").isEmpty(),
                "a skipped check's reason inside the window's wrapper");
        assertTrue(drift("diag.skipped.journal-slow", "journalctl did not answer").isPresent());
    }

    /** A text the code's English can be compared with: not said otherwise, no choice or number formats. */
    private static boolean comparable(String key) {
        return !SAID_OTHERWISE.containsKey(key) && !FORMATTED_ARG.matcher(EN.getProperty(key)).find();
    }

    /** How {@code key}'s English differs from the code's {@code template}; empty where it says the same. */
    private static java.util.Optional<String> drift(String key, String template) {
        String said = EN.getProperty(key).replace("''", "'");
        // a skipped check's reason is said inside "the … checks (…)" in the window
        boolean same = said.equals(template) || key.startsWith("diag.skipped.") && said.endsWith("(" + template + ")");
        return same ? java.util.Optional.empty()
                : java.util.Optional.of(key + "\n  code:   " + template + "\n  bundle: " + said);
    }

    /** The bundle keys that say {@code wording}: itself, or with a prefix the window says it under. */
    private static List<String> keysOf(String wording) {
        return wording == null ? List.of() : EN.stringPropertyNames().stream()
                .filter(k -> k.equals(wording) || k.endsWith("." + wording)).sorted().toList();
    }

    /** The English argument as a bundle text ({n} for the n-th detail), or null where it is not made of those alone. */
    private static String template(List<String> args) {
        if (literal(args.get(1)) == null) {
            return null;
        }
        List<String> details = args.subList(2, args.size());
        StringBuilder out = new StringBuilder();
        for (String part : split(args.get(0), '+')) {
            String text = literal(part);
            int detail = details.indexOf(part);
            if (text != null) {
                out.append(text);
            } else if (detail >= 0) {
                out.append('{').append(detail).append('}');
            } else {
                return null;
            }
        }
        return out.toString();
    }

    /** The text of a Java string literal (with its simple escapes), or null where {@code expr} is none. */
    private static String literal(String expr) {
        Matcher m = LITERAL.matcher(expr);
        return m.matches() ? m.group(1).replace("\\\"", "\"").replace("\\'", "'").replace("\\\\", "\\") : null;
    }

    /** The arguments of the call whose '(' is at {@code open}, each stripped. */
    private static List<String> arguments(String text, int open) {
        int close = open + 1;
        for (int depth = 1; depth > 0; close++) {
            char c = text.charAt(close);
            if (c == '"' || c == '\'') {
                close = endOfQuoted(text, close);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return split(text.substring(open + 1, close - 1), ',');
    }

    /** {@code expr} split at {@code separator} where it stands outside brackets and quotes, each part stripped. */
    private static List<String> split(String expr, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfQuoted(expr, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(expr.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(expr.substring(start).strip());
        return parts;
    }

    private static int endOfQuoted(String text, int quote) {
        char q = text.charAt(quote);
        int i = quote + 1;
        while (text.charAt(i) != q) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static Map<Path, String> sources() throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/port853"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.put(f, Files.readString(f));
            }
        }
        return out;
    }
}
