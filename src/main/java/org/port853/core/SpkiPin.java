package org.port853.core;

import java.util.Base64;

/** An SPKI pin as providers publish it and Port853 records it: base64 of the key's SHA-256 digest (44 characters). */
public final class SpkiPin {
    private SpkiPin() {
    }

    public static boolean isValid(String pin) {
        if (pin == null || pin.length() != 44) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(pin).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
