package org.port853.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Hand-built frames and capture files for tests: every byte is written here, so every count is checkable. */
final class Frames {
    private Frames() {
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static byte[] ip4(String dotted) {
        String[] p = dotted.split("\\.");
        return bytes(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
    }

    static byte[] ip6(String text) {
        try {
            return java.net.InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A DNS query for {@code name} type A (or {@code type}), id 0x1234. */
    static byte[] dnsQuery(String name, int type) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(bytes(0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0));
        for (String label : name.split("\\.")) {
            o.write(label.length());
            o.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        o.write(0);
        o.writeBytes(bytes(type >> 8, type, 0, 1));
        return o.toByteArray();
    }

    static byte[] dnsResponse(String name, int type) {
        byte[] q = dnsQuery(name, type);
        q[2] = (byte) 0x81;
        q[3] = (byte) 0x80;
        return q;
    }

    static byte[] udp(int sp, int dp, byte[] payload) {
        int len = 8 + payload.length;
        return cat(bytes(sp >> 8, sp, dp >> 8, dp, len >> 8, len, 0, 0), payload);
    }

    static byte[] tcp(int sp, int dp, long seq, int flags, byte[] payload) {
        return cat(bytes(sp >> 8, sp, dp >> 8, dp, (int) (seq >> 24), (int) (seq >> 16), (int) (seq >> 8), (int) seq,
                0, 0, 0, 0, 0x50, flags, 0xff, 0xff, 0, 0, 0, 0), payload);
    }

    /** IPv4 header (no options unless given), total length from the payload. */
    static byte[] ipv4(String src, String dst, int proto, byte[] payload, byte[] options, int fragField) {
        int ihl = 20 + options.length;
        int total = ihl + payload.length;
        byte[] h = cat(bytes(0x40 | (ihl / 4), 0, total >> 8, total, 0xab, 0xcd, fragField >> 8, fragField, 64, proto, 0, 0),
                ip4(src), ip4(dst), options);
        return cat(h, payload);
    }

    static byte[] ipv4(String src, String dst, int proto, byte[] payload) {
        return ipv4(src, dst, proto, payload, new byte[0], 0x4000);
    }

    /** IPv6 header; {@code ext} are extension headers already chained, {@code firstNext} names the first. */
    static byte[] ipv6(String src, String dst, int firstNext, byte[] extAndPayload) {
        int len = extAndPayload.length;
        return cat(bytes(0x60, 0, 0, 0, len >> 8, len, firstNext, 64), ip6(src), ip6(dst), extAndPayload);
    }

    static byte[] ether(int type, byte[] payload) {
        return cat(bytes(2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, type >> 8, type), payload);
    }

    static byte[] etherVlan(int[] tpids, int type, byte[] payload) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(bytes(2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2));
        for (int tpid : tpids) {
            o.writeBytes(bytes(tpid >> 8, tpid, 0x00, 0x0a));
        }
        o.writeBytes(bytes(type >> 8, type));
        o.writeBytes(payload);
        return o.toByteArray();
    }

    static byte[] sll(int proto, byte[] payload) {
        return cat(bytes(0, 4, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0, proto >> 8, proto), payload);
    }

    static byte[] sll2(int proto, int ifIndex, byte[] payload) {
        return cat(bytes(proto >> 8, proto, 0, 0, ifIndex >> 24, ifIndex >> 16, ifIndex >> 8, ifIndex, 0, 1, 4, 6,
                2, 0, 0, 0, 0, 1, 0, 0), payload);
    }

    static byte[] nullLoopbackLe(int family, byte[] payload) {
        return cat(bytes(family, 0, 0, 0), payload);
    }

    record Rec(long nanos, int linkType, byte[] data, int origLen) {
        Rec(long nanos, int linkType, byte[] data) {
            this(nanos, linkType, data, data.length);
        }
    }

    /** A classic pcap file {@code dir/name} of raw IP frames, 1 ms apart. */
    static java.nio.file.Path rawIpPcap(java.nio.file.Path dir, String name, List<byte[]> frames)
            throws java.io.IOException {
        List<Rec> recs = new java.util.ArrayList<>();
        long t = 1_700_000_000_000_000_000L;
        for (byte[] f : frames) {
            recs.add(new Rec(t += 1_000_000, LinkTypes.RAW, f));
        }
        return java.nio.file.Files.write(dir.resolve(name), pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.RAW, recs));
    }

    /** A classic pcap file of one link type. */
    static byte[] pcap(ByteOrder order, boolean nanos, int linkType, List<Rec> recs) {
        int size = 24 + recs.stream().mapToInt(r -> 16 + r.data().length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(linkType);
        for (Rec r : recs) {
            b.putInt((int) (r.nanos() / 1_000_000_000L));
            long frac = r.nanos() % 1_000_000_000L;
            b.putInt((int) (nanos ? frac : frac / 1000));
            b.putInt(r.data().length).putInt(r.origLen()).put(r.data());
        }
        return b.array();
    }

    /** A pcapng file with one interface per distinct link type (named "ifN" unless {@code names}). */
    static byte[] pcapng(ByteOrder order, List<Integer> ifaceLinkTypes, List<String> names, List<Rec> recs) {
        ByteBuffer b = ByteBuffer.allocate(1 << 20).order(order);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1)
                .putInt(28);
        for (int i = 0; i < ifaceLinkTypes.size(); i++) {
            byte[] name = names.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int optLen = 4 + ((name.length + 3) & ~3) + 4 + 4 + 4;  // if_name, if_tsresol(9 = ns), end
            int len = 20 + optLen;
            b.putInt(1).putInt(len).putShort((short) (int) ifaceLinkTypes.get(i)).putShort((short) 0).putInt(0);
            b.putShort((short) 2).putShort((short) name.length).put(name);
            for (int p = name.length; p % 4 != 0; p++) {
                b.put((byte) 0);
            }
            b.putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]);
            b.putShort((short) 0).putShort((short) 0);
            b.putInt(len);
        }
        // an unknown block in between, which readers skip
        b.putInt(0x00000BAD).putInt(16).putInt(0xdeadbeef).putInt(16);
        for (Rec r : recs) {
            int iface = ifaceLinkTypes.indexOf(r.linkType());
            int pad = (r.data().length + 3) & ~3;
            int len = 32 + pad;
            b.putInt(6).putInt(len).putInt(iface).putInt((int) (r.nanos() >>> 32)).putInt((int) r.nanos())
                    .putInt(r.data().length).putInt(r.origLen()).put(r.data());
            for (int p = r.data().length; p < pad; p++) {
                b.put((byte) 0);
            }
            b.putInt(len);
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }
    /** A frame of {@link #pcapngInterfaces}: on interface {@code iface}, with epb_flags {@code flags} (-1: none). */
    record IfRec(long nanos, int iface, int flags, byte[] data) {
    }

    /** A pcapng file with several interfaces of one link type, named {@code names}, and flagged packet blocks. */
    static byte[] pcapngInterfaces(int linkType, List<String> names, List<IfRec> recs) {
        byte[] plain = pcapng(ByteOrder.LITTLE_ENDIAN, java.util.Collections.nCopies(1, linkType), names.subList(0, 1),
                List.of());
        ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        b.put(plain, 0, 28); // section header
        for (String n : names) {
            byte[] name = n.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int len = 20 + 4 + ((name.length + 3) & ~3) + 4;
            b.putInt(1).putInt(len).putShort((short) linkType).putShort((short) 0).putInt(0);
            b.putShort((short) 2).putShort((short) name.length).put(name);
            for (int p = name.length; p % 4 != 0; p++) {
                b.put((byte) 0);
            }
            b.putShort((short) 0).putShort((short) 0).putInt(len);
        }
        for (IfRec r : recs) {
            int pad = (r.data().length + 3) & ~3;
            int opts = r.flags() >= 0 ? 8 + 4 : 0;
            int len = 32 + pad + opts;
            long us = r.nanos() / 1000; // default resolution: microseconds
            b.putInt(6).putInt(len).putInt(r.iface()).putInt((int) (us >>> 32)).putInt((int) us)
                    .putInt(r.data().length).putInt(r.data().length).put(r.data());
            for (int p = r.data().length; p < pad; p++) {
                b.put((byte) 0);
            }
            if (r.flags() >= 0) {
                b.putShort((short) 2).putShort((short) 4).putInt(r.flags()).putShort((short) 0).putShort((short) 0);
            }
            b.putInt(len);
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }
}
