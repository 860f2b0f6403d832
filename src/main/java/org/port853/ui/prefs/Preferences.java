package org.port853.ui.prefs;

/** The user's choices for the window itself (not for the resolver). */
public record Preferences(boolean notifications, boolean startMinimised, Theme theme) {
    /** SYSTEM follows the desktop's light/dark preference. */
    public enum Theme { SYSTEM, LIGHT, DARK }

    public static Preferences defaults() {
        return new Preferences(true, false, Theme.SYSTEM);
    }
}
