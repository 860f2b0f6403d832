package org.port853.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.port853.platform.ProcessRunner;

/**
 * One line per privileged change in the system log (syslog facility authpriv, tag port853), with the uid of
 * the user who asked: {@code logger} hands it to journald or the syslog daemon, whichever runs. A log that
 * cannot be written never blocks the change; the failure goes to Port853's own log instead.
 */
public final class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static volatile Consumer<String> sink = AuditLog::toSyslog;

    private AuditLog() {
    }

    public static void record(Requester who, String action, String outcome, String detail) {
        String line = "uid=" + who.uid() + " via=" + who.via() + " action=" + action + " outcome=" + outcome
                + (detail == null ? "" : " " + oneLine(detail));
        sink.accept(line);
    }

    /** For tests: where lines go instead of syslog; returns the previous sink. */
    static Consumer<String> redirect(Consumer<String> s) {
        Consumer<String> old = sink;
        sink = s;
        return old;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return t.length() > 400 ? t.substring(0, 400) + "..." : t;
    }

    private static void toSyslog(String line) {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of("logger", "-t", "port853", "-p", "authpriv.notice",
                    "--", line), null, Duration.ofSeconds(5));
            if (!r.ok()) {
                LOG.warning("could not write to the system log (" + r.stderr().strip() + "): " + line);
            }
        } catch (IOException e) {
            LOG.warning("could not run logger (" + e.getMessage() + "): " + line);
        }
    }
}
