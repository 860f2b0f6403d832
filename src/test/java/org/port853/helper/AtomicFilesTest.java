package org.port853.helper;

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
            List<Path> temps = s.filter(p -> p.getFileName().toString().contains(".port853-")).toList();
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
    void restoreAbsentDeletes() throws IOException {
        Path f = dir.resolve("f");
        Files.writeString(f, "x");
        AtomicFiles.restore(FileSnapshot.absent(f), AtomicFiles.PUBLIC);
        assertFalse(Files.exists(f, LinkOption.NOFOLLOW_LINKS));
        AtomicFiles.restore(FileSnapshot.absent(f), AtomicFiles.PUBLIC); // already absent: fine
    }

    @Test
    void restoreFileReplacesASymlinkWithoutTouchingItsTarget() throws IOException {
        Path target = dir.resolve("stub-resolv.conf");
        Files.writeString(target, "nameserver 127.0.0.53\n");
        Path rc = dir.resolve("resolv.conf");
        Files.createSymbolicLink(rc, target);
        AtomicFiles.restore(FileSnapshot.file(rc, "nameserver 192.0.2.1\n"), AtomicFiles.PUBLIC);
        assertFalse(Files.isSymbolicLink(rc));
        assertEquals("nameserver 192.0.2.1\n", Files.readString(rc));
        assertEquals("nameserver 127.0.0.53\n", Files.readString(target));
        assertEquals(FileSnapshot.file(rc, "nameserver 192.0.2.1\n"), FileSnapshot.read(rc));
    }

    @Test
    void restoreSymlinkReplacesAFile() throws IOException {
        Path rc = dir.resolve("resolv.conf");
        Files.writeString(rc, "nameserver 8.8.8.8\n");
        AtomicFiles.restore(FileSnapshot.symlink(rc, "../run/systemd/resolve/stub-resolv.conf"), AtomicFiles.PUBLIC);
        assertTrue(Files.isSymbolicLink(rc));
        assertEquals(Path.of("../run/systemd/resolve/stub-resolv.conf"), Files.readSymbolicLink(rc));
        assertEquals(FileSnapshot.symlink(rc, "../run/systemd/resolve/stub-resolv.conf"), FileSnapshot.read(rc));
        // and back to another link
        AtomicFiles.restore(FileSnapshot.symlink(rc, "/run/systemd/resolve/resolv.conf"), AtomicFiles.PUBLIC);
        assertEquals(Path.of("/run/systemd/resolve/resolv.conf"), Files.readSymbolicLink(rc));
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

    @Test
    void snapshotRefusesNonRegularAndHugeFiles() throws IOException {
        assertThrows(IOException.class, () -> FileSnapshot.read(dir));
        Path big = dir.resolve("big");
        Files.write(big, new byte[(int) FileSnapshot.MAX_BYTES + 1]);
        assertThrows(IOException.class, () -> FileSnapshot.read(big));
    }
}
