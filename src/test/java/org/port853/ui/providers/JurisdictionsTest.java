package org.port853.ui.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;
import org.port853.ui.common.I18n;

/** The catalogue's jurisdictions are said in the window's language; English stays as the catalogue says it. */
class JurisdictionsTest {
    private static String german(String english) {
        return I18n.in(Locale.GERMAN, () -> Jurisdictions.say(english));
    }

    @Test
    void countriesAndTheEuropeanUnionInGerman() {
        assertEquals("Vereinigte Staaten", german("United States"));
        assertEquals("Schweiz", german("Switzerland"));
        assertEquals("Europäische Union (Tschechien)", german("European Union (Czech Republic)"));
        assertEquals("Atlantis", german("Atlantis"), "an unknown name is kept");
        assertEquals("European Union (Czech Republic)", I18n.in(Locale.ENGLISH, () -> Jurisdictions.say("European Union (Czech Republic)")));
    }

    @Test
    void everyJurisdictionOfTheCatalogueIsTranslated() {
        for (Provider p : ProviderCatalog.loadDefault().all()) {
            if (p.jurisdiction() != null && !p.jurisdiction().isBlank()) {
                String de = german(p.jurisdiction());
                assertNotEquals(p.jurisdiction(), de, p.id());
            }
        }
    }
}
