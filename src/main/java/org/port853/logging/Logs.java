package org.port853.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Port853's log: java.util.logging (dbus-java's slf4j goes there too, through slf4j-jdk14) into
 * {@code $XDG_STATE_HOME/port853/port853.log} (else {@code ~/.local/state/port853/port853.log}), one line per
 * event, rotated when it passes 1 MiB (one old file kept as {@code port853.log.1}). Nothing goes to the console:
 * the command line's stderr stays the one sentence scripts read, and the window shows what matters itself.
 */
public final class Logs {
    static final long MAX_BYTES = 1024 * 1024;
    private static volatile Path file;
    private static volatile String problem;
    /**
     * dbus-java's loggers, held: java.util.logging keeps loggers weakly, and a level set on one that is collected is
     * lost, after which dbus-java's INFO lines ("Using transport …") fill the user's log.
     */
    private static Logger quietDbus;

    private Logs() {
    }

    /** The log file of this process, or null before {@link #init()} or when it could not be opened. */
    public static Path file() {
        return file;
    }

    /** Sets up the file log once per process, now; never throws (a program must run without its log). */
    public static synchronized void init() {
        init(userDir());
    }

    /** This user's log folder: Port853's state folder ({@link org.port853.core.XdgDirs#state()}). */
    private static Path userDir() {
        return org.port853.core.XdgDirs.state();
    }

    /**
     * As {@link #init()}, with the log in {@code dir}: the privileged helper's is the system's
     * ({@link #HELPER_DIR}), not the home folder of the root user it runs as.
     */
    public static synchronized void init(Path dir) {
        if (file != null || problem != null) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler old : root.getHandlers()) {
            root.removeHandler(old); // the default console handler would print every INFO line to stderr
        }
        root.setLevel(Level.INFO);
        quietDbus = Logger.getLogger("org.freedesktop");
        quietDbus.setLevel(Level.WARNING);
        root.addHandler(openHandler(dir));
    }

    /** Where the privileged helper logs; the package's purge removes it. */
    public static final Path HELPER_DIR = Path.of("/var/log/port853");

    /**
     * As {@link #init(Path)} for a log that root writes ({@link #HELPER_DIR}): its directory and file are made, or made
     * again, writable by root alone, whatever the umask root was started with (pkexec passes the caller's on), since a
     * link planted in the directory would make root create or append to a file anywhere.
     */
    public static synchronized void initRootLog(Path dir) {
        try {
            rootOnly(dir);
        } catch (IOException | RuntimeException e) {
            // the log is opened as it is, or its failure said, by init
        }
        init(dir);
    }

    static void rootOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        notWritableByOthers(dir);
        // from here on only root can add to the directory: remove what a user planted while it was open to all
        Path log = dir.resolve("port853.log");
        if (!Files.exists(log, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean planted = !Files.isRegularFile(log, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || ((Number) Files.getAttribute(log, "unix:nlink", java.nio.file.LinkOption.NOFOLLOW_LINKS)).intValue() > 1;
        if (planted) {
            Files.delete(log); // a link, or a hard link to a file elsewhere
        } else {
            notWritableByOthers(log);
        }
    }

    /** Takes the group's and others' write permission away, leaving the rest as the administrator set it. */
    private static void notWritableByOthers(Path p) throws IOException {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = new java.util.HashSet<>(
                Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        if (mode.remove(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                | mode.remove(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
            Files.setPosixFilePermissions(p, mode);
        }
    }

    /**
     * Sets up the same log when java.util.logging is first used, not now: setting it up costs about 50 ms of
     * CPU at start (the logging back-end search opens every jar), which a command that logs nothing should not
     * pay. Until then no console handler exists, so nothing reaches stderr. Has no effect when the JVM was
     * given its own logging configuration.
     */
    public static void initOnFirstUse() {
        if (System.getProperty("java.util.logging.config.class") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.config.class", Setup.class.getName());
        }
    }

    /** java.util.logging's configuration class ({@link #initOnFirstUse()}): the root logs to {@link FileLog}. */
    public static final class Setup {
        public Setup() throws IOException {
            String config = "handlers=" + FileLog.class.getName() + "\n.level=INFO\norg.freedesktop.level=WARNING\n";
            LogManager.getLogManager().readConfiguration(
                    new java.io.ByteArrayInputStream(config.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** The root logger's handler when set up on first use: the log file, or its stderr fallback. */
    public static final class FileLog extends Handler {
        private final Handler out = openHandler(userDir());

        @Override
        public void publish(LogRecord r) {
            out.publish(r);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.close();
        }
    }

    /**
     * The log file's handler; without a log file (e.g. HOME is another user's) severe events still reach stderr,
     * one line each, and {@link #problem()} says where the log could not be written.
     */
    private static synchronized Handler openHandler(Path dir) {
        Path f = dir.resolve("port853.log");
        try {
            Files.createDirectories(f.getParent());
            rotate(f);
            Handler h = new AppendingFile(f);
            h.setFormatter(new OneLine());
            h.setEncoding("UTF-8");
            file = f;
            return h;
        } catch (IOException | RuntimeException e) {
            Handler console = new java.util.logging.ConsoleHandler();
            console.setLevel(Level.SEVERE);
            console.setFormatter(new OneLine());
            problem = "cannot write the log " + f + " (" + e.getMessage() + ")";
            return console;
        }
    }

    /**
     * Appends each record to the file, flushed at once: several Port853 processes (the window, a command, the helper)
     * share one log, each line one write to a file opened for appending. JUL's {@code FileHandler} would lock the
     * file and send every other process to {@code port853.log.1}, which the next rotation overwrites.
     */
    static final class AppendingFile extends java.util.logging.StreamHandler {
        private final Path file;
        private Object opened;

        AppendingFile(Path f) throws IOException {
            file = f;
            open();
        }

        /**
         * A FileOutputStream, not a FileChannel: a channel is closed for good by one write on a thread whose interrupt
         * flag is set, and every later line would be lost. Root's log directory never holds a link ({@link #rootOnly}).
         */
        private void open() throws IOException {
            setOutputStream(new java.io.FileOutputStream(file.toFile(), true));
            opened = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        }

        /** Another process rotated the log meanwhile (renamed it to .1): write to the new file, not the renamed one. */
        @Override
        public synchronized void publish(LogRecord r) {
            try {
                Object now = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
                if (now == null || !now.equals(opened)) {
                    open();
                }
            } catch (IOException e) { // gone: make it again
                try {
                    open();
                } catch (IOException again) {
                    reportError(null, again, java.util.logging.ErrorManager.OPEN_FAILURE);
                }
            }
            super.publish(r);
            flush();
        }
    }

    /** Why there is no log file, or null. */
    public static String problem() {
        return problem;
    }

    static void rotate(Path f) throws IOException {
        if (Files.isRegularFile(f) && Files.size(f) > MAX_BYTES) {
            Files.move(f, f.resolveSibling(f.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code 2026-11-30T04:41:00Z WARNING org.port853.x: message | exception}. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder();
            b.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(r.getLevel()).append(' ')
                    .append(r.getLoggerName()).append(": ").append(formatMessage(r));
            Throwable t = r.getThrown();
            while (t != null) {
                b.append(" | ").append(t.getClass().getName()).append(": ").append(t.getMessage());
                t = t.getCause();
            }
            return b.toString().replace('\n', ' ') + System.lineSeparator();
        }
    }
}
