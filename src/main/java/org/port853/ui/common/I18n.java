package org.port853.ui.common;

import java.text.MessageFormat;
import java.util.List;
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

    /**
     * The text of {@code key} with a finding's details as its arguments, in order. A detail the text uses as
     * {@code {n,choice,...}} or {@code {n,number...}} is passed as the number it spells ("0", "1" choose between
     * wordings; "12.5" is written the locale's way).
     */
    public static String withDetails(String key, List<?> details) {
        String pattern = t(key); // the bundle's text (unformatted: no arguments)
        Object[] a = details.toArray();
        for (int i = 0; i < a.length; i++) {
            boolean numeric = pattern.contains("{" + i + ",choice") || pattern.contains("{" + i + ",number");
            if (numeric && a[i] instanceof String d && d.matches("-?\\d{1,15}(\\.\\d+)?")) {
                a[i] = d.contains(".") ? (Object) Double.valueOf(d) : (Object) Long.valueOf(d);
            }
        }
        return t(key, a);
    }
}
