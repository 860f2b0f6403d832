package org.port853.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8: files that are not valid text are reported (no text, or the first byte that is not UTF-8 and its
 * line), never repaired with replacement characters.
 */
public final class Utf8Bytes {
    private Utf8Bytes() {
    }

    /** The text, or empty when the bytes are not valid UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        return decode(bytes, text) < 0 ? Optional.of(text.toString()) : Optional.empty();
    }

    /** The offset of the first byte that does not start a well-formed UTF-8 sequence, or -1 when all are UTF-8. */
    public static int firstMalformed(byte[] bytes) {
        return decode(bytes, new StringBuilder());
    }

    /** Decodes into {@code text} up to the first malformed byte, whose offset it returns (-1: none). */
    private static int decode(byte[] bytes, StringBuilder text) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            text.append(out.flip());
            if (r.isError()) {
                return in.position();
            }
            if (!r.isOverflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /** The 1-based line that holds the byte at {@code offset}. */
    public static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
