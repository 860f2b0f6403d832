package org.port853.change;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file replacement: a temp file created exclusively in the target's own directory, written,
 * fsynced, renamed over the target, then the directory fsynced. A reader sees the old or the new file,
 * never a half-written one, and a power loss keeps one of them.
 */
public final class AtomicFiles {
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    /** The temp files' names: "." + target name + TEMP_MARKER + random hex + ".tmp". */
    public static final String TEMP_MARKER = ".port853-";
    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    private AtomicFiles() {
    }

    public static void write(Path target, String content, Set<PosixFilePermission> mode) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        refuseSymlink(target);
        replace(target, content, mode);
    }

    /**
     * Writes over whatever is at {@code target}, a symlink included: rename(2) replaces the link itself without
     * following it, so there is no moment without a file (used to put a snapshot back).
     */
    public static void replace(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        replace(target, content, mode, temp -> { });
    }

    /** Something done to the finished temp file before it is renamed into place (e.g. setting its owner). */
    @FunctionalInterface
    public interface TempStep {
        void accept(Path temp) throws IOException;
    }

    /**
     * Like {@link #replace(Path, byte[], Set)}, running {@code beforeRename} on the complete temp file first, so
     * metadata such as the owner is in place at the moment the new file appears.
     */
    public static void replace(Path target, byte[] content, Set<PosixFilePermission> mode, TempStep beforeRename)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(tempName(target) + Long.toHexString(
                ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel ch = POSIX ? FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(mode))
                    : FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (POSIX) {
                Files.setPosixFilePermissions(temp, mode);
            }
            beforeRename.accept(temp);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /** Points {@code link} at {@code target}, replacing what is there atomically. */
    public static void symlink(Path link, String target) throws IOException {
        Path dir = link.toAbsolutePath().getParent();
        Path temp = dir.resolve(tempName(link) + Long.toHexString(
                ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createSymbolicLink(temp, Path.of(target));
            move(temp, link);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    public static void delete(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return; // also when a parent is missing or not a directory: the file is absent either way
        }
        if (Files.deleteIfExists(target)) {
            syncDirectory(target.toAbsolutePath().getParent());
        }
    }

    private static String tempName(Path target) {
        return "." + target.getFileName() + TEMP_MARKER;
    }

    public static void ensureDirectory(Path dir, Set<PosixFilePermission> mode) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link; refusing to use it");
        }
        if (!Files.isDirectory(dir)) {
            try {
                if (POSIX) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(mode));
                } else {
                    Files.createDirectories(dir);
                }
            } catch (FileAlreadyExistsException e) {
                throw new IOException(dir + " exists and is not a directory", e);
            }
            if (POSIX) {
                Files.setPosixFilePermissions(dir, mode);
            }
        }
    }

    private static void refuseSymlink(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a symbolic link; refusing to write through it");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + to + " atomically", e);
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        if (!POSIX) {
            return; // directories cannot be opened for fsync on Windows; NTFS journals the rename itself
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
