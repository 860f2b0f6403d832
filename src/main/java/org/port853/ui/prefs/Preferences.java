package org.port853.ui.prefs;

/** The user's choices for the window itself (not for the resolver). */
public record Preferences(boolean notifications, boolean startMinimised, Theme theme) {
    public enum Theme { LIGHT, DARK }

    public static Preferences defaults() {
        return new Preferences(true, false, Theme.LIGHT);
    }
}
