package org.port853.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a system or settings file that someone may have replaced by anything: a named pipe in its place would make
 * the read wait for a writer for good (a status that never answers), so only a regular file is read (links
 * followed). It is looked at before it is opened and again once open ({@link OpenedFile}), so a pipe put there in
 * between is refused too.
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /** A regular file's bytes as read through one open, and which file that was ({@code fileKey}, as lstat gives it). */
    public record Contents(byte[] bytes, Object fileKey) {
    }

    /** @throws IOException also when the file is there but no regular file (a pipe, a device, a directory) */
    public static byte[] read(Path file) throws IOException {
        return readAtMost(file, Integer.MAX_VALUE).bytes();
    }

    /** As {@link #read}, decoded as UTF-8 ({@link java.nio.charset.MalformedInputException} where it is not). */
    public static String readString(Path file) throws IOException {
        return utf8(read(file));
    }

    /** {@code bytes} as UTF-8 text, refused where they are not (as {@link #readString} refuses such a file). */
    public static String utf8(byte[] bytes) throws java.nio.charset.CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * As {@link #read}, refusing a file of more than {@code maxBytes}; a missing file raises the NoSuchFileException
     * callers already tell apart, one that is no regular file a {@link NotRegularFileException} naming its type.
     */
    public static Contents readAtMost(Path file, int maxBytes) throws IOException {
        requireRegular(file, FileType.of(file));
        try (OpenedFile opened = OpenedFile.open(file)) {
            requireRegular(file, opened.type());
            try (InputStream in = opened.newInputStream()) {
                byte[] bytes = in.readNBytes(maxBytes);
                if (in.read() != -1) {
                    throw new IOException(file + " is larger than " + maxBytes + " bytes");
                }
                return new Contents(bytes, opened.fileKey());
            }
        }
    }

    private static void requireRegular(Path file, FileType type) throws NotRegularFileException {
        if (type != FileType.REGULAR) {
            throw new NotRegularFileException(file, type);
        }
    }
}
