package org.port853.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.port853.core.Filtering;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;

/** The catalogue's providers are named in the window's language; custom providers and unknown values keep their text. */
class ProviderTextsTest {
    private static final List<Provider> CATALOGUE = ProviderCatalog.bundled().all();

    private static Provider catalogue(String id) {
        return CATALOGUE.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void catalogueProvidersInGerman() {
        assertEquals("Cloudflare (blockiert Schadsoftware)",
                I18n.in(Locale.GERMAN, () -> ProviderTexts.name(catalogue("cloudflare-malware"))));
        assertEquals("Vereinigte Staaten", I18n.in(Locale.GERMAN, () -> ProviderTexts.jurisdiction("United States")));
        assertEquals("Europäische Union (Tschechien)",
                I18n.in(Locale.GERMAN, () -> ProviderTexts.jurisdiction("European Union (Czech Republic)")));
        assertEquals("Cloudflare (malware blocking)",
                I18n.in(Locale.ENGLISH, () -> ProviderTexts.name(catalogue("cloudflare-malware"))));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a provider of one's own whose TLS name is a look-alike (saved before such names "
            + "were refused) is marked in the list with the name's ASCII form; an ordinary one is not")
    void lookAlikeTlsNameIsMarked() {
        Provider lookAlike = new Provider("apple", "Apple DNS", List.of("198.18.0.9"), List.of(),
                "xn--80ak6aa92e.com", null, Filtering.NONE, null, null, null, true);
        assertEquals("your own · look-alike TLS name: xn--80ak6aa92e.com",
                I18n.in(Locale.ENGLISH, () -> ProviderTexts.meta(lookAlike)));
        assertEquals("eigener · TLS-Name ist eine Nachahmung: xn--80ak6aa92e.com",
                I18n.in(Locale.GERMAN, () -> ProviderTexts.meta(lookAlike)));
        Provider ordinary = new Provider("lab", "Lab", List.of("198.18.0.9"), List.of(),
                "dot.test", null, Filtering.NONE, null, null, null, true);
        assertEquals("your own", I18n.in(Locale.ENGLISH, () -> ProviderTexts.meta(ordinary)));
        Provider otherNameLooksAlike = new Provider("lab", "Lab", List.of("198.18.0.9"), List.of(), "dot.test", null,
                Filtering.NONE, null, null, null, true, List.of(), List.of("xn--80ak6aa92e.com"));
        assertEquals("your own · look-alike TLS name: xn--80ak6aa92e.com",
                I18n.in(Locale.ENGLISH, () -> ProviderTexts.meta(otherNameLooksAlike)), "another name it is known by too");
        assertEquals("", ProviderTexts.lookAlike(catalogue("cloudflare")));
    }

    @Test
    void catalogueOperatorsInGerman() {
        assertEquals("DNS4EU-Konsortium unter Führung von Whalebone",
                I18n.in(Locale.GERMAN, () -> ProviderTexts.operator(catalogue("dns4eu-unfiltered"))));
        assertEquals("Digitale Gesellschaft (Verein)",
                I18n.in(Locale.GERMAN, () -> ProviderTexts.operator(catalogue("digitale-gesellschaft"))));
        assertEquals("DNS4EU consortium led by Whalebone",
                I18n.in(Locale.ENGLISH, () -> ProviderTexts.operator(catalogue("dns4eu-unfiltered"))));
        // a company's own name stays as it is
        assertEquals("Quad9 Foundation", I18n.in(Locale.GERMAN, () -> ProviderTexts.operator(catalogue("quad9"))));
        for (Provider p : CATALOGUE) {
            String said = I18n.in(Locale.GERMAN, () -> ProviderTexts.operator(p));
            for (String english : List.of(" led by ", "consortium", "(association)")) {
                org.junit.jupiter.api.Assertions.assertFalse(said.contains(english), p.id() + ": " + said);
            }
        }
    }

    @Test
    void customProvidersAndUnknownValuesKeepTheirText() {
        Provider mine = new Provider("quad9", "My Quad9 (home)", List.of("198.18.0.9"), List.of(), "dns.test", null,
                Filtering.NONE, null, "Atlantis", null, true);
        assertEquals("My Quad9 (home)", I18n.in(Locale.GERMAN, () -> ProviderTexts.name(mine)),
                "a custom provider with a catalogue id keeps its own name");
        assertEquals("Atlantis", I18n.in(Locale.GERMAN, () -> ProviderTexts.jurisdiction("Atlantis")));
        assertEquals("", I18n.in(Locale.GERMAN, () -> ProviderTexts.jurisdiction(null)));
    }

    @Test
    void everyCatalogueProviderHasGermanWordsWhereItsNameQualifiesIt() {
        for (Provider p : CATALOGUE) {
            String german = I18n.in(Locale.GERMAN, () -> ProviderTexts.name(p));
            if (p.displayName().matches(".*(\\(|unfiltered).*")) {
                org.junit.jupiter.api.Assertions.assertNotEquals(p.displayName(), german, p.id());
            }
            org.junit.jupiter.api.Assertions.assertNotEquals(p.jurisdiction(),
                    I18n.in(Locale.GERMAN, () -> ProviderTexts.jurisdiction(p.jurisdiction())), p.id());
        }
    }
}
