package org.port853.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The system's own error text is kept verbatim: as it is in English, quoted after a German lead in German. */
class ErrorsTest {
    @Test
    void theSystemsTextIsQuotedInGermanAndKeptAsItIs() {
        IOException e = new IOException("org.freedesktop.DBus.Error.AccessDenied: Permission denied");
        assertEquals("das System meldet: „org.freedesktop.DBus.Error.AccessDenied: Permission denied“",
                I18n.in(Locale.GERMAN, () -> Errors.describe(e)));
        assertEquals(e.getMessage(), I18n.in(Locale.ENGLISH, () -> Errors.describe(e)));
        assertEquals("Die Änderung konnte nicht vorgenommen werden: das System meldet: „org.freedesktop.DBus.Error."
                + "AccessDenied: Permission denied“. Lesen Sie den Zustand auf dem Bildschirm „Status“ neu, bevor Sie es "
                + "erneut versuchen", I18n.in(Locale.GERMAN, () -> "D" + I18n.t("apply.failed.system", Errors.describe(e))
                .substring(1)));
    }

    @Test
    void anExceptionWithoutTextIsNamedByItsType() {
        assertEquals("das System meldet: „IOException“", I18n.in(Locale.GERMAN, () -> Errors.describe(new IOException())));
    }

    @Test
    void aClassMissingFromLibSaysAPartIsMissingNotTheClassPath() {
        RuntimeException e = new RuntimeException(new NoClassDefFoundError("org/example/gone/Message"));
        assertEquals("a part of Port853 is missing (org.example.gone.Message could not be loaded): install Port853 again, "
                + "or run port853.jar with the lib folder it was built with beside it", I18n.in(Locale.ENGLISH, () -> Errors.describe(e)));
    }

    @Test
    void aClassThatIsThereButFailedToInitialiseIsNoMissingLibrary() {
        NoClassDefFoundError e = new NoClassDefFoundError("Could not initialize class com.sun.jna.Native");
        assertEquals(null, Errors.missingClass(e));
        assertEquals("Could not initialize class com.sun.jna.Native", I18n.in(Locale.ENGLISH, () -> Errors.describe(e)));
        assertEquals(null, Errors.missingClass(new NoClassDefFoundError("org/port853/ui/common/Errors")), "it is there");
    }
}
