package org.port853.capture;

import java.util.Arrays;
import org.port853.core.IpAddresses;

/**
 * The text form of raw IP addresses, remembered for the last few distinct addresses (a small direct-mapped table):
 * leaked queries go to a handful of servers, and formatting an address for every one of them is most of the
 * leak stage's allocation. Not thread-safe; one per leak stage.
 */
final class AddressTexts {
    private static final int SLOTS = 64;
    private final long[] high = new long[SLOTS];
    private final long[] low = new long[SLOTS];
    private final int[] length = new int[SLOTS];
    private final String[] text = new String[SLOTS];

    String text(byte[] b, int off, int alen) {
        long h = alen == 4 ? -1 : FrameParser.u64(b, off);
        long l = alen == 4 ? FrameParser.u32(b, off) : FrameParser.u64(b, off + 8);
        int slot = Long.hashCode((h * 31 + l) * 0x9E3779B97F4A7C15L) & (SLOTS - 1);
        String t = text[slot];
        if (t != null && high[slot] == h && low[slot] == l && length[slot] == alen) {
            return t;
        }
        t = IpAddresses.format(IpAddresses.fromBytes(Arrays.copyOfRange(b, off, off + alen)));
        high[slot] = h;
        low[slot] = l;
        length[slot] = alen;
        text[slot] = t;
        return t;
    }
}
