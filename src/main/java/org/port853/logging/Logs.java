package org.port853.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.logging.FileHandler;
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

    private Logs() {
    }

    /** The log file of this process, or null before {@link #init()} or when it could not be opened. */
    public static Path file() {
        return file;
    }

    /** Sets up the file log once per process; never throws (a program must run without its log). */
    public static synchronized void init() {
        if (file != null) {
            return;
        }
        Path f = stateDir(System.getenv(), System.getProperty("user.home", "")).resolve("port853.log");
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler old : root.getHandlers()) {
            root.removeHandler(old); // the default console handler would print every INFO line to stderr
        }
        root.setLevel(Level.INFO);
        Logger.getLogger("org.freedesktop").setLevel(Level.WARNING);
        try {
            Files.createDirectories(f.getParent());
            rotate(f);
            Handler h = new FileHandler(f.toString(), true);
            h.setFormatter(new OneLine());
            h.setEncoding("UTF-8");
            root.addHandler(h);
            file = f;
        } catch (IOException | RuntimeException e) {
            // No log file (e.g. HOME is another user's): severe events still reach stderr, one line each, and the
            // first says where the log could not be written.
            Handler console = new java.util.logging.ConsoleHandler();
            console.setLevel(Level.SEVERE);
            console.setFormatter(new OneLine());
            root.addHandler(console);
            problem = "cannot write the log " + f + " (" + e.getMessage() + ")";
        }
    }

    /** Why there is no log file, or null. */
    public static String problem() {
        return problem;
    }

    /** {@code $XDG_STATE_HOME/port853}, else {@code $HOME/.local/state/port853}. */
    public static Path stateDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("port853");
        }
        String home = env.getOrDefault("HOME", userHome);
        if (home == null || home.isEmpty() || !Path.of(home).isAbsolute()) {
            home = userHome;
        }
        return Path.of(home).resolve(".local/state/port853");
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
