package org.port853.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Best-effort "which local process sent this query" on Linux: the local port is looked up in
 * {@code /proc/net/{udp,udp6,tcp,tcp6}} to find the socket inode, and the inode in {@code /proc/PID/fd} links.
 * Runs on its own thread behind a bounded queue, so the capture thread never waits; when the queue is full or
 * the lookup fails the leak is published without a process. Inode→PID results are cached, recently seen
 * processes are checked before a full scan, and full scans are rate-limited.
 */
public final class ProcessResolver implements AutoCloseable {
    private static final Path PROC = Path.of("/proc");
    private static final long FULL_SCAN_INTERVAL_NANOS = 200_000_000L;
    private static final int MAX_CACHE = 4096;

    private final BlockingQueue<LeakCandidate> queue = new ArrayBlockingQueue<>(1024);
    private final Consumer<LeakRecord> publish;
    private final java.util.function.ObjLongConsumer<String> update;
    /** Marks a queued response-code update (rcode set, client null). */
    private static final byte[] UPDATE = new byte[0];
    private final Thread thread;
    private volatile boolean running = true;
    private final Map<Long, Integer> inodeToPid = new HashMap<>();
    private final Set<Integer> recentPids = new LinkedHashSet<>();
    private long lastFullScan;

    public ProcessResolver(Consumer<LeakRecord> publish, java.util.function.ObjLongConsumer<String> update) {
        this.publish = publish;
        this.update = update;
        this.thread = new Thread(this::run, "port853-process-resolver");
        thread.setDaemon(true);
        thread.start();
    }

    public static boolean isSupported() {
        return Files.isReadable(PROC.resolve("net/udp"));
    }

    /** Called on the capture thread: never blocks. */
    public void submit(LeakCandidate c) {
        if (!c.clientLocal() || !queue.offer(c)) {
            publish.accept(c.toRecord(null));
        }
    }

    /** The response code of a submitted candidate: applied after the candidate is published. Never blocks. */
    public void submitUpdate(LeakCandidate c) {
        LeakCandidate u = new LeakCandidate(c.time(), c.iface(), c.server(), c.name(), c.type(), c.protocol(), UPDATE,
                c.clientPort(), c.clientLocal(), c.rcode(), c.seq());
        if (!c.clientLocal() || !queue.offer(u)) {
            update.accept(c.rcode(), c.seq());
        }
    }

    private void run() {
        while (running) {
            LeakCandidate c;
            try {
                c = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (c == null) {
                continue;
            }
            if (c.client() == UPDATE) {
                update.accept(c.rcode(), c.seq());
                continue;
            }
            String process = null;
            try {
                process = resolve(c.protocol(), c.client().length == 16, c.clientPort()).orElse(null);
            } catch (RuntimeException e) {
                // best effort
            }
            try {
                publish.accept(c.toRecord(process));
            } catch (RuntimeException e) {
                // a listener failed; keep going
            }
        }
        // deliver what is left without process names
        LeakCandidate c;
        while ((c = queue.poll()) != null) {
            if (c.client() == UPDATE) {
                update.accept(c.rcode(), c.seq());
            } else {
                publish.accept(c.toRecord(null));
            }
        }
    }

    /** "name (pid)" of the process owning the local socket bound to {@code port}. */
    Optional<String> resolve(int protocol, boolean v6, int port) {
        String table = protocol == ParsedFrame.TCP ? "tcp" : "udp";
        long inode = findInode(PROC.resolve("net/" + table + (v6 ? "6" : "")), port);
        if (inode <= 0) {
            inode = findInode(PROC.resolve("net/" + table + (v6 ? "" : "6")), port); // dual-stack sockets
        }
        if (inode <= 0) {
            return Optional.empty();
        }
        Integer pid = inodeToPid.get(inode);
        if (pid == null) {
            pid = scanPids(List.copyOf(recentPids), inode);
        }
        if (pid == null && System.nanoTime() - lastFullScan > FULL_SCAN_INTERVAL_NANOS) {
            lastFullScan = System.nanoTime();
            pid = scanPids(allPids(), inode);
        }
        if (pid == null) {
            return Optional.empty();
        }
        recentPids.remove(pid);
        recentPids.add(pid);
        if (recentPids.size() > 16) {
            recentPids.remove(recentPids.iterator().next());
        }
        String comm = "?";
        try {
            comm = Files.readString(PROC.resolve(pid + "/comm")).strip();
        } catch (IOException e) {
            // process gone
        }
        return Optional.of(comm + " (" + pid + ")");
    }

    static long findInode(Path table, int port) {
        try {
            List<String> lines = Files.readAllLines(table);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 10) {
                    continue;
                }
                int colon = f[1].lastIndexOf(':');
                if (colon < 0) {
                    continue;
                }
                if (Integer.parseInt(f[1].substring(colon + 1), 16) == port) {
                    long inode = Long.parseLong(f[9]);
                    if (inode > 0) {
                        return inode;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // table missing or unreadable
        }
        return -1;
    }

    private Integer scanPids(Iterable<Integer> pids, long wanted) {
        Integer found = null;
        for (int pid : pids) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
                for (Path fd : fds) {
                    String link;
                    try {
                        link = Files.readSymbolicLink(fd).toString();
                    } catch (IOException e) {
                        continue;
                    }
                    if (link.startsWith("socket:[")) {
                        long inode = Long.parseLong(link, 8, link.length() - 1, 10);
                        if (inodeToPid.size() >= MAX_CACHE) {
                            inodeToPid.clear();
                        }
                        inodeToPid.put(inode, pid);
                        if (inode == wanted) {
                            found = pid;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // process gone or not ours to read
            }
        }
        return found;
    }

    private static List<Integer> allPids() {
        ArrayDeque<Integer> pids = new ArrayDeque<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars()
                .allMatch(Character::isDigit))) {
            for (Path p : ds) {
                pids.add(Integer.parseInt(p.getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            // nothing
        }
        return List.copyOf(pids);
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
