package org.port853.helper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import org.port853.platform.Utf8;

/**
 * The exact state of one file Port853 may change: absent, a regular file with its bytes, or a symlink.
 * Text files keep their content readable in the journal; anything that is not valid UTF-8 is kept as
 * {@code base64} so that a restore is byte for byte.
 */
public record FileSnapshot(String path, Kind kind, String content, String target, String base64) {
    public enum Kind { ABSENT, FILE, SYMLINK }

    /** Files larger than this are not ours to snapshot; refusing is safer than truncating. */
    static final long MAX_BYTES = 256 * 1024;

    public FileSnapshot(String path, Kind kind, String content, String target) {
        this(path, kind, content, target, null);
    }

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
        byte[] bytes = Files.readAllBytes(p);
        return Utf8.decode(bytes).map(text -> file(p, text)).orElseGet(() -> new FileSnapshot(p.toString(),
                Kind.FILE, null, null, Base64.getEncoder().encodeToString(bytes)));
    }

    /** The file's bytes (FILE only). */
    public byte[] bytes() {
        return base64 != null ? Base64.getDecoder().decode(base64) : content.getBytes(StandardCharsets.UTF_8);
    }

    public Path file() {
        return Path.of(path);
    }
}
