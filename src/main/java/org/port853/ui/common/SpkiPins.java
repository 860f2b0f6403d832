package org.port853.ui.common;

/** How the window writes a SHA-256 SPKI pin: {@code sha256/BASE64}, as {@code port853 pins} prints it. */
public final class SpkiPins {
    private SpkiPins() {
    }

    public static String text(String base64) {
        return "sha256/" + base64;
    }
}
