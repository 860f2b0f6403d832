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
}
