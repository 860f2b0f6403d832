package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @AfterEach
    void noTempFilesLeftBehind() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().contains(AtomicFiles.TEMP_MARKER)).toList();
            assertTrue(temps.isEmpty(), temps.toString());
        }
    }

    @Test
    void writeCreatesExactBytesWithPublicMode() throws IOException {
        Path f = dir.resolve("zz-port853.conf");
        String text = "[Resolve]\nDNS=9.9.9.9#dns.quad9.net\n# Ünïcödé\n";
        AtomicFiles.write(f, text, AtomicFiles.PUBLIC);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
        assertEquals("rw-r--r--", mode(f));
    }

    @Test
    void writeWithPrivateModeAndReplaceKeepsNewMode() throws IOException {
        Path f = dir.resolve("journal.json");
        Files.writeString(f, "old content that is longer");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxrwxrwx"));
        AtomicFiles.write(f, "{}", AtomicFiles.PRIVATE);
        assertEquals("{}", Files.readString(f));
        assertEquals("rw-------", mode(f));
    }

    @Test
    void emptyContent() throws IOException {
        Path f = dir.resolve("empty");
        AtomicFiles.write(f, "", AtomicFiles.PUBLIC);
        assertEquals(0, Files.size(f));
    }

    @Test
    void refusesToWriteThroughASymlink() throws IOException {
        Path victim = dir.resolve("shadow");
        Files.writeString(victim, "precious\n");
        Path link = dir.resolve("zz-port853.conf");
        Files.createSymbolicLink(link, victim);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(link, "evil\n", AtomicFiles.PUBLIC));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("precious\n", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void refusesADanglingSymlinkToo() throws IOException {
        Path link = dir.resolve("zz-port853.conf");
        Files.createSymbolicLink(link, dir.resolve("created-by-attacker"));
        assertThrows(IOException.class, () -> AtomicFiles.write(link, "x", AtomicFiles.PUBLIC));
        assertFalse(Files.exists(dir.resolve("created-by-attacker")));
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemp() throws IOException {
        Path target = dir.resolve("a-directory");
        Files.createDirectory(target);
        Files.writeString(target.resolve("child"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, "x", AtomicFiles.PUBLIC));
        assertTrue(Files.isDirectory(target));
        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("missing-dir/file"), "x", AtomicFiles.PUBLIC));
    }

    @Test
    void ensureDirectory() throws IOException {
        Path d = dir.resolve("var/lib/port853");
        AtomicFiles.ensureDirectory(d, PosixFilePermissions.fromString("rwx------"));
        assertTrue(Files.isDirectory(d));
        assertEquals("rwx------", mode(d));
        Path link = dir.resolve("linked");
        Files.createSymbolicLink(link, d);
        assertThrows(IOException.class, () -> AtomicFiles.ensureDirectory(link, AtomicFiles.PRIVATE));
        Path file = dir.resolve("file");
        Files.writeString(file, "");
        assertThrows(IOException.class, () -> AtomicFiles.ensureDirectory(file.resolve("sub"), AtomicFiles.PRIVATE));
    }
}
