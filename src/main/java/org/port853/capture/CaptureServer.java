package org.port853.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The capture service's server: accepts clients on the listening socket systemd hands over, runs one
 * {@link DnsOnlyCapture} while at least one client is connected, and streams its records to every client
 * ({@link CaptureStream}). Each client has its own bounded queue and writer thread: a slow client loses frames,
 * never slows the capture or the others. It never reads what clients send. {@link #serve} returns after
 * {@code idleMillis} without clients (systemd starts the service again on the next connection). Each client's writer
 * also tells it what was dropped since it connected, by the kernel and by its queue ({@link CaptureStream#drops}),
 * so a client's Verify knows when its capture may have missed a leak.
 */
final class CaptureServer {
    static final int QUEUE_FRAMES = 16384;
    /**
     * What a client's queue may hold in bytes: a client that never reads would otherwise keep 16,384 frames of up to
     * 64 KiB each (any user can send such datagrams to port 53 on loopback), and the service's 48 MiB heap ran out, which
     * ended the capture of every client. With {@link #MAX_CLIENTS}, the queues hold at most 16 MiB.
     */
    static final int QUEUE_BYTES = 1024 * 1024;
    static final int MAX_CLIENTS = 16;
    /**
     * What one user may hold of {@link #MAX_CLIENTS}: a window, a monitor and a Verify at once and one more, so that no
     * member of the group can take every place and leave the others' windows without capture.
     */
    static final int MAX_CLIENTS_PER_USER = 4;
    private static final byte[] END = new byte[0];
    /**
     * How often a client's drops are checked. The capture refreshes its kernel counts once a second, so a drop reaches
     * the client within ~1.25 s: inside the 1.5 s a Verify waits after its last query before it reads them.
     */
    private static final long DROPS_EVERY_NANOS = 250_000_000L;

    private final ServerSocketChannel listener;
    private final Supplier<LiveCaptureSession> captures;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Object captureLock = new Object();
    private volatile LiveCaptureSession capture; // written under captureLock
    /** Kernel drop counts of the captures that have stopped (under captureLock), so the totals never go back. */
    private CaptureStream.Drops stoppedCapturesDrops = CaptureStream.Drops.NONE;

    private final int maxPerUser;

    /** @param captures makes the capture when the first client connects ({@link DnsOnlyCapture} in production) */
    CaptureServer(ServerSocketChannel listener, Supplier<LiveCaptureSession> captures) {
        this(listener, captures, MAX_CLIENTS_PER_USER);
    }

    CaptureServer(ServerSocketChannel listener, Supplier<LiveCaptureSession> captures, int maxPerUser) {
        this.listener = listener;
        this.captures = captures;
        this.maxPerUser = maxPerUser;
    }

    /** The service's server: a {@link DnsOnlyCapture} that streams to this server's clients. */
    static CaptureServer dnsOnly(ServerSocketChannel listener) {
        CaptureServer[] server = new CaptureServer[1];
        server[0] = new CaptureServer(listener, () -> new DnsOnlyCapture(server[0]::broadcast, server[0]::broadcastSent));
        return server[0];
    }

    void serve(long idleMillis) throws IOException {
        listener.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            listener.register(selector, SelectionKey.OP_ACCEPT);
            long idleSince = System.nanoTime();
            while (true) {
                selector.select(1000);
                selector.selectedKeys().clear();
                SocketChannel ch;
                while ((ch = listener.accept()) != null) {
                    ch.configureBlocking(true);
                    connect(ch);
                }
                if (!clients.isEmpty()) {
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince > TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
                    return;
                }
            }
        } finally {
            synchronized (captureLock) {
                if (capture != null) {
                    capture.stop();
                }
            }
        }
    }

    private void connect(SocketChannel ch) {
        if (clients.size() >= MAX_CLIENTS) {
            log("client refused: " + MAX_CLIENTS + " connected already");
            writeQuietly(ch, CaptureStream.error(MAX_CLIENTS + " clients are connected already, the most it serves"));
            return;
        }
        java.nio.file.attribute.UserPrincipal user = peerUser(ch); // equal where the uid is: not by name
        if (user != null && clients.stream().filter(c -> user.equals(c.user)).count() >= maxPerUser) {
            log("client of " + user.getName() + " refused: " + maxPerUser + " of theirs connected already");
            writeQuietly(ch, CaptureStream.error("the user " + user.getName() + " has " + maxPerUser + " captures open already, the"
                    + " most one user may have: close one (a Port853 window, monitor or verify) and try again"));
            return;
        }
        Client client = new Client(ch, user);
        clients.add(client); // before the capture starts, so the client gets its first frames
        try {
            synchronized (captureLock) {
                if (capture == null || !capture.isRunning()) {
                    retireCapture();
                    LiveCaptureSession c = captures.get();
                    c.addListener(new CaptureListener() {
                        @Override
                        public void onStopped(String reasonOrNull) {
                            // not once a newer capture took its place (a client came in as this one failed): that
                            // one serves every client; no captureLock here, as stop() holds it while joining us
                            if (reasonOrNull != null && capture == c) {
                                endStreams(reasonOrNull);
                            }
                        }
                    });
                    c.start();
                    capture = c;
                    log("capture started (" + c.description() + ")");
                }
            }
        } catch (CaptureUnavailableException | RuntimeException e) {
            clients.remove(client);
            String reason = e instanceof CaptureUnavailableException u ? u.reason() : String.valueOf(e.getMessage());
            log("capture could not start: " + reason);
            writeQuietly(ch, CaptureStream.error(reason));
            return;
        }
        client.start();
        log("client of " + (user == null ? "an unknown user" : user.getName()) + " connected (" + clients.size()
                + " connected)");
    }

    /** Who is on the other end of a Unix socket (SO_PEERCRED); null where the kernel does not say. */
    private static java.nio.file.attribute.UserPrincipal peerUser(SocketChannel ch) {
        try {
            return ch.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * The capture ended by itself (an interface error, a failure): each client's stream ends too, so that its monitor
     * or Verify says the capture stopped instead of showing silence as "no leaks". The next client starts a new one.
     */
    private void endStreams(String reason) {
        log(reason + "; ending the clients' streams");
        for (Client c : clients) {
            c.end();
        }
    }

    /** Called on the capture thread for every allowed frame. */
    void broadcast(byte[] record) {
        for (Client c : clients) {
            c.offer(record);
        }
    }

    /**
     * Called on the capture thread for a query as it left ({@link CaptureStream#sent}): only an earlier lookup for the
     * client, so it takes no more than half of a client's queue and is never counted as a lost frame.
     */
    void broadcastSent(byte[] record) {
        for (Client c : clients) {
            c.offerSent(record);
        }
    }

    private void disconnected(Client c) {
        clients.remove(c);
        log("client left (" + c.dropped + " frames dropped for it, " + clients.size() + " connected)");
        synchronized (captureLock) {
            if (clients.isEmpty() && capture != null) {
                capture.stop();
                retireCapture();
                log("capture stopped");
            }
        }
    }

    /** Under captureLock: keeps the current capture's drop counts and forgets the capture. */
    private void retireCapture() {
        if (capture != null) {
            stoppedCapturesDrops = kernelDrops();
            capture = null;
        }
    }

    /** The kernel's drop counts (pcap_stats) over every capture this server ran. */
    private CaptureStream.Drops kernelDrops() {
        synchronized (captureLock) {
            if (capture == null) {
                return stoppedCapturesDrops;
            }
            MeterSnapshot now = capture.snapshot(0); // once a second per client, off the capture thread
            return new CaptureStream.Drops(stoppedCapturesDrops.kernel() + now.pcapDrops(),
                    stoppedCapturesDrops.iface() + now.ifDrops(), 0);
        }
    }

    int clientCount() {
        return clients.size();
    }

    /** Whether a capture is running (it stops when the last client has left). */
    boolean capturing() {
        synchronized (captureLock) {
            return capture != null;
        }
    }

    private static void writeQuietly(SocketChannel ch, byte[] bytes) {
        try (ch) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    static void log(String message) {
        System.err.println("port853-capture: " + message);
    }

    private final class Client {
        private final SocketChannel ch;
        private final java.nio.file.attribute.UserPrincipal user;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
        volatile long dropped;
        private final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
        private final CaptureStream.Drops kernelDropsAtConnect = kernelDrops();
        private CaptureStream.Drops dropsSent = CaptureStream.Drops.NONE;
        private long dropsCheckedAt = System.nanoTime();

        Client(SocketChannel ch, java.nio.file.attribute.UserPrincipal user) {
            this.ch = ch;
            this.user = user;
        }

        void start() {
            Thread w = new Thread(this::write, "port853-capture-client");
            w.setDaemon(true);
            w.start();
            Thread r = new Thread(this::awaitClose, "port853-capture-client-eof");
            r.setDaemon(true);
            r.start();
        }

        void end() {
            try {
                ch.close(); // the writer's next write fails, and it leaves
            } catch (IOException e) {
                // closed already
            }
        }

        /** Reads only to notice that the client has gone (what it sends is discarded, never interpreted). */
        private void awaitClose() {
            ByteBuffer sink = ByteBuffer.allocate(256);
            try {
                while (ch.read(sink) >= 0) {
                    sink.clear();
                }
            } catch (IOException e) {
                // closed
            }
            queue.clear();
            queue.offer(END);
        }

        /** On the capture thread only. */
        void offer(byte[] record) {
            if (queuedBytes.get() + record.length > QUEUE_BYTES || !queue.offer(record)) {
                dropped++;
            } else {
                queuedBytes.addAndGet(record.length);
            }
        }

        /** On the capture thread only: a sent record, while the queue is less than half full; else nothing. */
        void offerSent(byte[] record) {
            if (queuedBytes.get() + record.length <= QUEUE_BYTES / 2 && queue.size() < QUEUE_FRAMES / 2
                    && queue.offer(record)) {
                queuedBytes.addAndGet(record.length);
            }
        }

        private void write() {
            try (ch) {
                writeFully(CaptureStream.globalHeader(LinkTypes.LINUX_SLL2));
                while (true) {
                    byte[] r = queue.poll(DROPS_EVERY_NANOS, TimeUnit.NANOSECONDS);
                    if (r == END) {
                        return;
                    }
                    if (r != null) {
                        queuedBytes.addAndGet(-r.length);
                        writeFully(r);
                    }
                    reportDrops();
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            } finally {
                disconnected(this);
            }
        }

        /**
         * Written here, not queued: the queue is full exactly when its own drops need telling. At most every
         * {@link #DROPS_EVERY_NANOS}, and only when a count changed.
         */
        private void reportDrops() throws IOException {
            long now = System.nanoTime();
            if (now - dropsCheckedAt < DROPS_EVERY_NANOS) {
                return;
            }
            dropsCheckedAt = now;
            CaptureStream.Drops kernel = kernelDrops().minus(kernelDropsAtConnect);
            CaptureStream.Drops d = new CaptureStream.Drops(kernel.kernel(), kernel.iface(), dropped);
            if (!d.equals(dropsSent)) {
                writeFully(CaptureStream.drops(System.currentTimeMillis() * 1_000_000L, d));
                dropsSent = d;
            }
        }

        private void writeFully(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }
}
