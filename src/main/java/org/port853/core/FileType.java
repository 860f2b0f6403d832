package org.port853.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What kind of file a path names, as far as a reader of it cares: a named pipe makes a read wait for a writer. */
public enum FileType {
    REGULAR, DIRECTORY, SYMBOLIC_LINK, NAMED_PIPE, SOCKET, CHARACTER_DEVICE, BLOCK_DEVICE, OTHER;

    /** The type of {@code file} (links followed unless {@code options} say not). */
    public static FileType of(Path file, LinkOption... options) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return ofMode((Integer) Files.getAttribute(file, "unix:mode", options));
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, options);
        return a.isRegularFile() ? REGULAR : a.isDirectory() ? DIRECTORY : a.isSymbolicLink() ? SYMBOLIC_LINK : OTHER;
    }

    /** The type in a POSIX {@code st_mode}. */
    static FileType ofMode(int mode) {
        return switch (mode & 0170000) {
            case 0100000 -> REGULAR;
            case 0040000 -> DIRECTORY;
            case 0120000 -> SYMBOLIC_LINK;
            case 0010000 -> NAMED_PIPE;
            case 0140000 -> SOCKET;
            case 0020000 -> CHARACTER_DEVICE;
            case 0060000 -> BLOCK_DEVICE;
            default -> OTHER;
        };
    }
}
