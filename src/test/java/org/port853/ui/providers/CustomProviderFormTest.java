package org.port853.ui.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Provider;

/** The entries of a save that failed come back once, and only where the dialog opens for the provider they were for. */
class CustomProviderFormTest {
    private static Provider custom(String id) {
        return new Provider(id, "Name of " + id, List.of("198.18.0.2"), List.of(), "dot.test", null, null, null, null,
                null, true);
    }

    private final Provider a = custom("custom-a");
    private final Provider b = custom("custom-b");
    private final CustomProviderForm form = new CustomProviderForm();

    private CustomProviderForm.Typed typedFor(Provider p) {
        return new CustomProviderForm.Typed(p, "typed", "198.18.0.9", "typed.test");
    }

    @Test
    @DisplayName("entries typed for a new provider come back for a new one, not when a saved one is edited")
    void newProvider() {
        form.keep(typedFor(null));
        form.edit(a);
        assertEquals("Name of custom-a", form.nameProperty().get(), "typed for a new one, not for this one");
        form.startNew();
        assertEquals("typed", form.nameProperty().get());
        assertNull(form.editing());
        form.startNew();
        assertEquals("", form.nameProperty().get(), "once only");
    }

    @Test
    @DisplayName("entries typed while editing a provider come back when that provider (by id) is edited again, not for "
            + "another one or a new one")
    void editedProvider() {
        form.keep(typedFor(a));
        form.startNew();
        assertEquals("", form.nameProperty().get(), "typed for custom-a, not for a new one");
        form.edit(b);
        assertEquals("Name of custom-b", form.nameProperty().get(), "typed for custom-a, not for custom-b");
        Provider sameId = custom("custom-a");
        form.edit(sameId);
        assertEquals("typed", form.nameProperty().get());
        assertEquals("198.18.0.9", form.addressesProperty().get());
        assertEquals("typed.test", form.tlsNameProperty().get());
        assertSame(sameId, form.editing());
        form.edit(a);
        assertEquals("Name of custom-a", form.nameProperty().get(), "once only");
    }

    @Test
    @DisplayName("a saved provider edited in the form keeps what the form does not show: its other TLS names (but one "
            + "that became the primary name) and its pins")
    void editingKeepsWhatTheFormDoesNotShow() {
        String pin = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Provider saved = new Provider("custom-c", "Home", List.of("198.18.0.2"), List.of(), "dot.test", null, null, null,
                null, null, true, List.of(pin), List.of("other.test", "third.test"));
        form.edit(saved);
        form.nameProperty().set("Home, renamed");
        Provider built = form.build(List.of(saved));
        assertEquals("Home, renamed", built.displayName());
        assertEquals(List.of("other.test", "third.test"), built.otherTlsNames());
        assertEquals(List.of(pin), built.spkiPins());
        form.edit(saved);
        form.tlsNameProperty().set("other.test");
        assertEquals(List.of("third.test"), form.build(List.of(saved)).otherTlsNames());
    }

    @Test
    @DisplayName("a name whose first 40 letters are another provider's id's gets an id of at most 40 characters: the id "
            + "made unique by a number is not refused")
    void longNameBesideOneAlike() {
        String first = "Home office resolver in the basement rack";
        Provider saved = new Provider(CustomProviderForm.deriveId(first), first, List.of("198.18.0.2"), List.of(),
                "dot.test", null, null, null, null, null, true);
        form.startNew();
        form.nameProperty().set(first + " two");
        form.addressesProperty().set("198.18.0.3");
        form.tlsNameProperty().set("dot.test");
        Provider built = form.build(List.of(saved));
        assertNull(form.errorProperty(CustomProviderForm.Field.NAME).get());
        assertEquals("home-office-resolver-in-the-basement-r-2", built.id());
    }

    @Test
    @DisplayName("an IPv6 address whose last group looks like a port is warned of, as the command line warns, in "
            + "English and German, without refusing it; the warning goes once the address is written without it")
    void portLikeLastGroupIsWarnedOf() {
        form.addressesProperty().set("198.18.0.2, 2001:db8::1:853");
        assertEquals(true, form.check(CustomProviderForm.Field.ADDRESSES), "a valid address: saved as written");
        assertEquals("2001:db8::1:853 is kept as the IPv6 address 2001:db8::1:853, as systemd-resolved reads it too, "
                + "not as port 853 of 2001:db8::1. This provider is always asked on port 853: if 2001:db8::1 is "
                + "meant, leave out \":853\".", form.warningProperty(CustomProviderForm.Field.ADDRESSES).get());
        String german = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> {
            form.check(CustomProviderForm.Field.ADDRESSES);
            return form.warningProperty(CustomProviderForm.Field.ADDRESSES).get();
        });
        assertEquals("2001:db8::1:853 bleibt die IPv6-Adresse 2001:db8::1:853, so liest sie auch systemd-resolved, "
                + "nicht Port 853 von 2001:db8::1. Dieser Anbieter wird immer über Port 853 gefragt: Ist 2001:db8::1 "
                + "gemeint, lassen Sie \u201e:853\u201c weg.", german);
        form.addressesProperty().set("198.18.0.2, 2001:db8::1");
        assertNull(form.warningProperty(CustomProviderForm.Field.ADDRESSES).get(), "gone as the text is put right");
        assertNull(form.warningProperty(CustomProviderForm.Field.NAME).get());
    }
}
