package org.port853.ui.common;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import org.port853.platform.ProcessRunner;

/**
 * The desktop's light/dark preference and the window's theme (AtlantaFX Primer light or dark). Detection runs a
 * command with a short timeout: call it off the JavaFX thread.
 */
public final class SystemTheme {
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    private SystemTheme() {
    }

    /** True when the desktop asks for dark: GNOME's color-scheme (also set by the settings portal), or GTK_THEME. */
    public static boolean prefersDark() {
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && gtk.toLowerCase(Locale.ROOT).endsWith(":dark")) {
            return true;
        }
        try {
            ProcessRunner.Result r = ProcessRunner.run(
                    List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"), null, TIMEOUT);
            return r.ok() && r.stdout().contains("prefer-dark");
        } catch (IOException | RuntimeException e) {
            return false; // no gsettings (not GNOME-like): light
        }
    }

    /** Sets the application-wide theme; JavaFX thread. */
    public static void use(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }
}
