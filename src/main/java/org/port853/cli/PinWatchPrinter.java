package org.port853.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.port853.core.InvalidInputException;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.pins.NetworkChanges;
import org.port853.probe.pins.PinWatcher;
import org.port853.probe.pins.ServerPins;

/** What {@code pins --watch} prints: one block per check, an ALERT line per changed key. */
final class PinWatchPrinter {
    private static final Pattern PERIOD = Pattern.compile("([1-9][0-9]{0,5})([smh])");
    private final PrintWriter out;

    PinWatchPrinter(PrintWriter out) {
        this.out = out;
    }

    static Duration parsePeriod(String text) {
        Matcher m = PERIOD.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new InvalidInputException("--every must be a number with s, m or h, e.g. 6h or 30m, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new InvalidInputException("--every must be at least 10s");
        }
        return d;
    }

    /** Subscribes the watcher to network changes, or says why it cannot (then only the period runs): null. */
    static NetworkChanges networkChanges(PinWatcher watcher, PrintWriter out) {
        try {
            return NetworkChanges.start(watcher::networkChanged);
        } catch (UnsupportedOperationException e) {
            out.println("Note: " + e.getMessage() + "; re-checking on the period only.");
            return null;
        }
    }

    synchronized void print(PinWatcher.Checked c) {
        String when = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        out.println(when + " check (" + c.trigger().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): "
                + c.result().pins().size() + " server(s)");
        for (ServerPins.Recorded p : c.result().pins()) {
            Check k = p.check();
            out.println((k.status() == CheckStatus.FAILURE ? "ALERT " : k.status().jsonName().toUpperCase() + " ")
                    + p.server() + ": " + k.evidence() + (k.fix() == null ? "" : " " + k.fix()));
        }
        if (c.result().problem() != null) {
            out.println("WARNING " + c.result().problem());
        }
        out.flush();
    }
}
