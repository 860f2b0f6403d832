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
    @DisplayName("a retransmitted segment is not read twice, and a gap resynchronises on the next segment")
    void retransmissionAndGap() {
        byte[] one = framed(1, 2);
        v4(40001, 100, one);
        v4(40001, 100, one);
        assertEquals(1, messages.size());
        v4(40001, 5000, framed(3)); // bytes 104..4999 never seen
        assertEquals(List.of("[1, 2]", "[3]"), messages);
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
