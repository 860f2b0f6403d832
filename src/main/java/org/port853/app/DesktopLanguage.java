package org.port853.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The window's language from the session's environment, in gettext's order (LANGUAGE's list, then the first of
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
        if (locale == null || locale.equals("C") || locale.startsWith("C.") || locale.equals("POSIX")) {
            return Optional.empty(); // gettext ignores LANGUAGE under the C locale too
        }
        List<String> wanted = new ArrayList<>();
        String list = env.get("LANGUAGE");
        if (list != null) {
            wanted.addAll(Arrays.asList(list.split(":")));
        }
        wanted.add(locale);
        for (String w : wanted) {
            Optional<Locale> l = parse(w);
            if (l.isPresent() && SHIPPED.contains(l.get().getLanguage())) {
                return l;
            }
        }
        return Optional.empty();
    }

    /** Makes the environment's language the JVM's default for the window, unless {@code -Duser.language} chose one. */
    static void apply() {
        boolean chosen = ProcessHandle.current().info().arguments()
                .map(args -> Arrays.stream(args).anyMatch(a -> a.startsWith("-Duser.language="))).orElse(false);
        Optional<Locale> wanted = fromEnvironment(System.getenv());
        if (!chosen && wanted.isPresent() && !wanted.get().getLanguage().equals(Locale.getDefault().getLanguage())) {
            Locale.setDefault(wanted.get());
        }
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
