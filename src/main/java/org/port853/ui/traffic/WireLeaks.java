package org.port853.ui.traffic;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;

/**
 * What the capture measured, read as leaks the way the window counts them: a query for a name of the local network
 * asked on the local network ({@link LeakRecord#localNetworkName()}) is plaintext by design and not a leak. Leaked
 * packets that no query record explains (the capture could not keep up, a TCP message that could not be put back
 * together, an answer whose query came before the capture) still are: a leak is never missed for want of a name. But
 * they are told apart ({@link Seen#unread()}): another protocol run on port 53 (a VPN on DNS's port) is such packets
 * too, and no DNS query may be claimed where none was read.
 */
final class WireLeaks {
    /** How far from its query a packet of the same exchange may fall (answers, retries, TCP segments). */
    private static final long EXCHANGE_SECONDS = 2;
    /** The newest leak that matters lies in this many of the newest seconds, or the evidence has expired anyway. */
    private static final int SCAN_SECONDS = 61;

    private WireLeaks() {
    }

    /**
     * The newest moment plaintext on port 53 that matters left this computer (a leaked query, or packets in which the
     * capture read none), or null when none did in the snapshot.
     */
    static Instant newest(MeterSnapshot snap, List<LeakRecord> recent) {
        return newest(snap, recent, r -> true);
    }

    /**
     * As {@link #newest(MeterSnapshot, List)}, counting only the records {@code counted} accepts; packets of the others'
     * exchanges are theirs, not leaks that no record explains.
     */
    static Instant newest(MeterSnapshot snap, List<LeakRecord> recent, Predicate<LeakRecord> counted) {
        Seen s = seen(snap, recent, counted);
        return s.query() == null || s.unread() != null && s.unread().isAfter(s.query()) ? s.unread() : s.query();
    }

    /**
     * The newest leaks that matter, each null when none: {@code query}, a leaked query the capture read (a record, or
     * one it counted while its queue was full); {@code unread}, packets on port 53 in which it read no query, neither
     * near a record nor near a counted query: another protocol run on port 53 (a VPN), or queries it could not read.
     */
    record Seen(Instant query, Instant unread) {
    }

    /** As {@link #newest(MeterSnapshot, List, Predicate)}, telling a query read from packets without one. */
    static Seen seen(MeterSnapshot snap, List<LeakRecord> recent, Predicate<LeakRecord> counted) {
        LeakRecord newestNamed = newestNamed(recent, counted);
        Instant query = newestNamed == null ? null : newestNamed.time();
        Instant unread = null;
        long[] packets = snap.leakPackets();
        long[] markers = snap.leakMarkers();
        long first = snap.endEpochSecond() - packets.length + 1;
        Set<Long> recorded = recordedSince(recent, snap.endEpochSecond() - SCAN_SECONDS - EXCHANGE_SECONDS);
        boolean queryFound = false;
        for (int i = packets.length - 1; i >= Math.max(0, packets.length - SCAN_SECONDS); i--) {
            long second = first + i;
            if (near(recorded, second)) {
                continue;
            }
            if (!queryFound && markers[i] > 0) { // counted, but no record names it (the leak queue was full)
                queryFound = true;
                Instant at = Instant.ofEpochSecond(second);
                query = query == null || at.isAfter(query) ? at : query;
            }
            if (unread == null && packets[i] > 0 && !markerNear(markers, i)) {
                unread = Instant.ofEpochSecond(second);
            }
        }
        return new Seen(query, unread);
    }

    /**
     * How many leaked packets of the snapshot carried no query the capture read ({@link Seen#unread()}): the graph and
     * the list count queries, so only the totals can say them.
     */
    static long unreadPackets(MeterSnapshot snap, List<LeakRecord> recent) {
        long[] packets = snap.leakPackets();
        long first = snap.endEpochSecond() - packets.length + 1;
        Set<Long> recorded = recordedSince(recent, first - EXCHANGE_SECONDS);
        long n = 0;
        for (int i = 0; i < packets.length; i++) {
            if (packets[i] > 0 && !near(recorded, first + i) && !markerNear(snap.leakMarkers(), i)) {
                n += packets[i];
            }
        }
        return n;
    }

    private static boolean markerNear(long[] markers, int i) {
        for (int k = Math.max(0, i - (int) EXCHANGE_SECONDS); k <= Math.min(markers.length - 1, i + EXCHANGE_SECONDS);
             k++) {
            if (markers[k] > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The newest record that {@code wanted} accepts (not a name of the local network) and that still counts at the
     * snapshot's end ({@link org.port853.ui.LeakEvidence#WINDOW}), or null.
     */
    static LeakRecord newestRecent(MeterSnapshot snap, List<LeakRecord> recent, Predicate<LeakRecord> wanted) {
        LeakRecord r = newestNamed(recent, wanted);
        // within the evidence's window of the snapshot's end: an older one would count for a moment, then expire
        return r != null && !r.time().plus(org.port853.ui.LeakEvidence.WINDOW)
                .isBefore(java.time.Instant.ofEpochSecond(snap.endEpochSecond())) ? r : null;
    }

    /**
     * The snapshot with the local network's own names taken out of its leaked-query counts (the graph's leak marks,
     * its tooltips and the totals); the packet series stay as measured. The same snapshot when there are none.
     */
    static MeterSnapshot withoutLocalNames(MeterSnapshot snap, List<LeakRecord> recent) {
        long[] markers = null;
        long first = snap.endEpochSecond() - snap.leakMarkers().length + 1;
        for (int k = recent.size() - 1; k >= 0; k--) { // newest last: stop at the first record before the snapshot
            LeakRecord r = recent.get(k);
            if (r.time() != null && r.time().getEpochSecond() < first) {
                break;
            }
            if (r.time() == null || !r.localNetworkName()) {
                continue;
            }
            long i = r.time().getEpochSecond() - first;
            if (i < snap.leakMarkers().length) {
                if (markers == null) {
                    markers = snap.leakMarkers().clone();
                }
                markers[(int) i] = Math.max(0, markers[(int) i] - 1);
            }
        }
        return markers == null ? snap : new MeterSnapshot(snap.endEpochSecond(), snap.seconds(),
                snap.encryptedPackets(), snap.localPlaintextPackets(), snap.leakPackets(), markers, snap.totals(),
                snap.pcapDrops(), snap.ifDrops(), snap.interfaces(), snap.plaintext853Packets(), snap.queries());
    }

    /**
     * The snapshot without what it counted for the seconds before {@code start} (monitoring started or was cleared
     * then; frames still in the capture's queue at a Clear are counted after it, for their own seconds): the graph
     * shows no data there, so neither its scale nor the totals line may count them. The same snapshot when none.
     */
    static MeterSnapshot since(MeterSnapshot snap, Instant start) {
        long first = snap.endEpochSecond() - snap.seconds() + 1;
        int before = start == null ? 0 : (int) Math.max(0, Math.min(snap.seconds(), start.getEpochSecond() - first));
        if (before == 0) {
            return snap;
        }
        return new MeterSnapshot(snap.endEpochSecond(), snap.seconds(), zeroed(snap.encryptedPackets(), before),
                zeroed(snap.localPlaintextPackets(), before), zeroed(snap.leakPackets(), before),
                zeroed(snap.leakMarkers(), before), snap.totals(), snap.pcapDrops(), snap.ifDrops(), snap.interfaces(),
                zeroed(snap.plaintext853Packets(), before), new MeterSnapshot.Queries(
                zeroed(snap.queries().encrypted(), before), zeroed(snap.queries().local(), before)));
    }

    private static long[] zeroed(long[] series, int before) {
        long[] out = series.clone();
        java.util.Arrays.fill(out, 0, Math.min(before, out.length), 0);
        return out;
    }

    /** The newest leak worth telling the user about (its name and server), or null. */
    static LeakRecord newestNamed(List<LeakRecord> recent) {
        return newestNamed(recent, r -> true);
    }

    private static LeakRecord newestNamed(List<LeakRecord> recent, Predicate<LeakRecord> wanted) {
        for (int i = recent.size() - 1; i >= 0; i--) {
            LeakRecord r = recent.get(i);
            if (r.time() != null && !r.localNetworkName() && wanted.test(r)) {
                return r;
            }
        }
        return null;
    }

    /** The seconds of the records from {@code since} on (the list is newest last). */
    private static Set<Long> recordedSince(List<LeakRecord> recent, long since) {
        Set<Long> seconds = new HashSet<>();
        for (int k = recent.size() - 1; k >= 0; k--) {
            Instant t = recent.get(k).time();
            if (t != null && t.getEpochSecond() < since) {
                break;
            }
            if (t != null) {
                seconds.add(t.getEpochSecond());
            }
        }
        return seconds;
    }

    private static boolean near(Set<Long> recorded, long second) {
        for (long s = second - EXCHANGE_SECONDS; s <= second + EXCHANGE_SECONDS; s++) {
            if (recorded.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
