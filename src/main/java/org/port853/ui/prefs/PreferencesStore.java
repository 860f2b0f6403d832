package org.port853.ui.prefs;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/** Keeps {@link Preferences} in {@code ui.properties} under the config directory; a bad file means defaults. */
public final class PreferencesStore {
    private final Path file;

    public PreferencesStore(Path configDir) {
        this.file = configDir.resolve("ui.properties");
    }

    public Path file() {
        return file;
    }

    public Preferences load() {
        Preferences d = Preferences.defaults();
        if (!Files.isRegularFile(file)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return d;
        }
        Preferences.Theme theme = d.theme();
        try {
            theme = Preferences.Theme.valueOf(p.getProperty("theme", d.theme().name()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ignored) {
            // unknown theme: keep the default
        }
        return new Preferences(bool(p, "notifications", d.notifications()),
                bool(p, "startMinimised", d.startMinimised()), theme,
                bool(p, "closeToTray", d.closeToTray()));
    }

    public void save(Preferences prefs) throws IOException {
        Files.createDirectories(file.getParent());
        Properties p = new Properties();
        p.setProperty("notifications", Boolean.toString(prefs.notifications()));
        p.setProperty("startMinimised", Boolean.toString(prefs.startMinimised()));
        p.setProperty("closeToTray", Boolean.toString(prefs.closeToTray()));
        p.setProperty("theme", prefs.theme().name().toLowerCase(Locale.ROOT));
        Path tmp = Files.createTempFile(file.getParent(), ".ui", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Port853 window preferences");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean bool(Properties p, String key, boolean def) {
        String v = p.getProperty(key);
        return v == null ? def : Boolean.parseBoolean(v.trim());
    }
}
