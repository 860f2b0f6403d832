package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DnsExtractorTest {
    @Test
    void queryNameAndType() {
        byte[] q = dnsQuery("www.example.org", 28);
        DnsMessageInfo i = DnsExtractor.parse(q, 0, q.length);
        assertEquals("www.example.org", i.name());
        assertEquals("AAAA", i.type());
        assertEquals(0x1234, i.id());
        assertEquals("NOERROR", i.rcode());
        assertTrue(DnsExtractor.isQuery(q, 0, q.length));
    }

    @Test
    void truncatedAfterTheQuestionStillNamesIt() {
        byte[] q = cat(dnsQuery("a.test", 16), bytes(0, 0, 41, 16, 0)); // start of an OPT record, cut
        assertEquals("a.test", DnsExtractor.parse(q, 0, q.length).name());
    }

    @Test
    void truncatedInsideTheNameIsUnreadableButStillAQuery() {
        byte[] q = dnsQuery("example.com", 1);
        DnsMessageInfo cut = DnsExtractor.parse(q, 0, 16);
        assertEquals(LeakRecord.UNREADABLE, cut.name());
        assertEquals(0x1234, cut.id());
        assertEquals(false, cut.response());
        assertNull(DnsExtractor.parse(q, 0, 11), "no header: not a message");
    }

    @Test
    void loopingCompressionPointerIsRejected() {
        byte[] q = cat(bytes(0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0), bytes(0xc0, 12, 0, 1, 0, 1));
        assertEquals(LeakRecord.UNREADABLE, DnsExtractor.parse(q, 0, q.length).name());
    }

    @Test
    void noQuestionAndUnknownType() {
        byte[] h = bytes(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals("", DnsExtractor.parse(h, 0, 12).name());
        byte[] q = dnsQuery("x.test", 65534);
        assertEquals("TYPE65534", DnsExtractor.parse(q, 0, q.length).type());
    }

    @Test
    void offsetsAreRespected() {
        byte[] q = cat(new byte[7], dnsQuery("off.test", 1), new byte[3]);
        assertEquals("off.test", DnsExtractor.parse(q, 7, q.length - 10).name());
        assertNull(DnsExtractor.parse(q, 7, q.length));
        assertNull(DnsExtractor.parse(Arrays.copyOf(q, 4), 0, 4));
    }

    @Test
    void questionLengthIsTheHeaderAndFirstQuestion() {
        byte[] q = dnsQuery("a.test", 16);
        byte[] withOpt = cat(q, bytes(0, 0, 41, 16, 0, 0, 0, 0, 0, 0, 0), new byte[400]);
        assertEquals(q.length, DnsExtractor.questionLength(withOpt, 0, withOpt.length));
        assertEquals(16, DnsExtractor.questionLength(q, 0, 16), "cut inside the name: all there is");
        assertEquals(11, DnsExtractor.questionLength(q, 0, 11));
        byte[] noQuestion = bytes(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 7);
        assertEquals(12, DnsExtractor.questionLength(noQuestion, 0, noQuestion.length));
    }

    /**
     * Reading only the {@link DnsExtractor#questionLength} bytes gives what reading the whole message gives: random
     * names of labels, compression pointers back and forward, bad label types, cut and over-long names, then
     * random bytes.
     */
    @Test
    void parseReadsNothingPastTheQuestionLength() {
        java.util.Random rnd = new java.util.Random(53);
        for (int n = 0; n < 50_000; n++) {
            java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream();
            m.write(new byte[] {0x12, 0x34, 1, 0, 0, (byte) rnd.nextInt(3), 0, 0, 0, 0, 0, 0}, 0, 12);
            int labels = rnd.nextInt(n % 20 == 0 ? 140 : 6);
            for (int l = 0; l < labels; l++) {
                int kind = rnd.nextInt(30);
                if (kind == 0) {
                    m.write(0xc0);
                    m.write(rnd.nextInt(80)); // a pointer, back or forward
                    break;
                }
                int len = kind == 1 ? 64 + rnd.nextInt(192) : 1 + rnd.nextInt(n % 20 == 0 ? 3 : 63);
                m.write(len);
                for (int i = 0; i < len && i < 63; i++) {
                    m.write('a' + rnd.nextInt(26));
                }
            }
            if (rnd.nextInt(10) != 0) {
                m.write(0);
            }
            byte[] tail = new byte[rnd.nextInt(60)];
            rnd.nextBytes(tail);
            m.write(tail, 0, tail.length);
            byte[] b = m.toByteArray();
            int len = rnd.nextInt(6) == 0 ? rnd.nextInt(b.length + 1) : b.length;
            int kept = DnsExtractor.questionLength(b, 0, len);
            assertTrue(kept <= len);
            assertEquals(DnsExtractor.parse(b, 0, len), DnsExtractor.parse(b, 0, kept), Arrays.toString(b));
        }
    }

    /**
     * The names read without dnsjava give exactly dnsjava's text, type and verdict: random question names of
     * ordinary and odd bytes (escapes, dots inside labels, 63/64-byte labels, names near 255 bytes, the root, cut
     * messages), compared with dnsjava's {@code Name}/{@code Type} on the same bytes.
     */
    @Test
    void fastNameReadingMatchesDnsjavaOnRandomNames() throws Exception {
        java.util.Random rnd = new java.util.Random(853);
        byte[] alphabet = "abcXYZ019-_*/\\\".();@$ \u007f".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int fast = 0;
        for (int n = 0; n < 20_000; n++) {
            java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream();
            m.write(new byte[] {0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0}, 0, 12);
            int labels = rnd.nextInt(n % 50 == 0 ? 9 : 5);
            for (int l = 0; l < labels; l++) {
                int len = rnd.nextInt(10) == 0 ? 60 + rnd.nextInt(5) : 1 + rnd.nextInt(12);
                m.write(len);
                for (int i = 0; i < len; i++) {
                    m.write(rnd.nextInt(40) == 0 ? alphabet[rnd.nextInt(alphabet.length)] : 'a' + rnd.nextInt(26));
                }
            }
            m.write(0);
            m.write(new byte[] {0, (byte) rnd.nextInt(256), 0, 1}, 0, 4);
            byte[] q = m.toByteArray();
            int len = rnd.nextInt(8) == 0 ? 12 + rnd.nextInt(q.length - 11) : q.length;
            String name;
            String type;
            try {
                org.xbill.DNS.DNSInput in = new org.xbill.DNS.DNSInput(java.nio.ByteBuffer.wrap(q, 0, len).slice());
                in.jump(12);
                name = new org.xbill.DNS.Name(in).toString(true);
                type = org.xbill.DNS.Type.string(in.readU16());
            } catch (org.xbill.DNS.WireParseException | RuntimeException e) {
                name = LeakRecord.UNREADABLE;
                type = "";
            }
            DnsMessageInfo i = DnsExtractor.parse(q, 0, len);
            assertEquals(name, i.name(), "name of " + Arrays.toString(Arrays.copyOf(q, len)));
            assertEquals(type, i.type(), "type of " + Arrays.toString(Arrays.copyOf(q, len)));
            if (DnsExtractor.plainNameEnd(q, 12, len) > 0) {
                fast++;
            }
        }
        assertTrue(fast > 5_000 && fast < 15_000, "the fast path was taken " + fast + " of 20000 times");
    }
}
