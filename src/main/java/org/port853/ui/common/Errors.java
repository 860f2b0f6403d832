package org.port853.ui.common;

import org.port853.core.InvalidInputException;

/** Turns exceptions into words for people. */
public final class Errors {
    private Errors() {
    }

    /**
     * One sentence for people from any exception: the first message along its causes (refused input in the window's
     * words), else its type.
     */
    public static String describe(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        if (c instanceof InvalidInputException refused) {
            return InputErrorTexts.of(refused);
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }
}
