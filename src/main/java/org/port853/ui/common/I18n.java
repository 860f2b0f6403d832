package org.port853.ui.common;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The window's text, from {@code org/port853/ui/messages.properties}. */
public final class I18n {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.port853.ui.messages");

    private I18n() {
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }

    public static java.util.Locale locale() {
        return BUNDLE.getLocale();
    }

    public static String t(String key, Object... args) {
        String s;
        try {
            s = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? s.replace("''", "'") : MessageFormat.format(s, args);
    }
}
