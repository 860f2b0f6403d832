package org.port853.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The window's language from the session's environment, in gettext's order (LANGUAGE's list when set, else the first of
 * LC_ALL, LC_MESSAGES, LANG), as GTK programs choose theirs. The JVM reads only the C library's locale, which falls
 * back to English when the named locale is not installed (LANG=de_DE.UTF-8 on a system without it), and it ignores
 * LANGUAGE.
 */
final class DesktopLanguage {
    /** The languages the window is translated into. */
    static final List<String> SHIPPED = List.of("en", "de");

    private DesktopLanguage() {
    }

    /** The first shipped language the environment asks for; empty for the C locale or when it names none. */
    static Optional<Locale> fromEnvironment(Map<String, String> env) {
        String locale = first(env, "LC_ALL", "LC_MESSAGES", "LANG");
        if (locale == null || locale.equals("C") || locale.equals("POSIX")) {
            return Optional.empty(); // gettext ignores LANGUAGE under the C locale too
        }
        // but not under C.UTF-8 (glibc compares the name with "C" only): LANGUAGE=de LANG=C.UTF-8 ls --bogus is German
        String list = env.get("LANGUAGE");
        if (list != null && !list.isBlank()) {
            // gettext takes the first language of the list it has a translation for, else the untranslated text
            for (String w : list.split(":")) {
                Optional<Locale> l = parse(w);
                if (l.isPresent() && SHIPPED.contains(l.get().getLanguage())) {
                    return l;
                }
            }
            return Optional.of(Locale.ENGLISH);
        }
        return parse(locale).filter(l -> SHIPPED.contains(l.getLanguage()));
    }

    /**
     * Makes the environment's language the window's (the JVM's default locale, for its texts and JavaFX's own), unless
     * {@code -Duser.language} chose one on the command line or in JAVA_TOOL_OPTIONS / JDK_JAVA_OPTIONS. Numbers and
     * dates keep the JVM's format locale (LC_NUMERIC and LC_TIME are not LC_MESSAGES).
     */
    static void apply() {
        Map<String, String> env = System.getenv();
        boolean chosen = ProcessHandle.current().info().arguments().map(Arrays::asList).orElse(List.of()).stream()
                .anyMatch(DesktopLanguage::choosesLanguage)
                || choosesLanguage(env.get("JAVA_TOOL_OPTIONS")) || choosesLanguage(env.get("JDK_JAVA_OPTIONS"));
        Optional<Locale> wanted = fromEnvironment(env);
        if (!chosen && wanted.isPresent() && !wanted.get().getLanguage().equals(Locale.getDefault().getLanguage())) {
            Locale format = Locale.getDefault(Locale.Category.FORMAT);
            Locale.setDefault(wanted.get());
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }

    private static boolean choosesLanguage(String options) {
        return options != null && options.contains("-Duser.language=");
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** "de_DE.UTF-8@euro" → de-DE; "de" → de; empty when it is not a language code. */
    static Optional<Locale> parse(String posix) {
        String s = posix.strip().replaceFirst("[.@].*$", "");
        String[] parts = s.split("_", 2);
        if (!parts[0].matches("[a-z]{2,3}")) {
            return Optional.empty();
        }
        return Optional.of(parts.length == 2 && parts[1].matches("[A-Z]{2}|[0-9]{3}")
                ? new Locale(parts[0], parts[1]) : new Locale(parts[0]));
    }
}
