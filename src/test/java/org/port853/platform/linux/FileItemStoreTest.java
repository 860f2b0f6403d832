package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.AtomicFiles;
import org.port853.change.ItemSnapshot;

class FileItemStoreTest {
    @TempDir
    Path dir;
    Path f;
    Path rc;
    FakeLabels labels;
    FileItemStore store;

    /** Records label writes; reads what was written, like a file system with SELinux on. */
    static final class FakeLabels implements SelinuxLabels {
        final Map<Path, String> labels = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<String> read(Path file) {
            return Optional.ofNullable(labels.get(file));
        }

        @Override
        public void restore(Path file, String label) throws IOException {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("labelled a file that is not there: " + file);
            }
            calls.add(file.getFileName() + "=" + label);
            labels.put(file, label);
        }
    }

    @BeforeEach
    void setUp() {
        f = dir.resolve("zz-port853.conf");
        rc = dir.resolve("resolv.conf");
        labels = new FakeLabels();
        store = new FileItemStore(Set.of(f, rc), labels);
    }

    @AfterEach
    void noTempFilesLeftBehind() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().contains(AtomicFiles.TEMP_MARKER)).toList();
            assertTrue(temps.isEmpty(), temps.toString());
        }
    }

    @Test
    void ownsOnlyTheAllowedFiles() {
        assertTrue(store.owns(FileItemStore.key(f)));
        assertTrue(store.owns("file:" + rc));
        assertFalse(store.owns("file:" + dir.resolve("other")));
        assertFalse(store.owns("file:" + dir.resolve("x/../zz-port853.conf.bak")));
        assertFalse(store.owns("win:nrpt:port853"));
    }

    @Test
    void writeAbsentDeletes() throws IOException {
        Files.writeString(f, "x");
        store.write(FileItemStore.absent(f));
        assertFalse(Files.exists(f, LinkOption.NOFOLLOW_LINKS));
        store.write(FileItemStore.absent(f)); // already absent: fine
        assertEquals(FileItemStore.absent(f), store.read(FileItemStore.key(f)));
    }

    @Test
    void fileReplacesASymlinkWithoutTouchingItsTarget() throws IOException {
        Path target = dir.resolve("stub-resolv.conf");
        Files.writeString(target, "nameserver 127.0.0.53\n");
        Files.createSymbolicLink(rc, target);
        store.write(FileItemStore.file(rc, "nameserver 192.0.2.1\n"));
        assertFalse(Files.isSymbolicLink(rc));
        assertEquals("nameserver 192.0.2.1\n", Files.readString(rc));
        assertEquals("nameserver 127.0.0.53\n", Files.readString(target));
        ItemSnapshot read = store.read(FileItemStore.key(rc));
        assertEquals("nameserver 192.0.2.1\n", read.content());
        assertEquals("0644", read.attributes().get(FileItemStore.MODE));
    }

    @Test
    void symlinkReplacesAFile() throws IOException {
        Files.writeString(rc, "nameserver 8.8.8.8\n");
        store.write(FileItemStore.symlink(rc, "../run/systemd/resolve/stub-resolv.conf"));
        assertTrue(Files.isSymbolicLink(rc));
        assertEquals(FileItemStore.symlink(rc, "../run/systemd/resolve/stub-resolv.conf"), store.read("file:" + rc));
        store.write(FileItemStore.symlink(rc, "/run/systemd/resolve/resolv.conf"));
        assertEquals(Path.of("/run/systemd/resolve/resolv.conf"), Files.readSymbolicLink(rc));
    }

    @Test
    void binaryContentRoundTripsAsBase64() throws IOException {
        byte[] bytes = {(byte) 0xff, (byte) 0xfe, 0, 'a', '\n'};
        Files.write(f, bytes);
        ItemSnapshot s = store.read(FileItemStore.key(f));
        assertTrue(s.content().startsWith("base64:"), s.content());
        Files.writeString(f, "changed");
        store.write(s);
        assertArrayEquals(bytes, Files.readAllBytes(f));
    }

    @Test
    void restoreBringsBackModeOwnerAndGroup() throws IOException {
        Files.writeString(rc, "nameserver 192.0.2.53\n");
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-r-----"));
        var names = rc.getFileSystem().getUserPrincipalLookupService();
        var view = Files.getFileAttributeView(rc, java.nio.file.attribute.PosixFileAttributeView.class);
        view.setOwner(names.lookupPrincipalByName("nobody"));
        view.setGroup(names.lookupPrincipalByGroupName("adm"));
        ItemSnapshot before = store.read(FileItemStore.key(rc));
        assertEquals("0640", before.attributes().get(FileItemStore.MODE));
        assertEquals("nobody", before.attributes().get(FileItemStore.OWNER));
        assertEquals("adm", before.attributes().get(FileItemStore.GROUP));

        store.write(FileItemStore.symlink(rc, "/run/systemd/resolve/stub-resolv.conf"));
        store.write(before);

        PosixFileAttributes a = Files.readAttributes(rc, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertEquals("rw-r-----", PosixFilePermissions.toString(a.permissions()));
        assertEquals("nobody", a.owner().getName());
        assertEquals("adm", a.group().getName());
        assertEquals("nameserver 192.0.2.53\n", Files.readString(rc));
    }

    @Test
    void selinuxLabelIsRecordedAndRestoredAfterTheRename() throws IOException {
        Files.writeString(rc, "nameserver 192.0.2.53\n");
        labels.labels.put(rc, "system_u:object_r:net_conf_t:s0");
        ItemSnapshot before = store.read(FileItemStore.key(rc));
        assertEquals("system_u:object_r:net_conf_t:s0", before.attributes().get(FileItemStore.SELINUX));

        labels.labels.remove(rc); // the temp file + rename gives a new inode with the directory's default label
        store.write(before);
        assertEquals(List.of("resolv.conf=system_u:object_r:net_conf_t:s0"), labels.calls);
        assertEquals(before, store.read(FileItemStore.key(rc)));
    }

    @Test
    void noLabelIsWrittenWhereNoneWasRecorded() throws IOException {
        store.write(FileItemStore.file(f, "[Resolve]\n"));
        assertTrue(labels.calls.isEmpty(), labels.calls.toString());
    }

    @Test
    void refusesNonRegularAndHugeFiles() throws IOException {
        assertThrows(IOException.class, () -> FileItemStore.read(dir));
        Path big = dir.resolve("big");
        Files.write(big, new byte[(int) FileItemStore.MAX_BYTES + 1]);
        assertThrows(IOException.class, () -> FileItemStore.read(big));
    }

    @Test
    void modeOctalRoundTrips() throws IOException {
        for (String m : List.of("0644", "0600", "0755", "0000", "0777", "0640")) {
            assertEquals(m, FileItemStore.octal(FileItemStore.fromOctal(m)));
        }
        assertThrows(IOException.class, () -> FileItemStore.fromOctal("rw-r--r--"));
    }

    /** The before-state of a file swapped for a named pipe while it is read is refused, never waited on. */
    @org.junit.jupiter.api.Test
    void aPipeSwappedInWhileTheFileIsReadIsNotWaitedOn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "nameserver 127.0.0.53\n");
        Path pipe = org.port853.core.RegularFilesTest.pipe(dir.resolve("pipe"));
        Path name = dir.resolve("resolv.conf");
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread swapper = new Thread(() -> {
            for (int i = 0; !done.get(); i++) {
                try {
                    Files.createLink(dir.resolve("next"), i % 2 == 0 ? file : pipe);
                    Files.move(dir.resolve("next"), name, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        swapper.setDaemon(true);
        swapper.start();
        try {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
                long end = System.nanoTime() + java.time.Duration.ofMillis(1500).toNanos();
                while (System.nanoTime() < end) {
                    try {
                        org.junit.jupiter.api.Assertions.assertEquals("nameserver 127.0.0.53\n",
                                FileItemStore.read(name).content());
                    } catch (java.io.IOException refused) {
                        // a pipe, or replaced while read: refused
                    }
                }
            });
        } finally {
            done.set(true);
            swapper.join();
        }
    }
}
