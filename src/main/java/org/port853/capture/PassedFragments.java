package org.port853.capture;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which later fragments the capture service passes on: those of a datagram whose first fragment it passed (ports 53
 * or 853, or a tunnel packet with DNS inside), so that the client can reassemble it ({@link IpFragments}). A later
 * fragment that comes before its first waits, and passes right after it, or is dropped unseen when its first does
 * not come within {@link IpFragments#WAIT_NANOS} or pass. Bounded: at most {@link #MAX_PASSED} datagrams remembered
 * and {@link #MAX_WAITING} fragments ({@link #WAITING_BYTES} bytes) waiting; the oldest go first.
 */
final class PassedFragments {
    static final int MAX_PASSED = 256;
    static final int MAX_WAITING = 64;
    static final int WAITING_BYTES = 1 << 20;

    private record Waiting(long nanos, byte[] record) {
    }

    private final Map<ByteBuffer, Long> passed = new LinkedHashMap<>();
    private final Map<ByteBuffer, List<Waiting>> waiting = new LinkedHashMap<>();
    private int waitingCount;
    private long waitingBytes;

    /** {@code key}'s first fragment passed at {@code nanos}; returns its later fragments that came before it. */
    List<byte[]> firstPassed(ByteBuffer key, long nanos) {
        expire(nanos);
        if (passed.remove(key) == null && passed.size() >= MAX_PASSED) {
            Iterator<Long> it = passed.values().iterator();
            it.next();
            it.remove();
        }
        passed.put(key, nanos); // last in order: the map stays ordered by time
        List<Waiting> early = waiting.remove(key);
        if (early == null) {
            return List.of();
        }
        List<byte[]> records = new ArrayList<>(early.size());
        for (Waiting w : early) {
            forget(w);
            records.add(w.record());
        }
        return records;
    }

    /** Whether a later fragment of {@code key} passes now; when not, {@code record} waits for its first fragment. */
    boolean later(ByteBuffer key, long nanos, byte[] record) {
        expire(nanos);
        if (passed.containsKey(key)) {
            return true;
        }
        while (waitingCount >= MAX_WAITING || waitingBytes + record.length > WAITING_BYTES && waitingCount > 0) {
            dropOldestWaiting();
        }
        waiting.computeIfAbsent(key, k -> new ArrayList<>(2)).add(new Waiting(nanos, record));
        waitingCount++;
        waitingBytes += record.length;
        return false;
    }

    int waitingFragments() {
        return waitingCount;
    }

    private void expire(long nanos) {
        Iterator<Long> p = passed.values().iterator();
        while (p.hasNext() && nanos - p.next() >= IpFragments.WAIT_NANOS) {
            p.remove();
        }
        while (!waiting.isEmpty() && nanos - waiting.values().iterator().next().get(0).nanos() >= IpFragments.WAIT_NANOS) {
            dropOldestWaiting();
        }
    }

    private void dropOldestWaiting() {
        Iterator<List<Waiting>> it = waiting.values().iterator();
        for (Waiting w : it.next()) {
            forget(w);
        }
        it.remove();
    }

    private void forget(Waiting w) {
        waitingCount--;
        waitingBytes -= w.record().length;
    }
}
