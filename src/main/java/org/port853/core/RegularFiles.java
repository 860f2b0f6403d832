package org.port853.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a system or settings file that someone may have replaced by anything: a named pipe in its place would make
 * the read wait for a writer for good (a status that never answers), so only a regular file is read (links
 * followed).
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /** @throws IOException also when the file is there but no regular file (a pipe, a device, a directory) */
    public static byte[] read(Path file) throws IOException {
        requireRegular(file);
        return Files.readAllBytes(file);
    }

    /** As {@link #read}, decoded as UTF-8 ({@link java.nio.charset.MalformedInputException} where it is not). */
    public static String readString(Path file) throws IOException {
        requireRegular(file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** A missing file is left to the read, whose NoSuchFileException callers already tell apart. */
    private static void requireRegular(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file");
        }
    }
}
