package org.port853.ui.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.probe.pins.PinVerdict;
import org.port853.probe.pins.Pinning;
import org.port853.probe.pins.ServerPins;
import org.port853.ui.common.I18n;

class PinsTextTest {
    static final String SERVER = "198.18.0.2#dot.test";
    static final ServerPins.Result FIRST_USE = new ServerPins.Result(List.of(new ServerPins.Recorded(SERVER,
            new PinVerdict(PinVerdict.Kind.RECORDED_NOW, null, "atgl9PIN=", Pinning.TOFU, null, "Test CA"))), null);

    @Test
    @DisplayName("a pin recorded on first use is said plainly, its key once")
    void firstUseIsSaidPlainlyWithTheKeyOnce() {
        assertEquals("Key pin of " + SERVER + ": First use: recorded this server's key sha256/atgl9PIN= (trust on first "
                + "use, issuer 'Test CA').", I18n.in(Locale.ENGLISH, () -> PinsText.of(FIRST_USE)));
        assertEquals("Schlüssel-Pin von " + SERVER + ": Erste Verwendung: den Schlüssel dieses Servers aufgezeichnet, "
                + "sha256/atgl9PIN= (Vertrauen bei erster Verwendung, Aussteller „Test CA“).",
                I18n.in(Locale.GERMAN, () -> PinsText.of(FIRST_USE)));
        assertEquals("First use: recorded this server's key atgl9PIN= (trust on first use, issuer 'Test CA').",
                FIRST_USE.pins().get(0).check().evidence(), "the command line's words");
    }
}
