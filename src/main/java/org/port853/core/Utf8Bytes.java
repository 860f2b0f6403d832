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
        int i = 0;
        while (i < bytes.length) {
            int length = wellFormedLength(bytes, i);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /**
     * The length of the well-formed sequence at {@code at}, or 0 (Unicode's table 3-7: the second byte's range
     * depends on the first, which keeps out overlong forms, surrogates and code points past U+10FFFF).
     */
    private static int wellFormedLength(byte[] bytes, int at) {
        int lead = bytes[at] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (length == 0 || at + length > bytes.length) {
            return 0;
        }
        int second = bytes[at + 1] & 0xFF;
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            return 0;
        }
        for (int i = at + 2; i < at + length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
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
