package org.port853.helper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** The exact state of one file Port853 may change: absent, a regular file with its bytes, or a symlink. */
public record FileSnapshot(String path, Kind kind, String content, String target) {
    public enum Kind { ABSENT, FILE, SYMLINK }

    /** Files larger than this are not ours to snapshot; refusing is safer than truncating. */
    static final long MAX_BYTES = 256 * 1024;

    public static FileSnapshot absent(Path p) {
        return new FileSnapshot(p.toString(), Kind.ABSENT, null, null);
    }

    public static FileSnapshot file(Path p, String content) {
        return new FileSnapshot(p.toString(), Kind.FILE, content, null);
    }

    public static FileSnapshot symlink(Path p, String target) {
        return new FileSnapshot(p.toString(), Kind.SYMLINK, null, target);
    }

    public static FileSnapshot read(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return symlink(p, Files.readSymbolicLink(p).toString());
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return absent(p);
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(p + " is not a regular file");
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new IOException(p + " is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        return file(p, new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    }

    public Path file() {
        return Path.of(path);
    }
}
