package org.port853.ui.prefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.port853.change.AtomicFiles;
import org.port853.core.XdgDirs;
import org.port853.platform.OperatingSystem;
import org.port853.ui.common.I18n;

/**
 * "Start Port853 when I log in": an entry in the user's autostart folder (XDG Autostart: GNOME, KDE, XFCE and the
 * others read {@code ~/.config/autostart}) that starts the installed launcher. Its {@code TryExec} makes desktops
 * skip it once the app is uninstalled. Reads and writes files: call off the JavaFX thread.
 *
 * @see <a href="https://specifications.freedesktop.org/autostart-spec/latest/">Desktop Application Autostart</a>
 */
public final class LoginStart {
    static final String FILE_NAME = "org.port853.Port853.desktop";

    private final Path entry;
    private final Path launcher;
    private final String unavailable;

    private LoginStart(Path entry, Path launcher, String unavailable) {
        this.entry = entry;
        this.launcher = launcher;
        this.unavailable = unavailable;
    }

    /** For the folder {@code autostart} and the app's launcher (an installed executable). */
    public static LoginStart in(Path autostart, Path launcher) {
        return new LoginStart(autostart.resolve(FILE_NAME), launcher, null);
    }

    /** Where it cannot be offered, with the reason said to the user. */
    public static LoginStart unavailable(String reason) {
        return new LoginStart(null, null, reason);
    }

    /**
     * This user's autostart folder and the launcher the app was started from: jpackage's launcher sets
     * {@code jpackage.app-path}; started from the jar there is no program to name.
     */
    public static LoginStart forThisUser() {
        if (!OperatingSystem.isLinux()) {
            return unavailable(I18n.t("prefs.loginStart.platform"));
        }
        String app = System.getProperty("jpackage.app-path");
        if (app == null || app.isBlank()) {
            return unavailable(I18n.t("prefs.loginStart.notInstalled"));
        }
        return in(XdgDirs.config().getParent().resolve("autostart"), Path.of(app));
    }

    /** Why it cannot be offered here, or empty. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    /** True when the desktop starts Port853 at login (the entry is there and not switched off). */
    public boolean enabled() throws IOException {
        if (entry == null || !Files.isRegularFile(entry)) {
            return false;
        }
        List<String> lines = Files.readAllLines(entry);
        return lines.stream().map(String::strip).noneMatch(l -> l.equalsIgnoreCase("Hidden=true")
                || l.equalsIgnoreCase("X-GNOME-Autostart-enabled=false"));
    }

    public void set(boolean on) throws IOException {
        if (entry == null) {
            throw new IOException(unavailable);
        }
        if (!on) {
            AtomicFiles.delete(entry);
            return;
        }
        Files.createDirectories(entry.getParent());
        AtomicFiles.write(entry, desktopEntry(), AtomicFiles.PUBLIC);
    }

    String desktopEntry() {
        String exec = quoted(launcher.toString());
        return String.join("\n",
                "[Desktop Entry]",
                "Type=Application",
                "Name=Port853",
                "Comment=" + I18n.t("prefs.loginStart.comment"),
                "Exec=" + exec,
                "TryExec=" + launcher.toString().replace("\\", "\\\\"),
                "Icon=port853",
                "Terminal=false",
                "X-GNOME-Autostart-enabled=true",
                "");
    }

    /** A desktop entry's Exec argument: quoted when it has a reserved character (Desktop Entry spec, "Exec key"). */
    static String quoted(String arg) {
        if (arg.chars().noneMatch(c -> " \t\n\"'\\><~|&;$*?#()`".indexOf(c) >= 0)) {
            return arg.replace("%", "%%");
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                b.append('\\');
            }
            b.append(c == '%' ? "%%" : String.valueOf(c));
        }
        return b.append('"').toString().replace("\\", "\\\\");
    }
}
