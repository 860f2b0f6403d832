package org.port853.ui.common;

import org.port853.core.InvalidInputException;

/** Turns exceptions into words for people. */
public final class Errors {
    private Errors() {
    }

    /**
     * One sentence for people from any exception: the first message along its causes (refused input in the window's
     * words), else its type. Any other message is the system's own text (D-Bus, I/O, a helper): kept as it is, quoted
     * in a language other than English ({@code error.system}); the caller's text says what failed and what to do.
     */
    public static String describe(Throwable t) {
        NoClassDefFoundError missing = missingClass(t);
        if (missing != null) { // a jar missing from lib/: the class name alone says nothing to people
            return I18n.t("error.missing-class", String.valueOf(missing.getMessage()).replace('/', '.'));
        }
        Throwable c = t;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        if (c instanceof InvalidInputException refused) {
            return InputErrorTexts.of(refused);
        }
        String m = c.getMessage();
        return systemText(m == null || m.isBlank() ? c.getClass().getSimpleName() : m);
    }

    /**
     * The class that could not be found, along {@code t}'s causes; null when none. A class that is there but failed
     * to initialise ("Could not initialize class …", e.g. JNA on a noexec /tmp) is no missing library.
     */
    public static NoClassDefFoundError missingClass(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NoClassDefFoundError e && e.getMessage() != null
                    && !e.getMessage().startsWith("Could not initialize class")
                    && Errors.class.getClassLoader().getResource(e.getMessage().replace('.', '/') + ".class") == null) {
                return e;
            }
        }
        return null;
    }

    /**
     * Why a file could not be read or written, in the window's language: permission denied, missing, or the system's
     * own words (a bare file-system error carries only a path).
     */
    public static String fileReason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return I18n.t("error.file.denied");
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return I18n.t("error.file.missing");
        }
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage();
        return systemText(reason == null ? e.getClass().getSimpleName() : reason);
    }

    /** The system's own words, kept as they are: quoted after a lead in a language other than English. */
    public static String systemText(String said) {
        return I18n.t("error.system", said);
    }
}
