package org.port853.core;

import java.io.IOException;
import java.nio.file.Path;

/** A file that was to be read is there, but no regular file: {@link #type()} says what it is. */
public final class NotRegularFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient FileType type;

    NotRegularFileException(Path file, FileType type) {
        super(file + " is not a regular file");
        this.type = type;
    }

    public FileType type() {
        return type;
    }
}
