package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** English and German are complete: the same keys, the same arguments, and every key the code names exists. */
class BundlesTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/org/port853/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static final Properties EN = loaded("messages.properties");
    private static final Properties DE = loaded("messages_de.properties");

    private static Properties loaded(String name) {
        try {
            return load(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Adds to {@code missing} each of {@code keys} that English or German lacks. */
    private static void requireInBoth(List<String> keys, List<String> missing) {
        for (String k : keys) {
            if (!EN.containsKey(k) || !DE.containsKey(k)) missing.add(k);
        }
    }

    /** The text of each main source file below {@code dir} (under src/main/java/org/port853), by file. */
    private static Map<Path, String> sources(String dir) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/port853", dir))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.put(f, Files.readString(f));
            }
        }
        return out;
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
                    for (String pattern : List.of(e, d)) {
                        String said = new MessageFormat(pattern).format(sample(pattern, choice));
                        assertFalse(said.contains("{"), k + ": " + said);
                        // {0} said plainly, or (within a choice) where every optional part is said
                        assertTrue(said.contains("A") || !args(pattern).contains(0) || pattern.contains("{0,")
                                || choice == 0 && pattern.contains(",choice,"), k + ": " + said);
                    }
                }
            }
            assertTrue(!d.isBlank(), k);
        }
    }

    /**
     * "A", "B", ... for the arguments; {@code choice} for those a pattern uses as {n,choice,...}, 7 as {n,number}, the
     * epoch as {n,date} or {n,time}.
     */
    private static Object[] sample(String pattern, int choice) {
        Object[] a = new Object[Math.max(10, args(pattern).stream().mapToInt(Integer::intValue).max().orElse(0) + 1)];
        for (int i = 0; i < a.length; i++) {
            a[i] = pattern.contains("{" + i + ",choice") ? Integer.valueOf(choice)
                    : pattern.contains("{" + i + ",number") ? Integer.valueOf(7)
                    : pattern.contains("{" + i + ",date") || pattern.contains("{" + i + ",time") ? new java.util.Date(0)
                    : String.valueOf((char) ('A' + i));
        }
        return a;
    }

    /** Codes whose reasons never carry a fix (core's fix is empty). */
    private static final java.util.Set<String> WITHOUT_FIX = java.util.Set.of("WIN_POLICY_BLOCKS_DOT", "WIN_DOT_UNAVAILABLE",
            "LINK_LOCAL_NAMES", "DOT_PER_LINK");

    @Test
    void everyReasonCodeIsSaidInBothLanguages() throws IOException {
        Pattern code = Pattern.compile("new Reason\\(\\s*\"([A-Z0-9_]+)\"");
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (String text : sources("").values()) {
            Matcher m = code.matcher(text);
            while (m.find()) codes.add(m.group(1));
        }
        assertTrue(codes.size() > 30, "the scan found too few codes: " + codes);
        List<String> missing = new ArrayList<>();
        for (String c : codes) {
            requireInBoth(WITHOUT_FIX.contains(c) ? List.of("reason." + c) : List.of("reason." + c, "reason." + c + ".fix"),
                    missing);
        }
        assertEquals(List.of(), missing);
    }

    /**
     * Every doctor check has a name, and every wording its sentence, in both languages; a wording of a warning or failure
     * its fix too. A wording is a string literal that starts with a check id and a dot; it belongs to the nearest check
     * made before it in the source (none: a sentence added to any check), and each check made must be followed by a
     * wording or by the reasons it repeats before the next one is made.
     */
    @Test
    void everyCheckWordingIsSaidInBothLanguages() throws IOException {
        Pattern made = Pattern.compile("Check\\.(ok|warning|failure)\\(\\s*(\"([a-z0-9.-]+)\")?");
        Pattern literal = Pattern.compile("\"([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\"|\\.repeats\\(");
        Map<Path, String> sources = sources("");
        sources.values().removeIf(text -> !made.matcher(text).find());
        Set<String> ids = new TreeSet<>();
        for (String text : sources.values()) {
            Matcher m = made.matcher(text);
            while (m.find()) {
                if (m.group(3) != null) ids.add(m.group(3));
            }
        }
        assertTrue(ids.size() > 20, "the scan found too few checks: " + ids);
        List<String> missing = new ArrayList<>();
        int wordings = 0;
        for (var source : sources.entrySet()) {
            String text = source.getValue();
            // the checks made and the wordings said, in source order
            TreeMap<Integer, String> events = new TreeMap<>();
            Matcher m = made.matcher(text);
            while (m.find()) events.put(m.start(), "made:" + m.group(1));
            Matcher w = literal.matcher(text);
            while (w.find()) {
                String word = w.group(1);
                if (word == null) {
                    events.put(w.start(), "repeats");
                } else if (ids.stream().anyMatch(id -> word.startsWith(id + "."))) {
                    events.put(w.start(), "says:" + word);
                }
            }
            String maker = null;
            int madeAt = 0;
            boolean said = true;
            for (var e : events.entrySet()) {
                String ev = e.getValue();
                if (ev.startsWith("made:")) {
                    if (!said) missing.add(unsaid(source.getKey(), text, madeAt));
                    maker = ev.substring(5);
                    madeAt = e.getKey();
                    said = false;
                } else {
                    said = true;
                    if (ev.startsWith("says:")) {
                        wordings++;
                        String key = "check." + ev.substring(5);
                        requireInBoth(maker == null || maker.equals("ok") ? List.of(key) : List.of(key, key + ".fix"), missing);
                    }
                }
            }
            if (!said) missing.add(unsaid(source.getKey(), text, madeAt));
        }
        requireInBoth(ids.stream().map(id -> "checkname." + id).toList(), missing);
        // and what the doctor could not check
        assertEquals(6, skipWordings("Doctor.java", "Words\\.of\\(\"([a-z-]+)\"", missing),
                "the doctor's reasons for skipping checks");
        // and why the journal could not be read (JournalUnreadable's words)
        assertEquals(4, skipWordings("LinuxSystemSources.java", "\"(journal-[a-z-]+)\"", missing),
                "the reasons the journal could not be read");
        assertTrue(wordings > 60, "the scan found too few wordings: " + wordings);
        assertEquals(List.of(), missing);
    }

    /** The wordings {@code regex} finds in a doctor source file, each required as diag.skipped.*; how many. */
    private static int skipWordings(String file, String regex, List<String> missing) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(Path.of("src/main/java/org/port853/probe/doctor/"
                + file)));
        int n = 0;
        while (m.find()) {
            n++;
            requireInBoth(List.of("diag.skipped." + m.group(1)), missing);
        }
        return n;
    }

    /** Every reason live capture gives for not starting (outside the window's own) is said in both languages, with its fix. */
    @Test
    void everyCaptureProblemIsSaidInBothLanguages() throws IOException {
        Pattern made = Pattern.compile("new CaptureUnavailableException\\(");
        Pattern says = Pattern.compile("\\.says\\(\\s*\"([a-z0-9-]+)\"");
        List<String> missing = new ArrayList<>();
        int problems = 0;
        for (var f : sources("").entrySet()) {
            String text = f.getValue();
            long count = made.matcher(text).results().count();
            if (count == 0 || f.getKey().startsWith("src/main/java/org/port853/ui")) continue;
            List<String> said = says.matcher(text).results().map(m -> m.group(1)).toList();
            if (said.size() != count) missing.add(f.getKey().getFileName() + ": " + count + " problems, " + said.size() + " wordings");
            for (String w : said) {
                problems++;
                requireInBoth(List.of("capture.problem." + w, "capture.problem." + w + ".fix"), missing);
            }
        }
        assertTrue(problems > 10, "the scan found too few capture problems: " + problems);
        // and what a capture watches
        int sources = 0;
        for (String text : sources("capture").values()) {
            Matcher m = Pattern.compile("Words\\.of\\(\"([a-z-]+)\"").matcher(text);
            while (m.find()) {
                sources++;
                requireInBoth(List.of("capture.source." + m.group(1)), missing);
            }
        }
        assertTrue(sources >= 6, "the scan found too few capture descriptions: " + sources);
        assertEquals(List.of(), missing);
    }

    /**
     * Every refusal of input in core (and the window's own) says a wording, and every wording and subject is said in both
     * languages: a refusal made ({@code new InvalidInputException(...)}, a FieldException or a custom providers file's
     * Refused) carries {@code .says("...")} in its statement, unless it copies another refusal's words
     * ({@code FieldException(field, e)}).
     */
    @Test
    void everyInputRefusalIsSaidInBothLanguages() throws IOException {
        Pattern made = Pattern.compile("new (?:InvalidInputException|Refused|(?:ProviderJson\\.)?FieldException)\\(");
        Pattern wording = Pattern.compile("\"([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\"");
        Pattern subject = Pattern.compile("require(?:HostName|Text|HttpsUrl)\\([^;]*?,\\s*\"([A-Za-z ]+)\"");
        Map<Path, String> sources = sources("core");
        sources.putAll(sources("ui/providers"));
        List<String> missing = new ArrayList<>();
        Set<String> wordings = new TreeSet<>();
        for (var f : sources.entrySet()) {
            String text = f.getValue();
            Matcher m = made.matcher(text);
            while (m.find()) {
                String statement = statement(text, m.start());
                if (COPIES_WORDS.matcher(statement).lookingAt()) continue;
                int says = statement.indexOf(".says(");
                if (says < 0) {
                    missing.add(f.getKey().getFileName() + ":" + text.substring(0, m.start()).split("\n", -1).length
                            + ": a refusal without words");
                    continue;
                }
                Matcher w = wording.matcher(statement.substring(says));
                while (w.find()) wordings.add(w.group(1));
            }
            Matcher s = subject.matcher(text);
            while (s.find()) {
                requireInBoth(List.of("input.subject." + s.group(1).toLowerCase(java.util.Locale.ROOT).replace(' ', '-')), missing);
            }
        }
        assertTrue(wordings.size() > 60, "the scan found too few wordings: " + wordings);
        requireInBoth(wordings.stream().map(w -> "input." + w).toList(), missing);
        assertEquals(List.of(), missing);
    }

    /**
     * Every sentence a change's plan or result says with words (a {@code Sentence.of(english, "wording", ...)} or a
     * {@code Steps} action {@code .add(english, "wording", ...)} in platform, change and helper) is said in both languages.
     */
    @Test
    void everyChangeWordingIsSaidInBothLanguages() throws IOException {
        Map<Path, String> sources = sources("platform");
        sources.putAll(sources("change"));
        sources.putAll(sources("helper"));
        Set<String> wordings = wordingsIn(sources.values(), Pattern.compile("(?:Sentence\\.of|\\.add)\\("),
                Pattern.compile("\"((?:refused|plan|step|result|demo|health)(?:\\.[a-z0-9-]+)+)\""));
        assertTrue(wordings.size() > 55, "the scan found too few wordings: " + wordings);
        List<String> missing = new ArrayList<>();
        requireInBoth(wordings.stream().map(w -> "change." + w).toList(), missing);
        assertEquals(List.of(), missing);
    }

    /** What {@code wording} finds in each statement that starts where {@code at} matches, in the given source texts. */
    private static Set<String> wordingsIn(java.util.Collection<String> texts, Pattern at, Pattern wording) {
        Set<String> out = new TreeSet<>();
        for (String text : texts) {
            Matcher m = at.matcher(text);
            while (m.find()) {
                wording.matcher(statement(text, m.start())).results().forEach(w -> out.add(w.group(1)));
            }
        }
        return out;
    }

    /** A refusal made from another one, keeping its words: {@code new FieldException(field, e)}. */
    private static final Pattern COPIES_WORDS = Pattern.compile("new (ProviderJson\\.)?FieldException\\(\\s*(\"[a-zA-Z]+\"|name),\\s*e\\)");

    /** The source from {@code from} to the end of its statement (the first ';' outside a string literal). */
    private static String statement(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return text.substring(from, i);
            }
        }
        return text.substring(from);
    }

    private static String unsaid(Path file, String text, int offset) {
        return file.getFileName() + ":" + (text.substring(0, offset).split("\n", -1).length) + ": the check made here says no wording";
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the apply sheet's buttons and the menu bar (shown with it) have their own Alt keys: "
            + "'Verify now' on Alt+V only moved the focus between it and the View menu")
    void applySheetMnemonicsLeaveTheMenusAlone() throws IOException {
        for (String file : List.of("messages.properties", "messages_de.properties")) {
            Properties p = load(file);
            List<String> keys = new ArrayList<>();
            for (String k : List.of("menu.file", "menu.view", "menu.tools", "menu.help", "apply.confirm",
                    "apply.confirm.revert", "apply.verifyNow", "apply.cancel", "apply.close")) {
                String text = p.getProperty(k);
                int i = text.indexOf('_');
                assertTrue(i >= 0 && i + 1 < text.length(), file + " " + k);
                keys.add(text.substring(i + 1, i + 2).toUpperCase(java.util.Locale.ROOT));
            }
            // (Cancel and Close share C: the preview shows one, the result the other)
            List<String> menus = keys.subList(0, 4);
            for (String sheet : keys.subList(4, keys.size())) {
                assertFalse(menus.contains(sheet), file + ": " + sheet + " is a menu's key too: " + keys);
            }
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the screens' controls leave the menu bar's Alt keys alone: with Traffic's 'Try "
            + "again' on Alt+T, Alt+T only moved the focus to it (neither pressing it nor opening Tools), as German "
            + "'Neuen Schlüssel annehmen' did with the Ansicht menu on Alt+A")
    void screenMnemonicsLeaveTheMenusAlone() {
        List<String> menus = List.of("menu.file", "menu.view", "menu.tools", "menu.help");
        List<String> controls = List.of("protect.button", "protect.again", "status.changeFailed.dismiss",
                "switch.blocked.copy", "pending.recover", "status.verify", "status.refresh", "mode.strict.choice",
                "mode.opportunistic.choice", "providers.routeAll", "providers.apply", "providers.discard",
                "providers.addOwn", "capture.retry", "traffic.start", "traffic.pause", "traffic.resume", "traffic.clear",
                "traffic.zoom", "traffic.export", "leaks.filter", "leaks.byName", "leaks.byProgram", "leaks.all",
                "verify.count", "verify.run", "verify.fix", "diag.run", "diag.pins.accept", "diag.pins.check",
                "diag.bench.run", "prefs.notifications", "prefs.startMinimised", "prefs.closeToTray", "prefs.loginStart",
                "prefs.theme.system", "prefs.theme.light", "prefs.theme.dark");
        for (Properties p : List.of(EN, DE)) {
            List<Character> menuKeys = menus.stream().map(k -> mnemonic(p, k)).toList();
            for (String k : controls) {
                assertFalse(menuKeys.contains(mnemonic(p, k)), p.getProperty(k) + " has a menu's Alt key: " + menuKeys);
            }
        }
    }

    private static char mnemonic(Properties p, String key) {
        String text = p.getProperty(key);
        int i = text.indexOf('_');
        assertTrue(i >= 0 && i + 1 < text.length(), key + " has no Alt key: " + text);
        return Character.toUpperCase(text.charAt(i + 1));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the Status screen's source line has words for every place a state is read from")
    void everyStateSourceIsSaid() throws IOException {
        Properties en = load("messages.properties");
        Properties de = load("messages_de.properties");
        for (org.port853.core.StateSource source : org.port853.core.StateSource.values()) {
            String key = "source." + source.jsonName();
            assertTrue(en.containsKey(key) && de.containsKey(key), key);
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

    /** No key is written twice in a bundle (Properties keeps the last silently: a merge that adds a key twice hides one). */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String name : List.of("messages.properties", "messages_de.properties")) {
            List<String> keys = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/org/port853/ui", name))) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) keys.add(line.substring(0, line.indexOf('=')));
            }
            assertEquals(List.of(), keys.stream().filter(k -> keys.indexOf(k) != keys.lastIndexOf(k)).distinct().toList(), name);
        }
    }

    /** Every catalogue provider's name and jurisdiction is in both bundles; English says them as the catalogue does. */
    @Test
    void everyCatalogueProviderIsNamedInBothLanguages() {
        List<String> missing = new ArrayList<>();
        List<org.port853.core.Provider> catalogue = org.port853.core.ProviderCatalog.bundled().all(); // not the custom providers of whoever runs the tests
        assertTrue(catalogue.size() > 10, "the catalogue has too few providers: " + catalogue.size());
        for (org.port853.core.Provider p : catalogue) {
            String jurisdiction = org.port853.ui.common.ProviderTexts.jurisdictionKey(p.jurisdiction());
            requireInBoth(List.of("provider." + p.id(), jurisdiction), missing);
            assertEquals(p.displayName(), EN.getProperty("provider." + p.id()), p.id());
            assertEquals(p.jurisdiction(), EN.getProperty(jurisdiction), p.id());
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
