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
                // MessageFormat must accept both (an unescaped apostrophe would swallow the arguments)
                assertTrue(new MessageFormat(e).format(new Object[]{"A", "B", "C", "D", "E"}).contains("A")
                        || !args(e).contains(0), k);
                assertTrue(new MessageFormat(d).format(new Object[]{"A", "B", "C", "D", "E"}).contains("A")
                        || !args(d).contains(0), k);
            }
            assertTrue(!d.isBlank(), k);
        }
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
