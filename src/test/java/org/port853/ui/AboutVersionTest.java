package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.port853.core.AppVersion;

/** The About box says the version 'port853 -V' says: one version, from the build. */
class AboutVersionTest {
    @Test
    void aboutSaysTheBuildsVersion() {
        assertNotNull(AppVersion.get());
        assertEquals(AppVersion.get(), MainWindow.version());
    }
}
