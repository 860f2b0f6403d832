package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class RegularFilesTest {
    @TempDir
    Path dir;

    /** A named pipe at {@code file} (Java cannot make one). */
    public static Path pipe(Path file) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
        return file;
    }

    @Test
    void aPipeIsRefusedNotWaitedOn() throws Exception {
        Path p = pipe(dir.resolve("pipe"));
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IOException.class, () -> RegularFiles.read(p)));
        assertEquals(p + " is not a regular file", e.getMessage());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(IOException.class,
                () -> RegularFiles.readString(p)));
    }

    @Test
    void aFileIsReadAndAMissingOneIsSaidAsBefore() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x=1\n");
        assertEquals("x=1\n", RegularFiles.readString(f));
        assertEquals(4, RegularFiles.read(f).length);
        Path link = Files.createSymbolicLink(dir.resolve("link"), f);
        assertEquals("x=1\n", RegularFiles.readString(link), "a link to a file is read");
        assertThrows(NoSuchFileException.class, () -> RegularFiles.read(dir.resolve("none")));
    }
}
