package org.port853.probe.doctor;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.platform.LocalBus;
import org.port853.platform.ProcessRunner;
import org.port853.platform.linux.LinuxDetails;
import org.port853.platform.linux.ResolvedConfFiles;

/** The real sources on Linux: timedated over D-Bus, adjtimex(2), journalctl, /proc/net and /proc/PID/fd, nft. */
public final class LinuxSystemSources implements SystemSources {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /**
     * Why this user read nothing of the system journal. The reasons here say no parenthesis: the window says them
     * inside its own ("the journal checks (...)").
     */
    private static final Sentence NOT_ALLOWED = Sentence.of("this user may not read the system journal; join the "
            + "group 'systemd-journal' or 'adm', or run doctor as root", "journal-not-allowed");
    static final List<Path> JOURNAL_DIRS = List.of(Path.of("/var/log/journal"), Path.of("/run/log/journal"));

    /** Why the clock's synchronisation is unknown when the time service cannot be asked, in a user's words. */
    static final String TIMEDATED_UNAVAILABLE = "systemd-timedated, the service that knows, is not running or cannot be "
            + "reached";

    /** adjtimex(2) with modes = 0 only reads; no privilege needed. */
    interface LibC extends Library {
        int adjtimex(Pointer timex);
    }

    @Override
    public ClockStatus clock() {
        Boolean ntp = null;
        String problem = null;
        try {
            ntp = CompletableFuture.supplyAsync(() -> ntpSynchronized(DBusConnectionBuilder.forSystemBus()))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            problem = "systemd-timedated, the service that knows, did not answer within " + TIMEOUT.toSeconds() + " s";
        } catch (Exception e) {
            problem = TIMEDATED_UNAVAILABLE; // the bus's error text ("The name ... was not provided by any .service files") says no more
        }
        try {
            LibC c = Native.load("c", LibC.class);
            Memory timex = new Memory(256);
            timex.clear();
            int state = c.adjtimex(timex);
            // x86-64/aarch64 struct timex: modes(int,+pad) offset(long@8) freq(@16) maxerror(@24) esterror(@32) status(int@40)
            long offset = timex.getLong(8);
            long esterror = timex.getLong(32);
            int status = timex.getInt(40);
            double scale = (status & 0x2000) != 0 ? 1e6 : 1e3; // STA_NANO: offset in ns, else µs
            boolean synced = state != 5 && (status & 0x40) == 0; // TIME_ERROR, STA_UNSYNC
            return new ClockStatus(ntp, synced, esterror / 1e3, offset / scale, problem);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return new ClockStatus(ntp, null, null, null, problem);
        }
    }

    /** One attempt to connect ({@link LocalBus}): without a system bus, say so instead of "timedated did not answer". */
    static Boolean ntpSynchronized(DBusConnectionBuilder builder) {
        try (DBusConnection bus = LocalBus.connect(builder.withShared(false))) {
            Properties p = bus.getRemoteObject("org.freedesktop.timedate1", "/org/freedesktop/timedate1", Properties.class);
            return p.Get("org.freedesktop.timedate1", "NTPSynchronized");
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    @Override
    public JournalExcerpt resolvedJournal() throws IOException {
        Sentence problem = systemJournalProblem(JOURNAL_DIRS, Files::isReadable);
        if (problem != null) {
            throw new JournalUnreadable(problem);
        }
        // no -q: journalctl's notices on stderr also tell an absent or unreadable journal (its exit code is 0)
        return journalLines(ProcessRunner.run(JOURNAL_COMMAND, null, TIMEOUT));
    }

    /**
     * This boot's last {@link #JOURNAL_LINES} lines of resolved's unit, dated: the excerpt starts where systemd last
     * started it ({@link JournalExcerpt#ofShortUnix}); the cap and {@link #TIMEOUT} keep a huge journal from stalling.
     */
    static final int JOURNAL_LINES = 2000;
    static final List<String> JOURNAL_COMMAND = List.of("journalctl", "-b", "-u", "systemd-resolved", "-n",
            String.valueOf(JOURNAL_LINES), "-o", "short-unix", "--no-pager");

    /**
     * Why this user cannot read the system journal, or null when it can: journalctl exits 0 with empty output both
     * when there is no journal and when the user may only read their own, which must not pass for "resolved said
     * nothing". System journal files live in a machine-id folder under one of {@code dirs}.
     */
    static Sentence systemJournalProblem(List<Path> dirs, Predicate<Path> readable) {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> machines = Files.list(dir)) {
                for (Path machine : (Iterable<Path>) machines::iterator) {
                    try (Stream<Path> inside = Files.list(machine)) {
                        inside.filter(LinuxSystemSources::isSystemJournal).forEach(files::add);
                    } catch (IOException | UncheckedIOException e) {
                        // not a folder, or gone meanwhile
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // no such folder: journald keeps no journal there
            }
        }
        if (files.isEmpty()) {
            String where = dirs.stream().map(Path::toString).collect(Collectors.joining(", "));
            return Sentence.of("there is no journal to read: no system journal in " + where
                    + ", so systemd-journald is not running or keeps no journal", "journal-none", where);
        }
        if (files.stream().noneMatch(readable)) {
            return NOT_ALLOWED;
        }
        return null;
    }

    private static boolean isSystemJournal(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("system") && (n.endsWith(".journal") || n.endsWith(".journal~"));
    }

    /**
     * The journal's lines from journalctl's result; throws with the reason when there is no journal to read or this
     * user may not read the system's part of it (empty output then says nothing about resolved).
     */
    static JournalExcerpt journalLines(ProcessRunner.Result r) throws IOException {
        String err = r.stderr() == null ? "" : r.stderr();
        if (r.timedOut()) {
            throw new JournalUnreadable(Sentence.of("journalctl did not answer within " + TIMEOUT.toSeconds() + " s",
                    "journal-slow", TIMEOUT.toSeconds()));
        }
        if (err.contains("No journal files were found")) {
            throw new JournalUnreadable(Sentence.of("there is no journal to read: journalctl found no journal files, "
                    + "so systemd-journald is not running or keeps no journal", "journal-no-files"));
        }
        if (err.contains("not seeing messages from other users and the system")) {
            throw new JournalUnreadable(NOT_ALLOWED);
        }
        if (r.exitCode() != 0) {
            throw new IOException("journalctl failed: " + err.strip());
        }
        return JournalExcerpt.ofShortUnix(r.stdout());
    }

    @Override
    public List<ListeningSockets.Socket> dnsSockets() {
        List<ListeningSockets.Socket> out = new ArrayList<>();
        for (String p : List.of("tcp", "tcp6", "udp", "udp6")) {
            try {
                out.addAll(ListeningSockets.port53(Files.readString(Path.of("/proc/net", p)), p));
            } catch (IOException e) {
                // no IPv6 table on a kernel without IPv6
            }
        }
        org.port853.capture.SocketOwners owners = new org.port853.capture.SocketOwners();
        return out.stream().map(s -> s.heldBy(owners.holder(s.inode(), s.uid()))).toList();
    }

    @Override
    public List<org.port853.capture.RunningPrograms.Running> runningPrograms() {
        return org.port853.capture.RunningPrograms.list();
    }

    @Override
    public String nftRuleset() {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of("nft", "-j", "list", "ruleset"), null, TIMEOUT);
            return r.ok() ? r.stdout() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Map<String, String> resolvedKeys(ResolverState state) {
        return ResolvedConfFiles.effectiveKeys(state.platform() instanceof LinuxDetails d ? d.dropIns() : List.of());
    }

    @Override
    public int resolverVersion(ResolverState state) {
        return state.platform() instanceof LinuxDetails ? ((LinuxDetails) state.platform()).systemdVersion() : 0;
    }
}
