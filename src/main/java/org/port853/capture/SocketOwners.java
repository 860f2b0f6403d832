package org.port853.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which process holds a socket inode: its {@code /proc/PID/fd} links to {@code socket:[INODE]}. Processes seen
 * recently are checked first, then all of {@code /proc}, the newest first (at most {@link #MAX_FULL_SCANS_PER_SECOND}
 * full scans a second). Found inodes are cached for {@link #TTL_NANOS} (bounded, oldest out), inodes not found are not
 * looked for again within that time. When the process cannot be found (it exited, or its fds belong to another user
 * and this process may not read them) the socket's owner uid is given as {@code uid 1000 (alice)}. One thread only;
 * public for checks that name the program listening on a port (the doctor's port-53 exposure).
 */
public final class SocketOwners {
    static final long TTL_NANOS = 10_000_000_000L;
    static final int MAX_CACHE = 1024;
    static final int MAX_FULL_SCANS_PER_SECOND = 20;
    private static final Path PROC = Path.of("/proc");

    private record Owner(SocketHolder holder, long at) {
    }

    private final LinkedHashMap<Long, Owner> cache = new LinkedHashMap<>();
    private final LinkedHashSet<Integer> recentPids = new LinkedHashSet<>();
    private final Map<Integer, String> userNames = new HashMap<>();
    private long scanWindowStart;
    private int scansInWindow;

    /** "dig (812)", else "uid 1000 (alice)" (or "uid 1000"). */
    String describe(long inode, int uid) {
        return holder(inode, uid).text();
    }

    /** Who holds the socket {@code inode} (from the kernel's socket tables), owned by {@code uid}. */
    public SocketHolder holder(long inode, int uid) {
        long now = System.nanoTime();
        Owner o = cache.get(inode);
        if (o != null && now - o.at < TTL_NANOS) {
            return o.holder;
        }
        SocketHolder h = find(inode, uid);
        cache.remove(inode);
        cache.put(inode, new Owner(h, now));
        if (cache.size() > MAX_CACHE) {
            cache.remove(cache.keySet().iterator().next());
        }
        return h;
    }

    private SocketHolder find(long inode, int uid) {
        String link = "socket:[" + inode + "]";
        Integer pid = scan(List.copyOf(recentPids), link);
        if (pid == null && mayFullScan()) {
            pid = scan(newestFirst(allPids()), link);
        }
        String user = userNames.computeIfAbsent(uid, SocketOwners::userName);
        if (pid == null) {
            return new SocketHolder(null, 0, uid, user);
        }
        recentPids.remove(pid);
        recentPids.add(pid);
        if (recentPids.size() > 32) {
            recentPids.remove(recentPids.iterator().next());
        }
        String name = ProgramNames.of(pid);
        return new SocketHolder(name, name == null ? 0 : pid, uid, user);
    }

    private boolean mayFullScan() {
        long now = System.nanoTime();
        if (now - scanWindowStart > 1_000_000_000L) {
            scanWindowStart = now;
            scansInWindow = 0;
        }
        return scansInWindow++ < MAX_FULL_SCANS_PER_SECOND;
    }

    private static Integer scan(Iterable<Integer> pids, String link) {
        for (int pid : pids) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
                for (Path fd : fds) {
                    try {
                        if (Files.readSymbolicLink(fd).toString().equals(link)) {
                            return pid;
                        }
                    } catch (IOException e) {
                        // fd closed meanwhile
                    }
                }
            } catch (IOException | RuntimeException e) {
                // process gone or not ours to read
            }
        }
        return null;
    }

    private static String userName(int uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":", 4);
                if (f.length > 2 && f[2].equals(Integer.toString(uid))) {
                    return f[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // no name
        }
        return "";
    }

    private static List<Integer> allPids() {
        List<Integer> pids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(PROC)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
                    pids.add(Integer.parseInt(n));
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing
        }
        return pids;
    }

    /**
     * Highest pid first: a socket that closes within milliseconds mostly belongs to a program that has just started
     * ({@code dig}, {@code curl}), and the kernel gives new processes rising pids (after a wrap-around the order helps
     * less, and is never wrong).
     */
    static List<Integer> newestFirst(List<Integer> pids) {
        List<Integer> sorted = new ArrayList<>(pids);
        sorted.sort(java.util.Comparator.reverseOrder());
        return sorted;
    }
}
