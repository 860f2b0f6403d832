package org.port853.capture;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.port853.core.Printable;

/**
 * "Which local program sent this query". When the leak worker sees a query (leaked, or asked of a resolver
 * on loopback) it looks the sending socket up at once ({@link SocketOwnerLookup#find}; on Linux the kernel's socket
 * table, {@link SockDiag}: owner uid and inode, a netlink round trip, no {@code /proc} walk); the slower part, the
 * process holding it ({@link SocketOwnerLookup#describe}; on Linux {@link SocketOwners}), runs on this class's own
 * thread behind a bounded queue, so neither the capture thread nor
 * the leak worker waits on {@code /proc}. A leak sent by a resolver is linked to the program that asked the
 * resolver for the same name just before ({@link StubQueries}). When the queue is full the leak is published
 * without a process; when the socket is gone the sender is unknown.
 */
public final class ProcessResolver implements AutoCloseable {
    private static final int LEAK = 0;
    private static final int STUB = 1;
    private static final int UPDATE = 2;
    private static final int OWNER = 3;

    private record Job(int kind, LeakCandidate c, SocketOwnerLookup.Socket socket) {
    }

    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(1024);
    private final Consumer<LeakRecord> publish;
    private final ObjLongConsumer<String> update;
    private final SocketOwnerLookup owners;
    private final StubQueries stubs = new StubQueries();
    private final Thread thread;
    private volatile boolean running = true;
    static final int MAX_STUB_LOOKUPS_PER_SECOND = 500;
    private final RateLimit stubLookups = new RateLimit(MAX_STUB_LOOKUPS_PER_SECOND); // leak worker only

    public ProcessResolver(SocketOwnerLookup owners, Consumer<LeakRecord> publish, ObjLongConsumer<String> update) {
        this.owners = owners;
        this.publish = publish;
        this.update = update;
        this.thread = new Thread(this::run, "port853-process-resolver");
        thread.setDaemon(true);
        thread.start();
    }


    /** A leaked query, on the leak worker: looks its socket up now (it may close soon); never blocks. */
    public void submit(LeakCandidate c) {
        if (!c.clientLocal() || !queue.offer(new Job(LEAK, c, socketOf(c)))) {
            publish.accept(c.toRecord(null));
        }
    }

    /**
     * A query asked of a resolver on loopback, on the leak worker; never blocks (dropped when the queue is full).
     * Local queries can be many: at most {@link #MAX_STUB_LOOKUPS_PER_SECOND} are looked up (the rest ask as
     * "unknown"), so the leak worker keeps up with the leaks.
     */
    public void submitStub(LeakCandidate c) {
        queue.offer(new Job(STUB, c, stubLookups.permit() ? socketOf(c) : null));
    }

    /**
     * A query this machine sent, seen as it left ({@link LeakSink#sent}), on the leak worker: its socket is looked up
     * now, and its process next on this class's thread (while the queue is less than half full, so leaks keep their
     * room), while a program answered within a millisecond still holds both. The leak or stub query that follows from
     * the same socket finds that lookup ({@link #socketOf}) and the process in the lookup's cache. Never blocks; the
     * pipeline offers at most {@link PacketPipeline#MAX_SENT_PER_SECOND} a second.
     */
    public void sent(int protocol, byte[] address, int port, long epochNanos) {
        if (usableLookup(protocol, address, port, Instant.ofEpochSecond(0, epochNanos), false) != null) {
            return; // looked up since (a SYN opens a new connection: an older connection's lookup does not hold)
        }
        // a TCP query is sent a round trip after the SYN seen here: the lookup holds for its connection
        SocketOwnerLookup.Socket found = lookUp(protocol, address, port, protocol == 6);
        if (found != null && queue.remainingCapacity() > queue.size()) {
            queue.offer(new Job(OWNER, null, found));
        }
    }

    /** The response code of a submitted candidate: applied after the candidate is published. Never blocks. */
    public void submitUpdate(LeakCandidate c) {
        if (!c.clientLocal() || !queue.offer(new Job(UPDATE, c, null))) {
            update.accept(c.rcode(), c.seq());
        }
    }

    private SocketOwnerLookup.Socket socketOf(LeakCandidate c) {
        int protocol = c.protocol() == ParsedFrame.TCP ? 6 : 17;
        Lookup earlier = usableLookup(protocol, c.client(), c.clientPort(), c.time(), true);
        return earlier != null ? earlier.socket() : lookUp(protocol, c.client(), c.clientPort(), false);
    }

    /**
     * An earlier lookup of this local end that answers for a query sent at {@code sent}, or null: one made after the
     * query was sent (as it left, or for an earlier query) is as true for it as a lookup now, which would come even
     * later, so a burst from one socket costs one netlink round trip, not one each; with {@code orItsConnection}, also
     * one made at the SYN of the connection that carried it.
     */
    private Lookup usableLookup(int protocol, byte[] address, int port, Instant sent, boolean orItsConnection) {
        Lookup earlier = lookups.get(SocketAddress.of(protocol, address, port));
        boolean usable = earlier != null
                && (!sent.isAfter(earlier.at()) || orItsConnection && earlier.holdsFor(sent));
        return usable ? earlier : null;
    }

    /**
     * Asks the kernel now which socket this local end is, and remembers the answer with its time; {@code atSyn}: asked
     * as a TCP connection opened, so the answer holds for that connection ({@link Lookup#holdsFor}).
     */
    private SocketOwnerLookup.Socket lookUp(int protocol, byte[] address, int port, boolean atSyn) {
        Instant at = Instant.now(); // before asking: what the kernel says held at least from then on
        SocketOwnerLookup.Socket found;
        try {
            found = owners.find(protocol, address, port).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null; // best effort
        }
        lookups.put(SocketAddress.of(protocol, address, port), new Lookup(found, at, atSyn && found != null));
        return found;
    }

    /** A socket's local end: protocol, port and address (IPv4 in {@code low}, {@code high} -1). */
    private record SocketAddress(int protocol, int port, long high, long low) {
        static SocketAddress of(int protocol, byte[] a, int port) {
            return a.length == 4 ? new SocketAddress(protocol, port, -1, FrameParser.u32(a, 0))
                    : new SocketAddress(protocol, port, FrameParser.u64(a, 0), FrameParser.u64(a, 8));
        }
    }

    /**
     * What a socket lookup found ({@code null}: no socket), and when it was made; {@code connection}: found as a TCP
     * connection opened, so it also holds for that connection's queries, sent after it (a newer connection from the
     * same local end is looked up at its own SYN; should that lookup be skipped, this one holds no longer than
     * {@link #CONNECTION_NANOS}).
     */
    private record Lookup(SocketOwnerLookup.Socket socket, Instant at, boolean connection) {
        boolean holdsFor(Instant sent) {
            return connection && java.time.Duration.between(at, sent).toNanos() < CONNECTION_NANOS;
        }
    }

    static final long CONNECTION_NANOS = 10_000_000_000L;

    /** The newest lookups by local end (leak worker only; the oldest goes beyond {@link #MAX_LOOKUPS}). */
    private final Map<SocketAddress, Lookup> lookups = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SocketAddress, Lookup> eldest) {
            return size() > MAX_LOOKUPS;
        }
    };
    static final int MAX_LOOKUPS = 256;

    private void run() {
        while (running) {
            Job j;
            try {
                j = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (j != null) {
                handle(j);
            }
        }
        Job j;
        while ((j = queue.poll()) != null) {
            if (j.kind == UPDATE) {
                update.accept(j.c.rcode(), j.c.seq());
            } else if (j.kind == LEAK) {
                publish.accept(j.c.toRecord(null));
            }
        }
    }

    private void handle(Job j) {
        try {
            switch (j.kind) {
                case UPDATE -> update.accept(j.c.rcode(), j.c.seq());
                case OWNER -> owner(j.socket); // found while the program holds it; the leak reads it from the cache
                case STUB -> stubs.asked(j.c.time(), j.c.name(), owner(j.socket).orElse(null));
                default -> {
                    String sender = owner(j.socket).orElse(null);
                    String requester = stubs.requester(j.c.time(), j.c.name(), sender);
                    if (sender == null && LeakRecord.UNKNOWN_PROGRAM.equals(requester)) {
                        requester = null; // neither end known: nothing to tell beyond "not identified"
                    }
                    publish.accept(j.c.toRecord(null).withSender(sender, requester));
                }
            }
        } catch (RuntimeException e) {
            // a listener failed; keep going
        }
    }

    /**
     * The program's name is its own choice (any process may rename itself: Linux's comm and argv[0], a Windows
     * image name), so control characters and bidirectional overrides in it are shown as {@code \xNN}
     * ({@link Printable}): it reaches terminals, CSV files and the window, and must not act there.
     */
    private Optional<String> owner(SocketOwnerLookup.Socket socket) {
        return socket == null ? Optional.empty() : Optional.ofNullable(owners.describe(socket)).map(Printable::line);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
