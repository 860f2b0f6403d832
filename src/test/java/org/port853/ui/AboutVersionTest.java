package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.port853.core.AppVersion;

/** The About box says the version 'port853 -V' says, and links where the installed package's metadata does. */
class AboutVersionTest {
    @Test
    void aboutSaysTheBuildsVersion() {
        assertNotNull(AppVersion.get());
        assertEquals(AppVersion.get(), MainWindow.version());
    }

    @Test
    void aboutLinksWhereThePackageMetadataDoes() throws Exception {
        String metainfo = java.nio.file.Files.readString(
                java.nio.file.Path.of("installer/linux/org.port853.Port853.metainfo.xml"));
        assertTrue(metainfo.contains("<url type=\"homepage\">" + MainWindow.HOMEPAGE_URL + "</url>"), metainfo);
        assertTrue(metainfo.contains("<url type=\"bugtracker\">" + MainWindow.ISSUES_URL + "</url>"), metainfo);
    }
}
