package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Strict UTF-8: bytes that are not are reported, with where, never repaired with replacement characters. */
class Utf8BytesTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void validTextIsDecodedWhole() {
        String text = "DNS=198.18.0.9#dns.bücher.example\n# \u4f8b\u5b50 \uD83D\uDE00\n";
        assertEquals(Optional.of(text), Utf8Bytes.decode(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, Utf8Bytes.firstMalformed(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(""), Utf8Bytes.decode(new byte[0]));
    }

    @Test
    @DisplayName("a stray continuation byte, an overlong form, an encoded surrogate, a cut sequence and Latin-1 are no "
            + "text and are found where they are")
    void malformedBytesAreNoText() {
        byte[][] malformed = {bytes('a', 0x80), bytes('a', 0xC0, 0x80), bytes('a', 0xED, 0xA0, 0x80), bytes('a', 0xE2, 0x82),
                bytes('a', 0xE9, 't', 0xE9)};
        for (byte[] b : malformed) {
            assertEquals(Optional.empty(), Utf8Bytes.decode(b), Arrays.toString(b));
            assertEquals(1, Utf8Bytes.firstMalformed(b), Arrays.toString(b));
        }
    }

    @Test
    @DisplayName("text longer than one decoding buffer: a bad byte after it is found at its offset and line, and good "
            + "text is decoded whole, a character across the buffer's end included")
    void longTextIsReadPastTheBuffer() {
        String good = "x".repeat(4095) + "\u00e9" + "y\n".repeat(3000);
        assertEquals(Optional.of(good), Utf8Bytes.decode(good.getBytes(StandardCharsets.UTF_8)));
        byte[] bad = (good + "z").getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 1] = (byte) 0xFF;
        assertEquals(bad.length - 1, Utf8Bytes.firstMalformed(bad));
        assertEquals(3001, Utf8Bytes.lineOf(bad, bad.length - 1));
        assertEquals(Optional.empty(), Utf8Bytes.decode(bad));
    }

    @Test
    @DisplayName("the first malformed byte is where the JDK's strict decoder stops, over 20,000 random byte arrays "
            + "mostly made of UTF-8's lead and continuation bytes")
    void firstMalformedAgreesWithTheJdkDecoder() {
        Random random = new Random(853);
        int[] pool = {'a', '\n', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF};
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : pool[random.nextInt(pool.length)]);
            }
            assertEquals(jdkFirstMalformed(b), Utf8Bytes.firstMalformed(b), Arrays.toString(b));
        }
    }

    private static int jdkFirstMalformed(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in);
            return -1;
        } catch (CharacterCodingException e) {
            return in.position();
        }
    }
}
