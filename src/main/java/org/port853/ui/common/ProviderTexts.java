package org.port853.ui.common;

import org.port853.core.DnsNames;
import org.port853.core.Provider;

/**
 * A catalogue provider's name, operator and jurisdiction in the window's language: {@code provider.<id>} and
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

    /**
     * The catalogue provider's operator as the window says it: {@code provider.operator.<id>} where the catalogue
     * describes the operator in English words ("DNS4EU consortium led by Whalebone"); a company's own name, a custom
     * provider's, or one the bundles do not know, as the catalogue says it; "" for none.
     */
    public static String operator(Provider p) {
        String key = "provider.operator." + p.id();
        if (!p.custom() && I18n.has(key)) {
            return I18n.t(key);
        }
        return p.operator() == null ? "" : p.operator();
    }

    /** The line under a provider's name in the list: "your own", or the operator and jurisdiction; and its {@link #lookAlike}. */
    public static String meta(Provider p) {
        String about = p.custom() ? I18n.t("providers.custom")
                : String.join(" · ", operator(p), jurisdiction(p.jurisdiction()));
        return lookAlike(p).isEmpty() ? about : about + " · " + lookAlike(p);
    }

    /**
     * "look-alike TLS name: xn--80ak6aa92e.com" where the TLS name reads as a look-alike ({@link DnsNames#isLookAlike}:
     * one saved before such names were refused, or the system's), in the ASCII form its certificate is checked
     * against, so it does not pass for the name it imitates; "" otherwise.
     */
    public static String lookAlike(Provider p) {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (p.tlsName() != null) {
            names.add(p.tlsName());
        }
        names.addAll(p.otherTlsNames());
        return names.stream().filter(DnsNames::isLookAlike).findFirst().map(n -> I18n.t("providers.lookAlike", n))
                .orElse("");
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
