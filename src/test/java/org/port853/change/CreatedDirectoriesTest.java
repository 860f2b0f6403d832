package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CreatedDirectories: a directory Port853 created goes again once empty; one that was there stays")
class CreatedDirectoriesTest {
    @TempDir
    Path root;

    private CreatedDirectories created() {
        return new CreatedDirectories(root.resolve("var/lib/port853"));
    }

    @Test
    void createdAndEmptyIsRemoved() throws Exception {
        Path dir = root.resolve("etc/systemd/resolved.conf.d");
        created().ensure(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(Files.isDirectory(dir));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        created().ensure(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // the next apply: still ours
        created().removeIfEmpty(dir);
        assertFalse(Files.exists(dir));
        assertTrue(Files.isDirectory(dir.getParent()), "only the directory named, not its parents");
        assertFalse(Files.exists(root.resolve("var/lib/port853").resolve(CreatedDirectories.FILE_NAME)),
                "nothing left to remember");
    }

    @Test
    void aDirectoryThatWasThereStays() throws Exception {
        Path dir = Files.createDirectories(root.resolve("etc/nftables.d"));
        created().ensure(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        created().removeIfEmpty(dir);
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    @DisplayName("with someone else's file in it, it stays, and goes at a later revert once empty")
    void aDirectoryWithFilesStaysUntilEmpty() throws Exception {
        Path dir = root.resolve("etc/systemd/resolved.conf.d");
        created().ensure(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path admins = Files.writeString(dir.resolve("10-admin.conf"), "[Resolve]\n");
        created().removeIfEmpty(dir);
        assertTrue(Files.exists(admins));
        Files.delete(admins);
        created().removeIfEmpty(dir);
        assertFalse(Files.exists(dir));
    }
}
