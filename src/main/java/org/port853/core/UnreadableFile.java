package org.port853.core;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file could not be read, in words: not the bare path or class name an I/O exception carries. */
public final class UnreadableFile {
    private UnreadableFile() {
    }

    public static String why(Path file, Exception e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
