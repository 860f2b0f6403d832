package org.port853.ui.prefs;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.port853.ui.common.Errors;
import org.port853.ui.common.I18n;

/**
 * Keeps {@link Preferences} in {@code ui.properties} under the config directory. A line that cannot be read is left
 * out and the rest kept; a value a preference cannot take means its default; a file that cannot be read at all means
 * defaults; each says so ({@link Loaded#problem()}).
 * Saving keeps the keys of the file this version does not know.
 */
public final class PreferencesStore {
    /** What was read, and why the file could not be used in full (null when it could). */
    public record Loaded(Preferences preferences, String problem) {
    }

    private static final int LINES_NAMED = 5;

    private final Path file;

    public PreferencesStore(Path configDir) {
        this.file = configDir.resolve("ui.properties");
    }

    public Path file() {
        return file;
    }

    public Preferences load() {
        return read().preferences();
    }

    public Loaded read() {
        Preferences d = Preferences.defaults();
        if (Files.notExists(file)) {
            return new Loaded(d, null);
        }
        String text;
        try {
            text = readLenient(file);
        } catch (IOException e) {
            return new Loaded(d, I18n.t("prefs.file.unreadable", file, Errors.fileReason(e)));
        }
        Properties p = new Properties();
        List<Integer> badLines = lenientLoad(text, p);
        List<String> badValues = new ArrayList<>();
        Preferences prefs = new Preferences(bool(p, "notifications", d.notifications(), badValues),
                bool(p, "startMinimised", d.startMinimised(), badValues), theme(p, d.theme(), badValues),
                bool(p, "closeToTray", d.closeToTray(), badValues));
        List<String> problems = new ArrayList<>();
        if (!badLines.isEmpty()) {
            problems.add(I18n.t("prefs.file.badLines", file, badLines.size(), lineNumbers(badLines)));
        }
        if (!badValues.isEmpty()) {
            problems.add(I18n.t("prefs.file.badValues", file, String.join(", ", badValues)));
        }
        return new Loaded(prefs, problems.isEmpty() ? null : String.join(" ", problems));
    }

    /** At most the first few: a binary file in its place would list every one of its thousands of lines. */
    private static String lineNumbers(List<Integer> lines) {
        String shown = lines.stream().limit(LINES_NAMED).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
        return lines.size() > LINES_NAMED ? shown + ", …" : shown;
    }

    /**
     * Loads {@code text} into {@code p}; where the whole cannot be read (a malformed unicode escape), line by line,
     * leaving out the lines that cannot. Returns their numbers.
     */
    private static List<Integer> lenientLoad(String text, Properties p) {
        if (loaded(text, p)) {
            return List.of();
        }
        List<Integer> bad = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!loaded(lines[i], p)) {
                bad.add(i + 1);
            }
        }
        return bad;
    }

    /** Loads {@code text} into {@code p}; false when it cannot be read (a malformed escape, a byte not in UTF-8). */
    private static boolean loaded(String text, Properties p) {
        if (text.indexOf('\uFFFD') >= 0) {
            return false; // a hand edit in Latin-1
        }
        try {
            p.load(new StringReader(text));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The file as UTF-8, a byte that is not UTF-8 read as U+FFFD (so its line is left out, not the whole file). */
    private static String readLenient(Path f) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
    }

    /** A save that failed, said in the window's words already (not the system's to be quoted). */
    public static final class NotSaved extends IOException {
        NotSaved(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public void save(Preferences prefs) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try {
                lenientLoad(readLenient(file), p); // keys of other versions stay
            } catch (IOException unreadable) {
                // replaced: what the window shows is what the user chose (the notice at start said it was unreadable)
            }
        }
        p.setProperty("notifications", Boolean.toString(prefs.notifications()));
        p.setProperty("startMinimised", Boolean.toString(prefs.startMinimised()));
        p.setProperty("closeToTray", Boolean.toString(prefs.closeToTray()));
        p.setProperty("theme", prefs.theme().name().toLowerCase(Locale.ROOT));
        replace(file, w -> p.store(w, "Port853 window preferences"));
    }

    /** What a file of the config directory holds, written to a writer. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Replaces {@code file} at once: a reader sees the old file or the new one, never half of it. */
    static void replace(Path file, Content content) throws IOException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".ui", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            // the temporary file's name would say nothing to the user: name the folder and why
            throw new NotSaved(I18n.t("prefs.file.notWritten", file.getParent(), Errors.fileReason(e)), e);
        }
    }

    /**
     * A value that is neither true nor false (a hand edit's "yes" or "1") keeps the default and is named in
     * {@code bad}: read as false, "notifications=yes" turned notifications off without a word.
     */
    private static boolean bool(Properties p, String key, boolean def, List<String> bad) {
        String v = p.getProperty(key);
        if (v == null) {
            return def;
        }
        String t = v.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        bad.add(I18n.t("prefs.file.badValue", key, v, I18n.t("prefs.file.expectBool")));
        return def;
    }

    private static Preferences.Theme theme(Properties p, Preferences.Theme def, List<String> bad) {
        String v = p.getProperty("theme");
        if (v == null) {
            return def;
        }
        try {
            return Preferences.Theme.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            bad.add(I18n.t("prefs.file.badValue", "theme", v, I18n.t("prefs.file.expectTheme")));
            return def;
        }
    }
}
