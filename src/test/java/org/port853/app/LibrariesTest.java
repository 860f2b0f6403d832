package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LibrariesTest {
    @Test
    @DisplayName("with its libraries nothing is missing; a jar on its own is told which, and where they belong")
    void missingLibrariesAreNamed() throws Exception {
        assertEquals(List.of(), Libraries.missing(LibrariesTest.class.getClassLoader()));
        try (URLClassLoader alone = new URLClassLoader(new URL[0], null)) {
            List<String> missing = Libraries.missing(alone);
            assertEquals(List.of("JavaFX", "AtlantaFX", "ControlsFX", "dbus-java", "SLF4J", "JNA", "dnsjava", "Jackson"),
                    missing, "each library once, though several of its jars are looked for");
            String said = Libraries.problem(missing, Path.of("/home/alice/port853.jar"));
            assertTrue(said.contains("(JavaFX, AtlantaFX, ControlsFX, dbus-java, SLF4J, JNA, dnsjava, Jackson)"), said);
            assertTrue(said.contains("/home/alice/lib, beside port853.jar"), said);
            assertEquals(1, said.lines().count(), said);
        }
    }
}
