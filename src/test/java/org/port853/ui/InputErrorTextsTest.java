package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.port853.core.CustomProviders;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.Errors;
import org.port853.ui.common.I18n;
import org.port853.ui.common.InputErrorTexts;
import org.port853.ui.providers.CustomProviderForm;
import org.port853.ui.providers.CustomProviderForm.Field;
import org.port853.ui.providers.ProviderSource;
import org.port853.ui.task.CurrentThreadTaskExecutor;

/** Refused input is said in the window's language with its values; the command line keeps core's English. */
class InputErrorTextsTest {
    private static <T> T german(Supplier<T> s) {
        return I18n.in(Locale.GERMAN, s);
    }

    private static <T> T english(Supplier<T> s) {
        return I18n.in(Locale.ENGLISH, s);
    }

    /** The error the dialog shows after the user leaves {@code f} holding {@code value}. */
    private static String leaving(Field f, String value) {
        CustomProviderForm form = new CustomProviderForm();
        switch (f) {
            case NAME -> form.nameProperty().set(value);
            case ADDRESSES -> form.addressesProperty().set(value);
            case TLS_NAME -> form.tlsNameProperty().set(value);
        }
        form.check(f);
        return form.errorProperty(f).get();
    }

    @Test
    void theCustomProviderDialogSaysABadAddressInGermanWithTheValue() {
        assertEquals("Adresse „300.1.2.3“ ist keine IPv4- oder IPv6-Adresse.", german(() -> leaving(Field.ADDRESSES, "300.1.2.3")));
        assertEquals("Address '300.1.2.3' is not an IPv4 or IPv6 address.", english(() -> leaving(Field.ADDRESSES, "300.1.2.3")));
        InvalidInputException cli = assertThrows(InvalidInputException.class,
                () -> CustomProviders.validate("x", "x", "300.1.2.3", "dns.example"));
        assertEquals("Address '300.1.2.3' is not an IPv4 or IPv6 address.", cli.getMessage(), "the command line's English");
        assertTrue(german(() -> leaving(Field.ADDRESSES, "dns.google")).startsWith("Adresse „dns.google“ ist ein Hostname, keine IP-Adresse"));
        assertEquals("Adresse „0.0.0.0“ kann keine DNS-Serveradresse sein.", german(() -> leaving(Field.ADDRESSES, "0.0.0.0")));
        assertEquals("Keine Adressen: Geben Sie mindestens eine IPv4- oder IPv6-Adresse ein.", german(() -> leaving(Field.ADDRESSES, " ")));
        assertEquals("Adressen: Geben Sie höchstens 8 Adressen ein, nicht 9.",
                german(() -> leaving(Field.ADDRESSES, "192.0.2.1 192.0.2.2 192.0.2.3 192.0.2.4 192.0.2.5 192.0.2.6 192.0.2.7 192.0.2.8 192.0.2.9")));
        assertEquals("Adressen: Adresse 192.0.2.1 steht doppelt in der Liste.", german(() -> leaving(Field.ADDRESSES, "192.0.2.1, 192.0.2.1")));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("an error shown goes as soon as the field is edited right (not only when it is "
            + "left, which is the press on Save); a field without an error is not checked while typing")
    void anErrorGoesAsTheFieldIsCorrected() {
        CustomProviderForm form = new CustomProviderForm();
        form.addressesProperty().set("10.0.0.300");
        assertEquals(null, form.errorProperty(Field.ADDRESSES).get(), "not checked while typing, before leaving");
        form.check(Field.ADDRESSES);
        assertTrue(form.errorProperty(Field.ADDRESSES).get() != null);
        form.addressesProperty().set("10.0.0.3");
        assertEquals(null, form.errorProperty(Field.ADDRESSES).get());
    }

    @Test
    void theNameAndTlsNameFieldsNameTheirFieldInGerman() {
        assertEquals("Name ist leer.", german(() -> leaving(Field.NAME, "  ")));
        assertEquals("Name is empty.", english(() -> leaving(Field.NAME, "  ")), "the field is labelled Name");
        assertEquals("Name ist länger als 80 Zeichen.", german(() -> leaving(Field.NAME, "x".repeat(81))));
        assertEquals("TLS-Name „dns_x.example“ ist kein gültiger Hostname: „_“ darf darin nicht vorkommen (nur "
                + "Buchstaben, Ziffern, Bindestriche und Punkte).", german(() -> leaving(Field.TLS_NAME, "dns_x.example")));
        assertEquals("TLS name 'dns_x.example' is not a valid host name: '_' cannot be in one (letters, digits, "
                + "hyphens and dots only).", english(() -> leaving(Field.TLS_NAME, "dns_x.example")));
        assertEquals("TLS-Name ist leer.", german(() -> leaving(Field.TLS_NAME, "")));
        assertEquals("TLS-Name „192.0.2.1“ sieht wie eine Adresse aus, nicht wie ein Hostname.",
                german(() -> leaving(Field.TLS_NAME, "192.0.2.1")));
        // an internationalized name is checked as on the command line
        assertEquals("TLS-Name „a\u3002\u3002b“ ist kein gültiger internationalisierter Hostname.",
                german(() -> leaving(Field.TLS_NAME, "a\u3002\u3002b")));
    }

    @Test
    void aTlsNameOfAllowedCharactersSaysWhichRuleItBreaks() {
        assertEquals("TLS name 'dns..example' is not a valid host name: it has an empty label (two dots in a row, or a "
                + "dot at the start).", english(() -> leaving(Field.TLS_NAME, "dns..example")));
        // two trailing dots: the root's one is allowed, the other leaves an empty label (no hyphen is involved)
        assertEquals("TLS name 'dns..' is not a valid host name: it has an empty label (two dots in a row, or a "
                + "dot at the start).", english(() -> leaving(Field.TLS_NAME, "dns..")));
        assertEquals("TLS name '" + "d".repeat(64) + ".example' is not a valid host name: a label (the part between two "
                + "dots) is longer than 63 characters.", english(() -> leaving(Field.TLS_NAME, "d".repeat(64) + ".example")));
        // was "is not a valid host name (length)", for "." too, which is no long name
        String longName = ("a".repeat(63) + ".").repeat(3) + "b".repeat(62);
        assertEquals("TLS name '" + longName.substring(0, 80) + "\u2026' is not a valid host name: it is 254 characters "
                + "long, and a host name has at most 253.", english(() -> leaving(Field.TLS_NAME, longName)));
        assertEquals("TLS-Name „" + longName.substring(0, 80) + "\u2026“ ist kein gültiger Hostname: Er ist 254 Zeichen "
                + "lang, ein Hostname hat höchstens 253.", german(() -> leaving(Field.TLS_NAME, longName)));
        assertEquals("TLS name '.' is not a valid host name: it has an empty label (two dots in a row, or a dot at the "
                + "start).", english(() -> leaving(Field.TLS_NAME, ".")));
        assertEquals("TLS name '-dns.example' is not a valid host name: a label (the part between two dots) starts or "
                + "ends with a hyphen.", english(() -> leaving(Field.TLS_NAME, "-dns.example")));
        assertEquals("TLS-Name „dns-.example“ ist kein gültiger Hostname: Ein Label (der Teil zwischen zwei Punkten) "
                + "beginnt oder endet mit einem Bindestrich.", german(() -> leaving(Field.TLS_NAME, "dns-.example")));
    }

    @Test
    void aTlsNameMixingScriptsNamesEachScriptInGerman() {
        assertEquals("TLS-Name „dns.qu\u0430d9.net“ mischt in einem Label Schriften, wie es Nachahmungen anderer Namen tun "
                + "(Lateinisch q, u, d; Kyrillisch \u0430 (U+0430)); seine ASCII-Form, die das Zertifikat des Servers "
                + "enthalten muss, ist dns.xn--qud9-63d.net: Wenn Sie diesen Namen meinen, geben Sie ihn so ein.",
                german(() -> leaving(Field.TLS_NAME, "dns.qu\u0430d9.net")));
        // a script without words of its own is named as Unicode names it
        assertTrue(german(() -> leaving(Field.TLS_NAME, "a\u13a0b.example"))
                .contains("(Lateinisch a, b; Cherokee \u13a0 (U+13A0))"));
        assertTrue(german(() -> leaving(Field.TLS_NAME, "a\u1401.example"))
                .contains("(Lateinisch a; Canadian Aboriginal \u1401 (U+1401))"));
    }

    @Test
    void aTlsNameWhollyOfLetterLookingLatinIsSaidInGerman() {
        // "аррӏе.com": Cyrillic а, р, р, ӏ, е read as "apple"
        assertEquals("TLS-Name „\u0430\u0440\u0440\u04cf\u0435.com“ hat ein Label, „\u0430\u0440\u0440\u04cf\u0435“, das nur "
                + "aus Buchstaben besteht, die lateinischen gleichen (Kyrillisch \u0430 (U+0430), \u0440 (U+0440), "
                + "\u04cf (U+04CF), \u0435 (U+0435)), und nicht unter einer Top-Level-Domain in dieser Schrift steht, "
                + "wie es Nachahmungen lateinischer Namen tun; seine ASCII-Form, die das Zertifikat des Servers enthalten muss, ist "
                + "xn--80ak6aa92e.com: Wenn Sie diesen Namen meinen, geben Sie ihn so ein.",
                german(() -> leaving(Field.TLS_NAME, "\u0430\u0440\u0440\u04cf\u0435.com")));
    }

    @Test
    void aBrokenCustomProvidersFileIsSaidInGermanThroughEveryLayer() throws Exception {
        Path dir = org.port853.core.ScratchFolders.create("port853-input-texts");
        Path file = dir.resolve("custom-providers.json");
        Files.writeString(file, "{\"providers\": [{\"id\": \"home\", \"displayName\": \"Home\", \"ipv4\": [\"192.0.2.1\"], "
                + "\"tlsName\": \"dns..home\"}]}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new CustomProviders(file).load());
        assertEquals("Custom providers file " + file + " is not valid: entry 1 (\"home\"): field tlsName: TLS name "
                + "'dns..home' is not a valid host name: it has an empty label (two dots in a row, or a dot at the start).",
                e.getMessage(), "the command line's English");
        assertEquals("Die Datei der eigenen Anbieter " + file + " ist ungültig: Eintrag 1 („home“): Feld tlsName: TLS-Name "
                + "„dns..home“ ist kein gültiger Hostname: Ein Label ist leer (zwei Punkte hintereinander oder ein Punkt am "
                + "Anfang).", german(() -> Errors.describe(e)));
        assertEquals(e.getMessage(), english(() -> Errors.describe(e)), "the English window says what the command line says");
    }

    @Test
    void aKeyTwiceAndBytesThatAreNotUtf8AreSaidInGerman() throws Exception {
        Path dir = org.port853.core.ScratchFolders.create("port853-input-texts");
        Path file = dir.resolve("custom-providers.json");
        Files.writeString(file, "[{\"id\": \"home\",\n\"id\": \"home\"}]");
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> new CustomProviders(file).load());
        assertEquals("Die Datei der eigenen Anbieter " + file + " ist ungültig: der Schlüssel „id“ kommt in Eintrag 1 "
                + "zweimal vor (Zeile 2); löschen Sie einen davon.", german(() -> Errors.describe(twice)));
        assertEquals(twice.getMessage(), english(() -> Errors.describe(twice)));
        Files.writeString(file, "{\"version\": 1, \"version\": 1}");
        InvalidInputException top = assertThrows(InvalidInputException.class, () -> new CustomProviders(file).load());
        assertEquals("Die Datei der eigenen Anbieter " + file + " ist ungültig: der Schlüssel „version“ kommt zweimal "
                + "vor (Zeile 1); löschen Sie einen davon.", german(() -> Errors.describe(top)));
        assertEquals(top.getMessage(), english(() -> Errors.describe(top)));
        Files.write(file, new byte[]{'[', '\n', '"', (byte) 0xE9, '"', ']'});
        InvalidInputException latin1 = assertThrows(InvalidInputException.class, () -> new CustomProviders(file).load());
        assertEquals("Die Datei der eigenen Anbieter " + file + " ist ungültig: das Byte 0xE9 in Zeile 2 ist kein UTF-8; "
                + "speichern Sie die Datei als UTF-8.", german(() -> Errors.describe(latin1)));
        assertEquals(latin1.getMessage(), english(() -> Errors.describe(latin1)));
    }

    @Test
    void aRefusedApplyIsSaidInGerman() throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true));
        AppModel model = new AppModel(new AppServices(adapter, () -> new Fakes.FakeCapture(null), new Fakes.AnsweringProbe(),
                ProviderSource.inMemory(), org.port853.core.ScratchFolders.create("port853-input-texts"), Runnable::run,
                new Fakes.RecordingNotifier(), false), new CurrentThreadTaskExecutor());
        ApplyViewModel apply = new ApplyViewModel(model);
        Supplier<DesiredSettings> strictWithoutName = () -> new DesiredSettings(List.of(ServerAddress.parse("192.0.2.53")),
                DotMode.STRICT, DnssecMode.NO, true, List.of());
        german(() -> {
            apply.beginApplyOrExplain(strictWithoutName);
            return null;
        });
        assertEquals(ApplyViewModel.Phase.REFUSED, apply.phaseProperty().get());
        assertEquals(german(() -> I18n.t("apply.invalid", "der strikte Modus braucht einen TLS-Namen für 192.0.2.53 "
                + "(geschrieben als 192.0.2.53#dns.example): Ohne ihn wird das Zertifikat gegen die bloße IP-Adresse "
                + "geprüft, die die Zertifikate der meisten Anbieter nicht enthalten")), apply.summaryProperty().get());
        InvalidInputException cli = assertThrows(InvalidInputException.class, strictWithoutName::get);
        assertTrue(cli.getMessage().startsWith("strict mode needs a TLS name for 192.0.2.53 (write it as"), cli.getMessage());
    }

    @Test
    void aRefusalWithoutWordsKeepsItsEnglish() {
        InvalidInputException plain = new InvalidInputException("--timeout must be between 10 and 60000 ms");
        assertEquals(plain.getMessage(), german(() -> InputErrorTexts.of(plain)));
    }
}
