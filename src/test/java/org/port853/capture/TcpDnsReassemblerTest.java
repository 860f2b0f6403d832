package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.bytes;
import static org.port853.capture.Frames.cat;
import static org.port853.capture.Frames.ipv4;
import static org.port853.capture.Frames.ipv6;
import static org.port853.capture.Frames.tcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TcpDnsReassemblerTest {
    private final TcpDnsReassembler reassembler = new TcpDnsReassembler();
    private final FrameParser parser = new FrameParser();
    private final ParsedFrame frame = new ParsedFrame();
    private final List<String> messages = new ArrayList<>();

    private static byte[] framed(int... body) {
        return cat(bytes(body.length >> 8, body.length), bytes(body));
    }

    private void v4(int srcPort, long seq, byte[] payload) {
        feed(ipv4("198.18.0.7", "198.18.0.2", 6, tcp(srcPort, 53, seq, 0x18, payload)));
    }

    private void feed(byte[] ip) {
        parser.parse(LinkTypes.RAW, ip, 0, ip.length, frame);
        reassembler.segment(frame, 1_000_000_000L, (b, off, len) ->
                messages.add(Arrays.toString(Arrays.copyOfRange(b, off, off + len))));
    }

    @Test
    @DisplayName("whole messages in one segment, a message cut across segments and the message after it")
    void messagesAcrossSegments() {
        byte[] one = framed(1, 2, 3);
        byte[] two = framed(4, 5);
        byte[] three = framed(6, 7, 8, 9);
        byte[] first = cat(one, two, Arrays.copyOf(three, 3)); // two whole messages and the start of a third
        v4(40000, 1, first);
        assertEquals(List.of("[1, 2, 3]", "[4, 5]"), messages);
        byte[] rest = Arrays.copyOfRange(three, 3, three.length);
        v4(40000, 1 + first.length, cat(rest, framed(10)));
        assertEquals(List.of("[1, 2, 3]", "[4, 5]", "[6, 7, 8, 9]", "[10]"), messages);
        assertTrue(reassembler.bufferedBytes() <= 512, "one small buffer at most once the messages are complete");
    }

    @Test
    @DisplayName("a capture that joins a connection in the middle of a message still reads the whole DNS messages "
            + "after it, instead of taking the middle's bytes for a length that swallows them")
    void joinedMidMessage() {
        byte[] first = cat(bytes(0, Frames.dnsQuery("first.example", 1).length), Frames.dnsQuery("first.example", 1));
        byte[] tail = Arrays.copyOfRange(first, 12, first.length); // ARCOUNT 0 (read as an empty message), then a label
        long seq = 5000;
        v4(40010, seq, tail);
        seq += tail.length;
        List<String> expected = new ArrayList<>();
        for (String name : List.of("second.example", "third.example")) {
            byte[] q = Frames.dnsQuery(name, 1);
            byte[] segment = cat(bytes(q.length >> 8, q.length), q);
            v4(40010, seq, segment);
            seq += segment.length;
            expected.add(Arrays.toString(q));
        }
        assertEquals(expected, messages);
    }

    private void flush() {
        reassembler.flush((b, off, len) -> messages.add(Arrays.toString(Arrays.copyOfRange(b, off, off + len))));
    }

    @Test
    @DisplayName("a retransmitted segment is not read twice; after a gap that never fills, the capture's end reads on "
            + "at the next segment")
    void retransmissionAndGap() {
        byte[] one = framed(1, 2);
        v4(40001, 100, one);
        v4(40001, 100, one);
        assertEquals(1, messages.size());
        v4(40001, 5000, framed(3)); // bytes 104..4999 never seen
        assertEquals(List.of("[1, 2]"), messages, "held: the missing bytes may still come");
        flush();
        assertEquals(List.of("[1, 2]", "[3]"), messages);
        assertEquals(0, reassembler.bufferedBytes());
    }

    @Test
    @DisplayName("segments out of order: a message split over three with its middle one late, then a segment of two "
            + "more messages, are all read, in order")
    void reorderedSegments() {
        byte[] split = framed(1, 2, 3, 4, 5, 6, 7, 8);
        byte[] a = Arrays.copyOfRange(split, 0, 4);
        byte[] b = Arrays.copyOfRange(split, 4, 7);
        byte[] c = Arrays.copyOfRange(split, 7, split.length);
        byte[] d = cat(framed(9), framed(10, 11));
        v4(40004, 1, a);
        v4(40004, 1 + a.length + b.length, c);
        v4(40004, 1 + split.length, d);
        assertEquals(List.of(), messages);
        v4(40004, 1 + a.length, b); // the late one
        assertEquals(List.of("[1, 2, 3, 4, 5, 6, 7, 8]", "[9]", "[10, 11]"), messages);
        assertEquals(512, reassembler.bufferedBytes(), "nothing held but the flow's one small buffer");
    }

    @Test
    @DisplayName("a segment that never comes: after more than MAX_AHEAD segments the stream reads on at the earliest "
            + "held one, and a connection's end reads what it held")
    void lostSegmentGivesUpAfterALimit() {
        v4(40005, 1, Arrays.copyOf(framed(1, 2, 3, 4), 3)); // a message whose rest is lost
        long seq = 1000;
        for (int i = 0; i < TcpDnsReassembler.MAX_AHEAD; i++) {
            byte[] m = framed(20 + i);
            v4(40005, seq, m);
            seq += m.length;
        }
        assertEquals(List.of(), messages);
        v4(40005, seq, framed(99));
        assertEquals(TcpDnsReassembler.MAX_AHEAD + 1, messages.size(), messages.toString());
        assertEquals("[20]", messages.get(0));
        assertEquals("[99]", messages.get(TcpDnsReassembler.MAX_AHEAD));

        messages.clear();
        v4(40006, 1, framed(1));
        v4(40006, 500, framed(2)); // after a gap, held
        feed(ipv4("198.18.0.7", "198.18.0.2", 6, tcp(40006, 53, 503, 0x11, new byte[0]))); // FIN
        assertEquals(List.of("[1]", "[2]"), messages);
    }

    @Test
    @DisplayName("flows are told apart by addresses, ports and IP version, not mixed")
    void flowsKeptApart() {
        byte[] msg = framed(1, 2, 3, 4);
        byte[] head = Arrays.copyOf(msg, 3);
        byte[] tail = Arrays.copyOfRange(msg, 3, msg.length);
        v4(40002, 1, head);
        feed(ipv6("::ffff:ffff:ffff", "::ffff:ffff:ffff", 6, tcp(40002, 53, 1 + head.length, 0x18, tail)));
        v4(40003, 1 + head.length, tail);
        assertEquals(List.of(), messages, "a tail from another flow completes nothing");
        v4(40002, 1 + head.length, tail);
        assertEquals(List.of("[1, 2, 3, 4]"), messages);
    }
}
