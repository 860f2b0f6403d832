package org.port853.capture;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One kind's datagrams in reassembly ({@link IpFragments}), oldest first, bounded by their number and the bytes they
 * hold: making room gives up the oldest, which go to the {@link GiveUp} of the call.
 */
final class FragmentTable {
    interface GiveUp {
        /** {@code d} left the table before it completed. */
        void giveUp(IpFragments.Datagram d);
    }

    private final Map<ByteBuffer, IpFragments.Datagram> pending = new LinkedHashMap<>();
    private final int maxDatagrams;
    private final int byteBudget;
    private long bytes;

    FragmentTable(int maxDatagrams, int byteBudget) {
        this.maxDatagrams = maxDatagrams;
        this.byteBudget = byteBudget;
    }

    boolean holds(ByteBuffer key) {
        return pending.containsKey(key);
    }

    /** The datagram of {@code key}, added (with the time {@code nanos}) when new. */
    IpFragments.Datagram datagram(ByteBuffer key, long nanos, GiveUp gone) {
        IpFragments.Datagram d = pending.get(key);
        if (d == null) {
            d = new IpFragments.Datagram();
            d.nanos = nanos;
            adopt(key, d, gone);
        }
        return d;
    }

    /** Takes {@code key}'s datagram out, to be held in another table. */
    IpFragments.Datagram take(ByteBuffer key) {
        IpFragments.Datagram d = pending.remove(key);
        bytes -= d.data.length;
        return d;
    }

    /** Holds {@code d} (new, or taken from another table) under {@code key}, giving up the oldest to make room. */
    void adopt(ByteBuffer key, IpFragments.Datagram d, GiveUp gone) {
        while (!pending.isEmpty() && (pending.size() >= maxDatagrams || bytes + d.data.length > byteBudget)) {
            giveUpOldest(gone);
        }
        pending.put(key, d);
        bytes += d.data.length;
        d.heldIn = this;
    }

    /**
     * Makes {@code d}'s data {@code need} bytes long, giving up older datagrams while the budget is short; false
     * (and {@code d} unchanged) when it cannot fit.
     */
    boolean grow(IpFragments.Datagram d, int need, GiveUp gone) {
        int more = need - d.data.length;
        while (bytes + more > byteBudget && pending.size() > 1 && oldest() != d) {
            giveUpOldest(gone);
        }
        if (bytes + more > byteBudget) {
            return false;
        }
        bytes += more;
        d.data = java.util.Arrays.copyOf(d.data, need);
        return true;
    }

    /** {@code d} is complete: no longer held. */
    void remove(IpFragments.Datagram d) {
        pending.values().remove(d);
        bytes -= d.data.length;
    }

    /** Gives up the datagrams that waited {@code waitNanos} or longer by {@code nanos}. */
    void expire(long nanos, long waitNanos, GiveUp gone) {
        while (!pending.isEmpty() && nanos - oldest().nanos >= waitNanos) {
            giveUpOldest(gone);
        }
    }

    long bytes() {
        return bytes;
    }

    void clear() {
        pending.clear();
        bytes = 0;
    }

    private IpFragments.Datagram oldest() {
        return pending.values().iterator().next();
    }

    private void giveUpOldest(GiveUp gone) {
        Iterator<IpFragments.Datagram> it = pending.values().iterator();
        IpFragments.Datagram old = it.next();
        it.remove();
        bytes -= old.data.length;
        gone.giveUp(old);
    }
}
