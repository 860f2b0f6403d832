package org.port853.ui.common;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.application.Application;
import org.port853.platform.ProcessRunner;

/**
 * The desktop's light/dark preference and the window's theme (AtlantaFX Primer light or dark). Detection asks the
 * session bus or runs a command, each with a short timeout: call it off the JavaFX thread.
 */
public final class SystemTheme {
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** Made on first use, off the JavaFX thread: the D-Bus classes are not loaded for the first frame. */
    private static final class Desktop {
        static final DesktopAppearance APPEARANCE = SessionBus.onThisPlatform()
                ? new DesktopAppearance(SessionBus.opener(), TIMEOUT) : null;
    }

    private SystemTheme() {
    }

    /**
     * True when the desktop asks for dark: GTK_THEME, else the desktop portal's colour scheme (GNOME, KDE and most
     * others), else GNOME's color-scheme setting.
     */
    public static boolean prefersDark() {
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && gtk.toLowerCase(Locale.ROOT).endsWith(":dark")) {
            return true;
        }
        if (Desktop.APPEARANCE != null) {
            Optional<Boolean> portal = Desktop.APPEARANCE.prefersDark();
            if (portal.isPresent()) {
                return portal.get();
            }
        }
        try {
            // without a session bus, gsettings (dconf) would start one that outlives it; reading needs none
            ProcessRunner.Result r = ProcessRunner.run(
                    List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"),
                    SessionBus.missing() ? java.util.Map.of("DBUS_SESSION_BUS_ADDRESS", "disabled:") : java.util.Map.of(),
                    null, TIMEOUT);
            return r.ok() && r.stdout().contains("prefer-dark");
        } catch (IOException | RuntimeException e) {
            return false; // no gsettings (not GNOME-like): light
        }
    }

    /** Calls {@code dark} (on a bus thread) whenever the user switches the desktop between dark and light. */
    public static void follow(Consumer<Boolean> dark) {
        if (Desktop.APPEARANCE != null) {
            Desktop.APPEARANCE.follow(dark);
        }
    }

    /** Sets the application-wide theme; JavaFX thread. */
    public static void use(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }
}
