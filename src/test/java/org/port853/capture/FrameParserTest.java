package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.port853.capture.Frames.*;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.port853.capture.ParsedFrame.Outcome;

class FrameParserTest {
    private final FrameParser parser = new FrameParser();
    private final ParsedFrame f = new ParsedFrame();
    private static final byte[] QUERY = dnsQuery("example.com", 1);
    private static final byte[] UDP_Q = udp(40000, 53, QUERY);
    private static final byte[] V4 = ipv4("198.18.0.1", "198.18.0.2", 17, UDP_Q);

    private ParsedFrame parse(int linkType, byte[] frame) {
        parser.parse(linkType, frame, 0, frame.length, f);
        return f;
    }

    private void assertQuery(ParsedFrame p, int version) {
        assertEquals(Outcome.PORTS, p.outcome(), p.toString());
        assertEquals(version, p.ipVersion());
        assertEquals(40000, p.srcPort());
        assertEquals(53, p.dstPort());
        assertEquals(ParsedFrame.UDP, p.protocol());
        assertEquals(QUERY.length, p.payloadLength());
        assertEquals("example.com", DnsExtractor.parse(p.buf(), p.payloadOffset(), p.payloadLength()).name());
    }

    @Nested
    @DisplayName("link layers")
    class Links {
        @Test
        void ethernet() {
            assertQuery(parse(LinkTypes.ETHERNET, ether(0x0800, V4)), 4);
            assertEquals(-1, f.ifIndex());
        }

        @Test
        void vlanAndQinQ() {
            assertQuery(parse(LinkTypes.ETHERNET, etherVlan(new int[] {0x8100}, 0x0800, V4)), 4);
            assertQuery(parse(LinkTypes.ETHERNET, etherVlan(new int[] {0x88a8, 0x8100}, 0x0800, V4)), 4);
        }

        @Test
        void tooManyVlanTagsIsMalformed() {
            int[] tags = new int[9];
            Arrays.fill(tags, 0x8100);
            assertEquals(FrameError.TOO_MANY_VLAN_TAGS, parse(LinkTypes.ETHERNET, etherVlan(tags, 0x0800, V4)).error());
        }

        @Test
        void sllAndSll2KeepsIndex() {
            assertQuery(parse(LinkTypes.LINUX_SLL, sll(0x0800, V4)), 4);
            assertQuery(parse(LinkTypes.LINUX_SLL2, sll2(0x0800, 7, V4)), 4);
            assertEquals(7, f.ifIndex());
        }

        @Test
        void nullLoopbackBothByteOrdersAndRawIp() {
            assertQuery(parse(LinkTypes.NULL, nullLoopbackLe(2, V4)), 4);
            assertQuery(parse(LinkTypes.NULL, cat(bytes(0, 0, 0, 2), V4)), 4);
            assertQuery(parse(LinkTypes.LOOP, cat(bytes(0, 0, 0, 2), V4)), 4);
            assertQuery(parse(LinkTypes.RAW, V4), 4);
            assertQuery(parse(LinkTypes.IPV4, V4), 4);
        }

        @Test
        void nonIpIsNotCountedAndNotAnError() {
            assertEquals(Outcome.NOT_IP, parse(LinkTypes.ETHERNET, ether(0x0806, new byte[28])).outcome());
        }

        @Test
        void unsupportedLinkType() {
            assertEquals(FrameError.UNSUPPORTED_LINK_TYPE, parse(147, V4).error());
        }
    }

    @Nested
    class Ipv4 {
        @Test
        void optionsAreSkipped() {
            byte[] opts = bytes(0x94, 0x04, 0, 0, 1, 1, 1, 0); // router alert + NOPs + EOL
            assertQuery(parse(LinkTypes.RAW, ipv4("198.18.0.1", "198.18.0.2", 17, UDP_Q, opts, 0)), 4);
        }

        @Test
        void firstFragmentHasPortsNonFirstHasNone() {
            byte[] first = ipv4("198.18.0.1", "198.18.0.2", 17, Arrays.copyOf(UDP_Q, 16), new byte[0], 0x2000);
            ParsedFrame p = parse(LinkTypes.RAW, first);
            assertEquals(Outcome.PORTS, p.outcome());
            assertTrue(p.firstFragment());
            assertTrue(p.payloadTruncated());
            byte[] later = ipv4("198.18.0.1", "198.18.0.2", 17, new byte[8], new byte[0], 0x0002);
            assertEquals(Outcome.NON_FIRST_FRAGMENT, parse(LinkTypes.RAW, later).outcome());
        }

        @Test
        void authenticationHeaderIsSkipped() {
            byte[] ah = bytes(17, 4, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12); // 24 bytes
            assertQuery(parse(LinkTypes.ETHERNET, ether(0x0800, ipv4("198.18.0.1", "198.18.0.2", 51, cat(ah, UDP_Q)))),
                    4);
            byte[] beyond = bytes(17, 40, 0, 0, 0, 0, 0, 1); // claims 168 bytes
            assertEquals(FrameError.BAD_EXTENSION_HEADER,
                    parse(LinkTypes.RAW, ipv4("198.18.0.1", "198.18.0.2", 51, cat(beyond, UDP_Q))).error());
        }

        @Test
        void ethernetPaddingIsIgnored() {
            byte[] small = ipv4("198.18.0.1", "198.18.0.2", 17, udp(1000, 53, new byte[4]));
            ParsedFrame p = parse(LinkTypes.ETHERNET, ether(0x0800, cat(small, new byte[14])));
            assertEquals(4, p.payloadLength());
            assertFalse(p.payloadTruncated());
        }

        @Test
        void badHeaders() {
            byte[] v = V4.clone();
            v[0] = 0x44; // IHL 16 bytes
            assertEquals(FrameError.BAD_IP_HEADER_LENGTH, parse(LinkTypes.RAW, v).error());
            v = V4.clone();
            v[0] = 0x4f; // IHL 60 bytes but the frame is shorter than 60 bytes of header
            assertEquals(FrameError.TRUNCATED_IP_HEADER, parse(LinkTypes.RAW, Arrays.copyOf(v, 40)).error());
            v = V4.clone();
            v[2] = 0;
            v[3] = 10; // total length below the header
            assertEquals(FrameError.BAD_IP_TOTAL_LENGTH, parse(LinkTypes.RAW, v).error());
            v = ether(0x0800, V4);
            v[14] = 0x55;
            assertEquals(FrameError.BAD_IP_VERSION, parse(LinkTypes.ETHERNET, v).error());
        }

        @Test
        void truncatedFrameThatShowsPortsIsCounted() {
            byte[] full = ether(0x0800, V4);
            ParsedFrame p = parse(LinkTypes.ETHERNET, Arrays.copyOf(full, 14 + 20 + 4));
            assertEquals(Outcome.PORTS, p.outcome());
            assertEquals(53, p.dstPort());
            assertTrue(p.payloadTruncated());
            assertEquals(FrameError.TRUNCATED_TRANSPORT_HEADER,
                    parse(LinkTypes.ETHERNET, Arrays.copyOf(full, 14 + 20 + 3)).error());
            assertEquals(FrameError.TRUNCATED_IP_HEADER, parse(LinkTypes.ETHERNET, Arrays.copyOf(full, 30)).error());
            assertEquals(FrameError.TRUNCATED_LINK_HEADER, parse(LinkTypes.ETHERNET, Arrays.copyOf(full, 13)).error());
        }
    }

    @Nested
    class Ipv6 {
        @Test
        void plain() {
            assertQuery(parse(LinkTypes.RAW, ipv6("fd00::1", "fd00::2", 17, UDP_Q)), 6);
        }

        @Test
        void hopByHopRoutingDestinationAndAuthentication() {
            byte[] hop = bytes(43, 0, 5, 2, 0, 0, 1, 0);                 // -> routing, router alert + PadN
            byte[] routing = bytes(60, 0, 0, 0, 0, 0, 0, 0);             // type 0, 0 segments left -> dest opts
            byte[] dest = bytes(51, 1, 1, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0); // 16 bytes -> AH
            byte[] ah = bytes(17, 4, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12); // 24
            assertQuery(parse(LinkTypes.RAW, ipv6("fd00::1", "fd00::2", 0, cat(hop, routing, dest, ah, UDP_Q))), 6);
        }

        @Test
        void fragments() {
            byte[] firstFrag = bytes(17, 0, 0x00, 0x01, 0, 0, 0, 9); // offset 0, M=1
            ParsedFrame p = parse(LinkTypes.RAW, ipv6("fd00::1", "fd00::2", 44, cat(firstFrag, Arrays.copyOf(UDP_Q, 24))));
            assertEquals(Outcome.PORTS, p.outcome());
            assertTrue(p.firstFragment());
            byte[] later = bytes(17, 0, 0x00, 0xb8, 0, 0, 0, 9);    // offset 23*8
            assertEquals(Outcome.NON_FIRST_FRAGMENT,
                    parse(LinkTypes.RAW, ipv6("fd00::1", "fd00::2", 44, cat(later, new byte[16]))).outcome());
        }

        @Test
        void extensionHeaderBeyondTheFrame() {
            byte[] hop = bytes(17, 30, 0, 0, 0, 0, 0, 0); // claims 248 bytes
            assertEquals(FrameError.BAD_EXTENSION_HEADER,
                    parse(LinkTypes.RAW, ipv6("fd00::1", "fd00::2", 0, cat(hop, UDP_Q))).error());
        }

        @Test
        void endlessChainIsBounded() {
            byte[] chain = new byte[8 * 40];
            for (int i = 0; i < 40; i++) {
                chain[i * 8] = 60;
            }
            assertEquals(FrameError.BAD_EXTENSION_HEADER,
                    parse(LinkTypes.RAW, ipv6("fd00::1", "fd00::2", 60, chain)).error());
        }

        @Test
        void noNextHeaderAndIcmpAreOtherTransport() {
            assertEquals(Outcome.OTHER_TRANSPORT, parse(LinkTypes.RAW, ipv6("fd00::1", "fd00::2", 59, new byte[0])).outcome());
            assertEquals(Outcome.OTHER_TRANSPORT, parse(LinkTypes.RAW, ipv6("fd00::1", "fd00::2", 58, new byte[8])).outcome());
        }
    }

    @Test
    void tcpHeaderAndPayload() {
        byte[] seg = tcp(53, 41000, 1000, 0x18, bytes(0, 2, 9, 9));
        ParsedFrame p = parse(LinkTypes.RAW, ipv4("198.18.0.2", "198.18.0.1", 6, seg));
        assertEquals(Outcome.PORTS, p.outcome());
        assertEquals(ParsedFrame.TCP, p.protocol());
        assertTrue(p.tcpHeaderComplete());
        assertEquals(1000, p.tcpSeq());
        assertEquals(4, p.payloadLength());
        byte[] badOffset = seg.clone();
        badOffset[12] = 0x20; // 8-byte header: impossible, ports still count
        p = parse(LinkTypes.RAW, ipv4("198.18.0.2", "198.18.0.1", 6, badOffset));
        assertEquals(Outcome.PORTS, p.outcome());
        assertFalse(p.tcpHeaderComplete());
    }

    @Test
    void offsetsOutsideTheArrayAreMalformedNotExceptions() {
        parser.parse(LinkTypes.RAW, V4, 10, V4.length, f);
        assertEquals(Outcome.MALFORMED, f.outcome());
        parser.parse(LinkTypes.RAW, V4, -1, 4, f);
        assertEquals(Outcome.MALFORMED, f.outcome());
    }

    @Test
    void everyPrefixOfEveryFrameParsesWithoutException() {
        byte[][] frames = {ether(0x0800, V4), etherVlan(new int[] {0x8100, 0x8100}, 0x86dd,
            ipv6("fd00::1", "fd00::2", 0, cat(bytes(17, 0, 1, 4, 0, 0, 0, 0), UDP_Q))), sll2(0x0800, 1, V4)};
        int[] types = {LinkTypes.ETHERNET, LinkTypes.ETHERNET, LinkTypes.LINUX_SLL2};
        for (int k = 0; k < frames.length; k++) {
            for (int n = 0; n <= frames[k].length; n++) {
                parser.parse(types[k], frames[k], 0, n, f);
            }
        }
    }
}
