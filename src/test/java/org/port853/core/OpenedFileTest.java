package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenedFileTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aPipeOpensAtOnceAndSaysWhatItIs() throws Exception {
        Path pipe = RegularFilesTest.pipe(dir.resolve("pipe"));
        assertTimeoutPreemptively(QUICKLY, () -> {
            try (OpenedFile opened = OpenedFile.open(pipe)) {
                assertEquals(FileType.NAMED_PIPE, opened.type());
            }
        });
    }

    @Test
    void aFileIsTheOneHeldOpenEvenWhenItsNameMovesOn() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "first\n");
        try (OpenedFile opened = OpenedFile.open(file)) {
            Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            Files.move(Files.writeString(dir.resolve("g"), "second\n"), file, StandardCopyOption.ATOMIC_MOVE);
            assertEquals(FileType.REGULAR, opened.type());
            assertEquals(key, opened.fileKey());
            try (var in = opened.newInputStream()) {
                assertEquals("first\n", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aMissingFileIsSaidAsTheJdkSaysIt() {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> OpenedFile.open(dir.resolve("none")).close());
    }

    /**
     * The name swaps between a regular file and a pipe while it is read over and over: a read that looked at the file
     * and then opened the pipe put there meanwhile would wait for good.
     */
    @Test
    void aPipeSwappedInBetweenTheLookAndTheOpenIsRefusedNotWaitedOn() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "nameserver 127.0.0.53\n");
        Path pipe = RegularFilesTest.pipe(dir.resolve("pipe"));
        Path name = dir.resolve("resolv.conf");
        AtomicBoolean done = new AtomicBoolean();
        Thread swapper = new Thread(() -> {
            for (int i = 0; !done.get(); i++) {
                try {
                    Path next = dir.resolve("next");
                    Files.createLink(next, i % 2 == 0 ? file : pipe);
                    Files.move(next, name, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        swapper.setDaemon(true);
        swapper.start();
        int[] seen = new int[2];
        try {
            assertTimeoutPreemptively(QUICKLY, () -> {
                long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                while (System.nanoTime() < end || seen[0] == 0 || seen[1] == 0) {
                    try {
                        assertEquals("nameserver 127.0.0.53\n", RegularFiles.readString(name));
                        seen[0]++;
                    } catch (NotRegularFileException | java.nio.file.NoSuchFileException e) {
                        seen[1]++;
                    }
                }
            });
        } finally {
            done.set(true);
            swapper.join();
        }
        assertTrue(seen[0] > 0 && seen[1] > 0, seen[0] + " reads, " + seen[1] + " refusals");
    }

    @Test
    @DisplayName("JNA failing in any of its ways leaves the plain read, not an error on every file read (review)")
    void jnaFailingLeavesThePlainRead() {
        assertFalse(OpenedFile.registers(() -> {
            throw new UnsatisfiedLinkError("Unable to load library 'c'");
        }));
        assertFalse(OpenedFile.registers(() -> {
            throw new NoClassDefFoundError("Could not initialize class com.sun.jna.Native");
        }));
        assertFalse(OpenedFile.registers(() -> {
            throw new Error("There is an incompatible JNA native library installed on this system");
        }));
        assertThrows(OutOfMemoryError.class, () -> OpenedFile.registers(() -> {
            throw new OutOfMemoryError();
        }));
        assertTrue(OpenedFile.registers(() -> true));
    }
}
