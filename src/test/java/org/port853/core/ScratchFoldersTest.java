package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A scratch folder and what was written into it are gone once its JVM has exited. */
class ScratchFoldersTest {
    /** Makes a folder with a file and a subfolder, prints its path, exits. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path d = ScratchFolders.create("port853-scratch-test");
            Files.writeString(Files.createDirectories(d.resolve("sub")).resolve("prefs.json"), "{}");
            System.out.println(d);
        }
    }

    @Test
    void theFolderAndItsContentAreRemovedAtExit() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("port853-scratch-test"), out);
        assertFalse(Files.exists(Path.of(out)), out + " is still there");
    }
}
