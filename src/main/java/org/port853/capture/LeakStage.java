package org.port853.capture;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.xbill.DNS.Rcode;

/**
 * The leak half of the pipeline: receives every DNS message of the {@link TrafficClass#LEAK} class (queries and
 * responses, UDP datagrams and reassembled TCP messages), reads queries with dnsjava ({@link DnsExtractor}) and
 * emits one {@link LeakCandidate} per leaked query (a QR=0 message sent toward the server's port; nothing from the
 * server's port is ever a query) as soon as the query is seen ({@link LeakSink#leak}), and an update with the
 * response code when its response is seen ({@link LeakSink#update}, same {@link LeakCandidate#seq()}).
 * A query whose header is readable but whose question is not (cut, looping or over-long name) is an entry named
 * {@link LeakRecord#UNREADABLE}.
 *
 * <p>Queries wait for their response in a bounded table ({@link #MAX_PENDING}) keyed by transport, transaction id,
 * client address and port and server address; a response with the same key completes them with its header RCODE.
 * A query stops waiting (its entry keeps {@code rcode == null}) when no response came within
 * {@link #RESPONSE_WAIT_NANOS} of capture time (live: also of wall-clock time), when the table is full (the oldest
 * goes), or at the end of the capture ({@link #flush()}).
 *
 * <p>Two modes. {@link #inline} processes each message on the calling thread (file analysis, replay: exact and
 * deterministic). {@link #async} copies what the worker reads of the message (an answer's header; a query's
 * header and question, at most {@link #MSG_CAP} bytes) with its addresses into a preallocated single-producer
 * ring ({@link #RING_BYTES} bytes, at most {@link #SLOTS} messages) and returns at once, so the capture thread
 * never allocates or parses names; a worker thread does the rest. When the ring is full the message is dropped
 * and counted ({@link #overflows()}); packet counts are unaffected (the meter is updated by the capture thread).
 * {@link #pipelined} is the same ring for a file: the reader waits for room instead of dropping, so the result is
 * exactly the inline one while reading and leak parsing share two cores.
 */
public final class LeakStage {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LeakStage.class.getName());
    private final java.util.concurrent.atomic.AtomicLong listenerFailures = new java.util.concurrent.atomic.AtomicLong();

    /** How often a leak listener threw (each is logged; the first of every thousand with its stack). */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    private void listenerFailed(RuntimeException e) {
        long n = listenerFailures.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.log(java.util.logging.Level.WARNING, "a leak listener failed (" + n + " so far)", e);
        }
    }
    static final int MAX_PENDING = 4096;
    static final int MAX_CHAIN = 8;
    static final long RESPONSE_WAIT_NANOS = 5_000_000_000L;
    /** Messages the ring holds at most (a leak in a burst takes two: its query and its answer). */
    static final int SLOTS = 32768;
    /** Bytes of the ring's records: ~5,000 typical leaks with their answers take ~0.5 MB. */
    static final int RING_BYTES = 1 << 21;
    /** Pipelined (file) mode: messages waiting before the parked worker is woken. */
    private static final int WAKE_BATCH = 256;
    static final int MSG_CAP = 512;
    /** A record: time (8), source and destination port (2 + 2), protocol, address length, flags, kept length (2). */
    private static final int RECORD_HEADER = 17;
    /** Then both addresses and the kept bytes of the message. */
    private static final int MAX_RECORD = RECORD_HEADER + 32 + MSG_CAP;
    private static final int CLIENT_LOCAL = 1;
    private static final int TO_SERVER = 2;
    private static final int STUB = 4;
    /** A record of a query as it left ({@link #offerSent}): the client's address twice, no message. */
    private static final int SENT = 8;
    private static final java.lang.invoke.VarHandle LONG_AT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private final LeakSink out;
    private final TrafficMeter meter;
    private final IntConsumer badMessage;
    private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>();
    private final AtomicLong leakQueries = new AtomicLong();
    private long seq;
    private long newestNanos = Long.MIN_VALUE;
    /** Monotonic clock reading when {@link #newestNanos} was seen: idle time advances capture time from there. */
    private long newestSeenAt;

    // async mode
    private final boolean async;
    /** Pipelined mode: a full ring makes the producer wait, never drop. */
    private final boolean waitForRoom;
    private final byte[] ring;
    private final String[] sIface; // by message number
    private final AtomicLong head = new AtomicLong(); // next message the worker reads
    private final AtomicLong tail = new AtomicLong(); // next message the producer writes
    private final AtomicLong ringHead = new AtomicLong(); // ring position after the records the worker is done with
    private long ringTail; // producer: ring position after the newest record
    private long ringRead; // worker: ring position after the record it read last
    private final AtomicLong overflows = new AtomicLong();
    private final AtomicLong unlistedQueries = new AtomicLong();
    private volatile boolean workerParked;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Thread worker;

    /**
     * What ties a response to its query; addresses packed into longs (an IPv4 address in the low word, told apart
     * from IPv6 by {@code alen}).
     */
    private record Key(int protocol, int alen, int id, int clientPort, long client0, long client1, long server0,
                       long server1) {
        static Key of(int protocol, int id, int clientPort, byte[] ab, int clientOff, int serverOff, int alen) {
            return new Key(protocol, alen, id, clientPort, high(ab, clientOff, alen), low(ab, clientOff, alen),
                    high(ab, serverOff, alen), low(ab, serverOff, alen));
        }

        private static long high(byte[] b, int off, int alen) {
            return alen == 4 ? -1 : FrameParser.u64(b, off);
        }

        private static long low(byte[] b, int off, int alen) {
            return alen == 4 ? FrameParser.u32(b, off) : FrameParser.u64(b, off + 8);
        }
    }

    /** Text of recently seen server addresses: leaks go to a handful of servers, formatting each time is waste. */
    private final AddressTexts serverTexts = new AddressTexts();

    private static final class Pending {
        final LeakCandidate c;
        final long nanos;
        Pending next; // queries retransmitted with the same key
        Pending last = this;
        int chain = 1;

        Pending(LeakCandidate c, long nanos) {
            this.c = c;
            this.nanos = nanos;
        }
    }

    private LeakStage(LeakSink out, TrafficMeter meter, IntConsumer badMessage, boolean async,
                      boolean waitForRoom) {
        this.out = out;
        this.meter = meter;
        this.badMessage = badMessage;
        this.async = async;
        this.waitForRoom = waitForRoom;
        ring = new byte[async ? RING_BYTES : 0];
        sIface = new String[async ? SLOTS : 0];
    }

    /** Processes messages on the caller's thread. {@code badMessage} is called with 1 per unreadable query. */
    public static LeakStage inline(LeakSink out, TrafficMeter meter, IntConsumer badMessage) {
        return new LeakStage(out, meter, badMessage, false, false);
    }

    /**
     * Processes messages on a worker thread behind a bounded ring ({@link #SLOTS} messages); a message that finds
     * the ring full is dropped and counted (live capture must never wait).
     */
    public static LeakStage async(LeakSink out, TrafficMeter meter, IntConsumer badMessage) {
        return started(new LeakStage(out, meter, badMessage, true, false));
    }

    /**
     * Like {@link #async}, but a full ring makes the caller wait: nothing is lost, the sink sees exactly what
     * {@link #inline} would give, in the same order (file analysis on two cores). The sink runs on the worker;
     * {@link #flush()} waits for it.
     */
    public static LeakStage pipelined(LeakSink out, TrafficMeter meter, IntConsumer badMessage) {
        return started(new LeakStage(out, meter, badMessage, true, true));
    }

    private static LeakStage started(LeakStage s) {
        s.worker = new Thread(s::run, "port853-leak-worker");
        s.worker.setDaemon(true);
        s.worker.start();
        return s;
    }

    /**
     * Leaked query messages seen so far (including those still waiting for their response, and the
     * {@link #unlistedQueries()}).
     */
    public long leakQueries() {
        return leakQueries.get();
    }

    /** Why the worker stopped (an {@link Error}), or {@code null} while it works. */
    public Throwable failure() {
        return failure;
    }

    /** Messages dropped because the worker's ring was full (async mode). */
    public long overflows() {
        return overflows.get();
    }

    /**
     * Leaked queries among the {@link #overflows()}: counted (in {@link #leakQueries()} and the meter's leak
     * markers) but never read, so no entry names them.
     */
    public long unlistedQueries() {
        return unlistedQueries.get();
    }

    /**
     * A leak-class DNS message: {@code b[off, off+len)}; addresses of {@code alen} bytes at {@code srcOff} and
     * {@code dstOff} of {@code ab}; {@code toServer}: sent to the server port (53, or 853 for plaintext DNS on 853);
     * {@code clientLocal}: the querying end is on this machine.
     */
    void offer(long nanos, String iface, byte[] ab, int srcOff, int dstOff, int alen, int srcPort, int dstPort,
               int protocol, boolean toServer, boolean clientLocal, boolean stub, byte[] b, int off, int len) {
        // A leaked query, as process() decides (its header says so; nothing from the server's port is one), is
        // counted here, when the packet is, so a second's count is complete once its packets are in, however far
        // behind the worker is
        boolean query = !stub && toServer && DnsExtractor.isQuery(b, off, len);
        if (query) {
            leakQueries.incrementAndGet();
            meter.addLeakMarker(Math.floorDiv(nanos, 1_000_000_000L));
        }
        if (!async) {
            process(nanos, iface, ab, srcOff, dstOff, alen, srcPort, dstPort, protocol, toServer, clientLocal, stub,
                    b, off, len);
            return;
        }
        long t = tail.get();
        int n = keptLength(b, off, len, toServer, stub);
        long at = recordStart(ringTail);
        long end = at + RECORD_HEADER + 2 * alen + n;
        if (full(t, end) && !waitedForRoom(t, end)) {
            overflows.incrementAndGet();
            if (query) {
                unlistedQueries.incrementAndGet(); // counted above, but no entry will name it
            }
            return;
        }
        int flags = (clientLocal ? CLIENT_LOCAL : 0) | (toServer ? TO_SERVER : 0) | (stub ? STUB : 0);
        writeRecord(t, at, nanos, iface, ab, srcOff, dstOff, alen, srcPort, dstPort, protocol, flags, b, off, n);
    }

    /**
     * A query this machine sent, seen as it left ({@link PacketPipeline#acceptSent}): behind the messages already
     * waiting, the worker gives it to {@link LeakSink#sent}. Never counted; dropped when the ring is full.
     */
    void offerSent(long nanos, byte[] ab, int srcOff, int alen, int srcPort, int protocol) {
        if (!async) {
            out.sent(protocol, java.util.Arrays.copyOfRange(ab, srcOff, srcOff + alen), srcPort, nanos);
            return;
        }
        long t = tail.get();
        long at = recordStart(ringTail);
        long end = at + RECORD_HEADER + 2 * alen;
        if (full(t, end)) {
            return; // only an earlier lookup lost: the message itself still comes
        }
        writeRecord(t, at, nanos, null, ab, srcOff, srcOff, alen, srcPort, PacketPipeline.DNS, protocol,
                SENT | CLIENT_LOCAL | TO_SERVER, ab, 0, 0);
    }

    /**
     * Producer side: writes message {@code t}'s record at ring position {@code at} (room checked by the caller), then
     * publishes it. A file is read in bursts: waking the worker per message costs a context switch each (a third of
     * the CPU time on a VM); it is woken once a batch is waiting, when the ring is full, and at the end.
     */
    private void writeRecord(long t, long at, long nanos, String iface, byte[] ab, int srcOff, int dstOff, int alen,
                             int srcPort, int dstPort, int protocol, int flags, byte[] b, int off, int n) {
        int i = (int) (at & (RING_BYTES - 1));
        LONG_AT.set(ring, i, nanos);
        putU16(i + 8, srcPort);
        putU16(i + 10, dstPort);
        ring[i + 12] = (byte) protocol;
        ring[i + 13] = (byte) alen;
        ring[i + 14] = (byte) flags;
        putU16(i + 15, n);
        System.arraycopy(ab, srcOff, ring, i + RECORD_HEADER, alen);
        System.arraycopy(ab, dstOff, ring, i + RECORD_HEADER + alen, alen);
        System.arraycopy(b, off, ring, i + RECORD_HEADER + 2 * alen, n);
        sIface[(int) (t & (SLOTS - 1))] = iface;
        ringTail = at + RECORD_HEADER + 2 * alen + n;
        tail.lazySet(t + 1);
        if (workerParked && (!waitForRoom || t + 1 - head.get() >= WAKE_BATCH)) {
            LockSupport.unpark(worker);
        }
    }

    /**
     * The bytes of a message the worker reads (process): the header of an answer or of anything else from the
     * server's side, the header and first question of a query (at most {@link #MSG_CAP}).
     */
    private static int keptLength(byte[] b, int off, int len, boolean toServer, boolean stub) {
        boolean answer = len >= 12 && (b[off + 2] & 0x80) != 0;
        if (answer || !toServer && !stub) {
            return Math.min(len, 12);
        }
        return DnsExtractor.questionLength(b, off, Math.min(len, MSG_CAP));
    }

    /** Where the record after ring position {@code pos} starts: records are never split at the ring's end. */
    private static long recordStart(long pos) {
        int room = RING_BYTES - (int) (pos & (RING_BYTES - 1));
        return room < MAX_RECORD ? pos + room : pos;
    }

    /** Whether message {@code t}, whose record would end at ring position {@code end}, finds no room. */
    private boolean full(long t, long end) {
        return t - head.get() >= SLOTS || end - ringHead.get() > RING_BYTES;
    }

    private void putU16(int i, int v) {
        ring[i] = (byte) (v >> 8);
        ring[i + 1] = (byte) v;
    }

    /** Pipelined mode: waits until the worker frees room; false when it cannot (live mode, or it failed). */
    private boolean waitedForRoom(long t, long end) {
        if (!waitForRoom) {
            return false;
        }
        for (int spins = 0; full(t, end); spins++) {
            if (failure != null || !worker.isAlive()) {
                return false;
            }
            if (workerParked) {
                LockSupport.unpark(worker);
            }
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000L);
            }
        }
        return true;
    }

    private void run() {
        while (true) {
            long h = head.get();
            if (h == tail.get()) {
                if (stopping) {
                    break;
                }
                // Idle live capture: capture time moves on by the wall time since the newest packet. Comparing
                // packet timestamps with the wall clock would expire every query of an old file or a shifted
                // replay. A file's time moves only with its packets (a pause of the reader is not capture time).
                if (newestNanos != Long.MIN_VALUE && !waitForRoom) {
                    expire(newestNanos + (System.nanoTime() - newestSeenAt));
                }
                workerParked = true;
                if (h == tail.get() && !stopping) {
                    LockSupport.parkNanos(200_000_000L);
                }
                workerParked = false;
                continue;
            }
            int slot = (int) (h & (SLOTS - 1));
            long at = recordStart(ringRead);
            int i = (int) (at & (RING_BYTES - 1));
            int alen = ring[i + 13];
            int flags = ring[i + 14];
            int n = FrameParser.u16(ring, i + 15);
            int a = i + RECORD_HEADER;
            ringRead = at + RECORD_HEADER + 2 * alen + n;
            try {
                if ((flags & SENT) != 0) {
                    out.sent(ring[i + 12] & 0xff, java.util.Arrays.copyOfRange(ring, a, a + alen),
                            FrameParser.u16(ring, i + 8), (long) LONG_AT.get(ring, i));
                } else {
                    process((long) LONG_AT.get(ring, i), sIface[slot], ring, a, a + alen, alen,
                            FrameParser.u16(ring, i + 8), FrameParser.u16(ring, i + 10), ring[i + 12] & 0xff,
                            (flags & TO_SERVER) != 0, (flags & CLIENT_LOCAL) != 0, (flags & STUB) != 0, ring,
                            a + 2 * alen, n);
                }
            } catch (RuntimeException e) {
                listenerFailed(e); // keep going: one bad listener must not stop the capture
            } catch (Error e) {
                failure = e; // the capture thread sees it and ends the capture with this reason
                done(slot, h);
                return;
            }
            done(slot, h);
        }
        flushPending();
    }

    /** Worker: message {@code h}, read up to {@link #ringRead}, gives its room back to the producer. */
    private void done(int slot, long h) {
        sIface[slot] = null;
        ringHead.lazySet(ringRead);
        head.lazySet(h + 1);
    }

    /** Emits every query still waiting for a response (end of capture). Async: drains the ring first. */
    public void flush() {
        if (!async) {
            flushPending();
            return;
        }
        stopping = true;
        LockSupport.unpark(worker);
        if (worker != Thread.currentThread()) {
            try {
                // a pipelined file waits for every message; live capture gives the worker 5 s
                worker.join(waitForRoom ? 0 : 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Forgets waiting queries without emitting them (the capture was cleared). Capture thread, inline mode. */
    void clearPending() {
        if (!async) {
            pending.clear();
        }
        unlistedQueries.set(0);
    }

    private void process(long nanos, String iface, byte[] ab, int srcOff, int dstOff, int alen, int srcPort,
                         int dstPort, int protocol, boolean toServer, boolean clientLocal, boolean stub, byte[] b,
                         int off, int len) {
        if (nanos > newestNanos) {
            newestNanos = nanos;
            newestSeenAt = System.nanoTime();
            expire(nanos);
        }
        if (stub) {
            stubQuery(nanos, iface, ab, srcOff, dstOff, alen, srcPort, protocol, b, off, len);
            return;
        }
        boolean isResponse = len >= 12 && (b[off + 2] & 0x80) != 0;
        // a client that asks from port 53 itself (query-source port 53 of older resolvers and routers) gets its
        // answer on port 53 too: from the server's side, although both ports look like the server's
        boolean fromServer = !toServer || isResponse && srcPort == dstPort;
        if (fromServer) {
            // From the server's port only answers come: whatever else is read there (answer bytes the TCP
            // reassembler resynchronised on after a gap, a stray QR=0 datagram) is no query this side sent, so
            // neither a leak nor an unreadable query.
            if (isResponse) {
                response(ab, srcOff, dstOff, alen, dstPort, protocol, b, off);
            }
            return;
        }
        if (isResponse) {
            return;
        }
        DnsMessageInfo info = DnsExtractor.isQuery(b, off, len) ? DnsExtractor.parse(b, off, len) : null;
        if (info == null) {
            // not even a header (cannot tell a query from a response), or one no DNS client sends: another protocol
            badMessage.accept(1);
            return;
        }
        if (!info.nameReadable()) {
            badMessage.accept(1);
        }
        int sOff = toServer ? dstOff : srcOff;
        int cOff = toServer ? srcOff : dstOff;
        byte[] client = java.util.Arrays.copyOfRange(ab, cOff, cOff + alen);
        int clientPort = toServer ? srcPort : dstPort;
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        String serverText = serverTexts.text(ab, sOff, alen);
        LeakCandidate c = new LeakCandidate(t, iface, serverText, info.name(), info.type(), protocol, client,
                clientPort, clientLocal, null, seq++);
        out.leak(c);
        Key k = Key.of(protocol, info.id(), clientPort, ab, cOff, sOff, alen);
        Pending p = new Pending(c, nanos);
        Pending old = pending.get(k);
        if (old != null) {
            if (old.chain >= MAX_CHAIN) {
                // bounded: the oldest of the same key gives up waiting
                Pending rest = old.next;
                old.next = null;
                rest.last = old.last;
                rest.chain = old.chain - 1;
                pending.put(k, rest);
                old = rest;
            }
            old.last.next = p;
            old.last = p;
            old.chain++;
        } else {
            pending.put(k, p);
            if (pending.size() > MAX_PENDING) {
                Iterator<Pending> it = pending.values().iterator();
                it.next();
                it.remove();
            }
        }
    }

    /** A query to a resolver on loopback: only passed on (names the program behind the resolver's leaks). */
    private void stubQuery(long nanos, String iface, byte[] ab, int srcOff, int dstOff, int alen, int srcPort,
                           int protocol, byte[] b, int off, int len) {
        if (!DnsExtractor.isQuery(b, off, len)) {
            return;
        }
        DnsMessageInfo info = DnsExtractor.parse(b, off, len);
        if (info == null || !info.nameReadable()) {
            return;
        }
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        String server = serverTexts.text(ab, dstOff, alen);
        out.stubQuery(new LeakCandidate(t, iface, server, info.name(), info.type(), protocol,
                java.util.Arrays.copyOfRange(ab, srcOff, srcOff + alen), srcPort, true, null, -1));
    }

    private void response(byte[] ab, int srcOff, int dstOff, int alen, int clientPort, int protocol, byte[] b,
                          int off) {
        if (pending.isEmpty()) {
            return;
        }
        int id = FrameParser.u16(b, off);
        Pending p = pending.remove(Key.of(protocol, id, clientPort, ab, dstOff, srcOff, alen));
        if (p != null) {
            String rcode = Rcode.string(b[off + 3] & 0xf);
            for (Pending q = p; q != null; q = q.next) {
                out.update(q.c.withRcode(rcode));
            }
        }
    }

    /** Queries unanswered for {@link #RESPONSE_WAIT_NANOS} stop waiting (their entries keep no response code). */
    private void expire(long nowNanos) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            if (nowNanos - it.next().nanos < RESPONSE_WAIT_NANOS) {
                break;
            }
            it.remove();
        }
    }

    private void flushPending() {
        pending.clear();
    }

    /** Queries waiting for their response (inline mode; at most {@link #MAX_PENDING}). */
    int pendingCount() {
        return pending.size();
    }

    Map<String, Integer> debugState() {
        return Map.of("pending", pending.size());
    }
}
