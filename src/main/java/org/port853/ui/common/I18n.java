package org.port853.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import org.port853.core.Words;

/** The window's text, from {@code org/port853/ui/messages.properties}. */
public final class I18n {
    private static final String NAME = "org.port853.ui.messages";
    private static final ResourceBundle SYSTEM = ResourceBundle.getBundle(NAME);
    /** The window's language: the system locale's, unless a test or tool chose another with {@link #use}. */
    private static volatile ResourceBundle window = SYSTEM;
    /** The bundle of an {@link #in} call on this thread, else null. */
    private static final ThreadLocal<ResourceBundle> OVERRIDE = new ThreadLocal<>();

    private I18n() {
    }

    /** What {@code text} says when the window speaks {@code language} (on this thread only): to compare languages. */
    public static <T> T in(Locale language, Supplier<T> text) {
        ResourceBundle before = OVERRIDE.get();
        OVERRIDE.set(ResourceBundle.getBundle(NAME, language, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_DEFAULT)));
        try {
            return text.get();
        } finally {
            OVERRIDE.set(before);
        }
    }

    /**
     * Makes {@code language} the window's language on every thread (tests and screenshot tools that show both
     * languages in one run); null returns to the system locale's.
     */
    public static void use(Locale language) {
        window = language == null ? SYSTEM : ResourceBundle.getBundle(NAME, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    private static ResourceBundle bundle() {
        ResourceBundle b = OVERRIDE.get();
        return b == null ? window : b;
    }

    public static boolean has(String key) {
        return bundle().containsKey(key);
    }

    public static Locale locale() {
        return bundle().getLocale();
    }

    public static String t(String key, Object... args) {
        String s;
        try {
            s = bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? s.replace("''", "'") : new MessageFormat(s, bundle().getLocale()).format(args);
    }

    /**
     * {@code words} said by the bundle text {@code prefix + wording + suffix}, or {@code english} where there are no
     * words or no such text.
     */
    public static String said(String prefix, Words words, String suffix, String english) {
        String key = words == null ? null : prefix + words.wording() + suffix;
        return key != null && has(key) ? withDetails(key, detailsSaid(prefix, words)) : english;
    }

    /**
     * The details of {@code words}, each nested sentence said by its own words: with the same prefix, else by the text
     * its wording names in full (a resolver's problem, {@code problem.*}, is said so wherever it is nested).
     */
    private static List<String> detailsSaid(String prefix, Words words) {
        if (words.parts().isEmpty()) {
            return words.details();
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < words.details().size(); i++) {
            Words part = words.parts().get(i);
            boolean named = part != null && !has(prefix + part.wording()) && has(part.wording());
            out.add(said(named ? "" : prefix, part, "", words.details().get(i)));
        }
        return out;
    }

    /**
     * The text of {@code key} with a finding's details as its arguments, in order. A detail the text uses as
     * {@code {n,choice,...}} or {@code {n,number...}} is passed as the number it spells ("0", "1" choose between
     * wordings; "12.5" is written the locale's way); one it uses as {@code {n,date...}} or {@code {n,time...}} as the
     * instant it spells ("2026-11-30T21:26:24Z").
     */
    public static String withDetails(String key, List<?> details) {
        Object[] a = details.toArray();
        if (a.length == 0 || !has(key)) {
            return t(key);
        }
        String pattern = bundle().getString(key);
        for (int i = 0; i < a.length; i++) {
            boolean numeric = pattern.contains("{" + i + ",choice") || pattern.contains("{" + i + ",number");
            boolean instant = pattern.contains("{" + i + ",date") || pattern.contains("{" + i + ",time");
            if (numeric && a[i] instanceof String d && d.matches("-?\\d{1,15}(\\.\\d+)?")) {
                a[i] = d.contains(".") ? (Object) Double.valueOf(d) : (Object) Long.valueOf(d);
            } else if (instant && a[i] instanceof String d) {
                try {
                    a[i] = java.util.Date.from(java.time.Instant.parse(d));
                } catch (java.time.format.DateTimeParseException e) {
                    pattern = pattern.replaceAll("\\{" + i + ",(date|time)[^}]*}", "{" + i + "}"); // said as it is
                }
            }
        }
        return new MessageFormat(pattern, bundle().getLocale()).format(a);
    }

    /** A moment as the window's language writes it (date and time, in this computer's time zone). */
    public static String dateTime(java.time.Instant when) {
        return localized(Clock.DATE_TIME, when);
    }

    /** Like {@link #dateTime}, the time alone when {@code when} is today. */
    public static String dateTimeOrTimeToday(java.time.Instant when) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        return when.atZone(zone).toLocalDate().equals(java.time.LocalDate.now(zone))
                ? localized(Clock.TIME, when)
                : dateTime(when);
    }

    /** A time of day with its seconds, as the window's language writes it (the traffic's times, to the second). */
    public static String timeWithSeconds(java.time.Instant when) {
        return localized(Clock.TIME_WITH_SECONDS, when);
    }

    private enum Clock {
        DATE_TIME(java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT,
                java.time.format.FormatStyle.SHORT)),
        TIME(java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)),
        TIME_WITH_SECONDS(java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.MEDIUM));

        final java.time.format.DateTimeFormatter style;

        Clock(java.time.format.DateTimeFormatter style) { this.style = style; }
    }

    private record LocalizedClock(Clock clock, Locale locale, java.time.ZoneId zone) {}

    /** Formatters by style, locale and zone: a table cell formats a time on each update. */
    private static final java.util.Map<LocalizedClock, java.time.format.DateTimeFormatter> CLOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String localized(Clock clock, java.time.Instant when) {
        LocalizedClock key = new LocalizedClock(clock, formatLocale(Locale.getDefault(Locale.Category.FORMAT)),
                java.time.ZoneId.systemDefault());
        return CLOCKS.computeIfAbsent(key, k -> k.clock().style.withLocale(k.locale()).withZone(k.zone())).format(when);
    }

    /**
     * Dates in the shown language with the user's regional conventions where they speak it (en_GB, de_AT); else that
     * language's usual region. The English bundle is the root one, and the root locale writes "2026 Nov 1 09:00".
     */
    static Locale formatLocale(Locale system) {
        String language = locale().getLanguage().isEmpty() ? "en" : locale().getLanguage();
        if (system.getLanguage().equals(language) && !system.getCountry().isEmpty()) {
            return system;
        }
        return language.equals("de") ? Locale.GERMANY : language.equals("en") ? Locale.US : locale();
    }

    /** A period as the window says it: "6 h" in whole hours, else "90 min". */
    public static String period(long seconds) {
        return seconds >= 3600 && seconds % 3600 == 0 ? t("traffic.window.hours", seconds / 3600)
                : t("traffic.window.minutes", seconds / 60);
    }
}
