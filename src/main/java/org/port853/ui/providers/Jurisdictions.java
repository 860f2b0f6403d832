package org.port853.ui.providers;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.port853.ui.common.I18n;

/**
 * A catalogue's jurisdiction ("United States", "European Union (Czech Republic)") in the window's language: the
 * catalogue names countries in English; a country the JDK knows is said by its name in the window's language, anything
 * else is kept as the catalogue says it.
 */
final class Jurisdictions {
    private static final Pattern EU = Pattern.compile("European Union \\((.+)\\)");
    /** Country codes by English name (lower case), with the older names catalogues still use. */
    private static final Map<String, String> CODES = codes();

    private Jurisdictions() {
    }

    static String say(String english) {
        if (english == null || english.isBlank()) {
            return "";
        }
        Locale language = I18n.locale();
        if (language.getLanguage().isEmpty() || language.getLanguage().equals("en")) {
            return english;
        }
        Matcher eu = EU.matcher(english.strip());
        if (eu.matches()) {
            return I18n.t("providers.jurisdiction.eu", say(eu.group(1)));
        }
        String code = CODES.get(english.strip().toLowerCase(Locale.ROOT));
        return code == null ? english : new Locale("", code).getDisplayCountry(language);
    }

    private static Map<String, String> codes() {
        Map<String, String> out = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            out.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        out.put("czech republic", "CZ");
        out.put("usa", "US");
        out.put("uk", "GB");
        return out;
    }
}
