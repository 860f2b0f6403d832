package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export's file chooser starts in $HOME, as the app's state does, not in Java's user.home (/root under sudo). */
class ExportFolderTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("$HOME where it is a directory, then the folder of the last export")
    void homeThenLastExport() throws Exception {
        Path home = Files.createDirectory(dir.resolve("alice"));
        Path root = Files.createDirectory(dir.resolve("root"));
        ExportFolder folder = new ExportFolder(Map.of("HOME", home.toString()), root.toString());
        assertEquals(home.toFile(), folder.initial());
        Path reports = Files.createDirectory(home.resolve("reports"));
        folder.exportedTo(reports.resolve("leaks.csv").toFile());
        assertEquals(reports.toFile(), folder.initial());
    }

    @Test
    @DisplayName("user.home when $HOME is unset, relative or not a directory")
    void userHomeOtherwise() throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("HOME", "relative"),
                Map.of("HOME", dir.resolve("missing").toString()))) {
            assertEquals(root.toFile(), new ExportFolder(env, root.toString()).initial(), env.toString());
        }
        assertEquals(null, new ExportFolder(Map.of(), dir.resolve("gone").toString()).initial());
    }
}
