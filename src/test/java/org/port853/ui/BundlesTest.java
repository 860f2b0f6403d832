package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** English and German are complete: the same keys, the same arguments, and every key the code names exists. */
class BundlesTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d)");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/org/port853/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static TreeSet<Integer> args(String pattern) {
        TreeSet<Integer> out = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    @Test
    void englishAndGermanHaveTheSameKeysAndArguments() throws IOException {
        Properties en = load("messages.properties");
        Properties de = load("messages_de.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(de.stringPropertyNames()));
        for (String k : en.stringPropertyNames()) {
            String e = en.getProperty(k);
            String d = de.getProperty(k);
            assertEquals(args(e), args(d), k);
            if (!args(e).isEmpty()) {
                // MessageFormat must accept both (an unescaped apostrophe would swallow the arguments), with each
                // choice argument at both of its values
                for (int choice = 0; choice <= 1; choice++) {
                    assertTrue(new MessageFormat(e).format(sample(e, choice)).contains("A") || !args(e).contains(0), k);
                    assertTrue(new MessageFormat(d).format(sample(d, choice)).contains("A") || !args(d).contains(0), k);
                }
            }
            assertTrue(!d.isBlank(), k);
        }
    }

    /** "A", "B", ... for the arguments; {@code choice} for those a pattern uses as {n,choice,...}. */
    private static Object[] sample(String pattern, int choice) {
        Object[] a = new Object[10];
        for (int i = 0; i < a.length; i++) {
            a[i] = pattern.contains("{" + i + ",choice") ? Integer.valueOf(choice) : String.valueOf((char) ('A' + i));
        }
        return a;
    }

    /** Codes whose reasons never carry a fix (core's fix is empty). */
    private static final java.util.Set<String> WITHOUT_FIX = java.util.Set.of("WIN_POLICY_BLOCKS_DOT", "WIN_DOT_UNAVAILABLE");

    @Test
    void everyReasonCodeIsSaidInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties de = load("messages_de.properties");
        Pattern code = Pattern.compile("new Reason\\(\\s*\"([A-Z0-9_]+)\"");
        java.util.Set<String> codes = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/port853"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) codes.add(m.group(1));
            }
        }
        assertTrue(codes.size() > 30, "the scan found too few codes: " + codes);
        List<String> missing = new ArrayList<>();
        for (String c : codes) {
            for (String k : WITHOUT_FIX.contains(c) ? List.of("reason." + c) : List.of("reason." + c, "reason." + c + ".fix")) {
                if (!en.containsKey(k) || !de.containsKey(k)) missing.add(k);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties en = load("messages.properties");
        Pattern literal = Pattern.compile("I18n\\.t\\(\"([A-Za-z0-9_.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/port853/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    boolean ok = key.endsWith(".")
                            ? en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : en.containsKey(key);
                    if (!ok) missing.add(f.getFileName() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyStateAndReasonHasItsWords() throws IOException {
        Properties de = load("messages_de.properties");
        for (org.port853.ui.status.ProtectionState s : org.port853.ui.status.ProtectionState.values()) {
            assertTrue(de.containsKey("state." + s.key()) && de.containsKey("state." + s.key() + ".detail"), s.name());
        }
        for (org.port853.core.FixAction f : org.port853.core.FixAction.values()) {
            assertTrue(de.containsKey("fix." + f.name().toLowerCase(java.util.Locale.ROOT)), f.name());
        }
        for (org.port853.ui.traffic.LeakExplainer.Cause c : org.port853.ui.traffic.LeakExplainer.Cause.values()) {
            String k = "leakwhy." + c.name().toLowerCase(java.util.Locale.ROOT);
            assertTrue(de.containsKey(k) && de.containsKey(k + ".fix"), k);
        }
    }
}
