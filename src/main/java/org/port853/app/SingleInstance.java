package org.port853.app;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One window per user and kind: the first launch binds a Unix domain socket in the user's private folder and listens;
 * a later one connects, asks it to show its window and learns that it should exit. A socket left by a process that
 * died is taken over. Where no socket can be made the window runs alone, as if it were the only one.
 *
 * <p>Starters take turns (a lock file) from the look at the socket until the socket is bound, so two racing launches
 * make one window. The first launch binds on a thread of its own: opening the JDK's first Unix domain socket sets up
 * a SecureRandom, tens of milliseconds the window's start need not wait for.
 */
final class SingleInstance implements AutoCloseable {
    /** What a launch asks of the running window. */
    static final String SHOW = "show";
    /** The running window's answer: asked, it comes to the front. */
    static final String SHOWN = "shown";
    /** How long a launch waits for the running window's answer (and the running window for the question). */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    /** A Unix socket's path and its closing NUL fill at most 108 bytes (sun_path on Linux and Windows). */
    static final int MAX_SOCKET_PATH = 107;
    private static final int MAX_LINE = 64;
    /** A file lock belongs to the whole JVM (a second one in it throws): threads of one JVM take turns here first. */
    private static final Semaphore IN_THIS_JVM = new Semaphore(1);

    enum Role {
        /** This process has the window: it listens, and shows its window when asked. */
        PRIMARY,
        /** Another process has the window and was asked to show it: this one exits. */
        SECONDARY,
        /** No socket could be used ({@link #problem()} says why): this process runs as if it were the only one. */
        ALONE
    }

    private final Role role;
    private final String problem;
    private final Path socket;
    private ServerSocketChannel server;
    private boolean closed;
    /** Counted down once the bind of {@link #bindAndListen} is done (bound or failed); null where none was started. */
    private volatile java.util.concurrent.CountDownLatch binding;

    private SingleInstance(Role role, String problem, Path socket) {
        this.role = role;
        this.problem = problem;
        this.socket = socket;
    }

    /**
     * Becomes the window of kind {@code name} for this user, or asks the one that already is to show itself.
     *
     * @param onShow run on a thread of this object's when a later launch asks for the window; it must not block
     */
    static SingleInstance claim(Path dir, String name, Runnable onShow) {
        Path socket = dir.resolve(name + ".sock");
        try {
            if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
                throw new IOException("longer than a Unix socket's path may be (" + MAX_SOCKET_PATH + " bytes)");
            }
            InstanceDirectory.makePrivate(dir);
            Turn turn = Turn.take(dir.resolve(name + ".lock"));
            boolean handedOn = false;
            try {
                if (Files.exists(socket) && toldTheRunningOne(socket)) {
                    return new SingleInstance(Role.SECONDARY, null, socket);
                }
                SingleInstance primary = new SingleInstance(Role.PRIMARY, null, socket);
                primary.bindAndListen(turn, onShow);
                handedOn = true;
                return primary;
            } finally {
                if (!handedOn) {
                    turn.close();
                }
            }
        } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
            return new SingleInstance(Role.ALONE, "no single-window socket at " + socket + " (" + e + ")", socket);
        }
    }

    Role role() {
        return role;
    }

    /** Why this process runs alone; null unless {@link Role#ALONE} (a bind that fails later is logged). */
    String problem() {
        return problem;
    }

    static void logRunningAlone(String problem) {
        log().warning(problem + "; this window runs alone: a later launch opens a second one");
    }

    /** The running window answered: true. Nothing listens (no socket, or a dead one's): false. */
    private static boolean toldTheRunningOne(Path socket) throws IOException {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            c.write(StandardCharsets.UTF_8.encode(SHOW + "\n"));
            if (!SHOWN.equals(readLine(c))) {
                throw new IOException("the running window did not answer within " + ANSWER_WAIT.toSeconds() + " s");
            }
            return true;
        } catch (SocketException e) {
            if (e instanceof ConnectException || !Files.exists(socket)) {
                return false; // refused: its process died; gone: it has just exited
            }
            throw e;
        }
    }

    /** Binds on a thread of its own, ends the turn, then answers later launches. */
    private void bindAndListen(Turn turn, Runnable onShow) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        binding = done;
        Thread t = new Thread(() -> {
            ServerSocketChannel bound;
            try (turn) {
                Files.deleteIfExists(socket); // left by a process that died: nothing listens on it
                bound = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                bound.bind(UnixDomainSocketAddress.of(socket));
            } catch (IOException | RuntimeException e) {
                logRunningAlone("no single-window socket at " + socket + " (" + e + ")");
                done.countDown();
                return;
            }
            boolean kept = keep(bound);
            done.countDown();
            if (kept) {
                answer(bound, onShow);
            }
        }, "port853-single-instance");
        t.setDaemon(true);
        t.start();
    }

    private static void answer(ServerSocketChannel server, Runnable onShow) {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept()) {
                if (SHOW.equals(readLine(c))) {
                    onShow.run();
                    c.write(StandardCharsets.UTF_8.encode(SHOWN + "\n"));
                }
            } catch (ClosedChannelException e) {
                return; // closed at exit
            } catch (IOException | RuntimeException e) {
                log().log(Level.WARNING, "a request to show the window failed", e);
            }
        }
    }

    /** One line of at most {@value #MAX_LINE} bytes, without its end; null when none came within the wait. */
    private static String readLine(SocketChannel c) throws IOException {
        c.configureBlocking(false);
        ByteBuffer line = ByteBuffer.allocate(MAX_LINE);
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        try (Selector ready = Selector.open()) {
            c.register(ready, SelectionKey.OP_READ);
            for (long left = ANSWER_WAIT.toMillis(); left > 0 && line.hasRemaining();
                 left = (deadline - System.nanoTime()) / 1_000_000) {
                ready.select(left);
                int before = line.position();
                if (c.read(line) < 0) {
                    return null;
                }
                for (int i = before; i < line.position(); i++) {
                    if (line.get(i) == '\n') {
                        return new String(line.array(), 0, i, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    /** Keeps the bound socket, unless the process is already exiting: then it is removed at once. */
    private synchronized boolean keep(ServerSocketChannel bound) {
        server = bound;
        if (closed) {
            removeSocket();
            return false;
        }
        return true;
    }

    /**
     * Stops listening and removes the socket (the primary's); call at exit. A bind still under way is waited for (at
     * most {@link #ANSWER_WAIT}), so that its socket file is not created after this removed the others.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        java.util.concurrent.CountDownLatch done = binding;
        if (done != null) {
            try {
                done.await(ANSWER_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        removeSocket();
    }

    private synchronized void removeSocket() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log().log(Level.FINE, "the single-window socket could not be removed", e);
        }
    }

    /** Not a constant: setting up logging on the launcher's thread before the log file would delay the window. */
    private static Logger log() {
        return Logger.getLogger(SingleInstance.class.getName());
    }

    /** One starter's turn: from the look at the socket until it is bound (or found to be another's). */
    private static final class Turn implements AutoCloseable {
        private final FileChannel lockFile;

        private Turn(FileChannel lockFile) {
            this.lockFile = lockFile;
        }

        static Turn take(Path lock) throws IOException {
            IN_THIS_JVM.acquireUninterruptibly();
            try {
                FileChannel c = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    c.lock();
                } catch (IOException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                return new Turn(c);
            } catch (IOException | RuntimeException e) {
                IN_THIS_JVM.release();
                throw e;
            }
        }

        /** Closing the file ends its lock. */
        @Override
        public void close() throws IOException {
            try {
                lockFile.close();
            } finally {
                IN_THIS_JVM.release();
            }
        }
    }
}
