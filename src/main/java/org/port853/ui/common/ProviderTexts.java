package org.port853.ui.common;

import org.port853.core.Provider;

/**
 * A catalogue provider's name and jurisdiction in the window's language: {@code provider.<id>} and
 * {@code jurisdiction.<value>} (lower case, words joined by '-'); a custom provider, or a name or value the bundles do
 * not know, is said as the catalogue says it. The command line and its JSON keep the catalogue's English.
 */
public final class ProviderTexts {
    private ProviderTexts() {
    }

    public static String name(Provider p) {
        String key = "provider." + p.id();
        return !p.custom() && I18n.has(key) ? I18n.t(key) : p.displayName();
    }

    /** "United States" as the window says it; "" for none. */
    public static String jurisdiction(String catalogue) {
        if (catalogue == null || catalogue.isBlank()) {
            return "";
        }
        String key = jurisdictionKey(catalogue);
        return I18n.has(key) ? I18n.t(key) : catalogue;
    }

    /** The bundle key of a catalogue's jurisdiction: "European Union (Czech Republic)" is jurisdiction.european-union-czech-republic. */
    public static String jurisdictionKey(String catalogue) {
        return "jurisdiction." + Slugs.of(catalogue);
    }
}
