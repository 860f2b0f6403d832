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

    @Test
    @DisplayName("the manifest's Class-Path entries that are not files beside the jar are named; a plain folder is not checked")
    void absentJarsAreTheManifestsEntriesThatAreNotThere(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, "lib/a-1.jar lib/b-2.jar  lib/c-3.jar");
        Path jar = dir.resolve("port853.jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar), m)) {
            out.putNextEntry(new java.util.zip.ZipEntry("x.txt"));
        }
        java.nio.file.Files.createDirectories(dir.resolve("lib/c-3.jar")); // a folder is not the jar
        java.nio.file.Files.writeString(dir.resolve("lib/a-1.jar"), "");
        assertEquals(List.of("b-2.jar", "c-3.jar"), Libraries.absentJars(jar));
        assertEquals(List.of(), Libraries.absentJars(dir), "target/classes in a build: nothing to compare");
        assertEquals(List.of(), Libraries.absentJars(null));
    }
}
