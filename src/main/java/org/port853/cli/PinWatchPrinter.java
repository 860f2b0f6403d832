package org.port853.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.port853.core.InvalidInputException;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.pins.NetworkChanges;
import org.port853.probe.pins.PinWatcher;
import org.port853.probe.pins.ServerPins;

/** What {@code pins --watch} prints: one block per check, an ALERT line per changed key. */
final class PinWatchPrinter {
    private final PrintWriter out;

    PinWatchPrinter(PrintWriter out) {
        this.out = out;
    }

    static Duration parsePeriod(String text) {
        try {
            return PinWatcher.parsePeriod(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--every " + e.getMessage());
        }
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
                + org.port853.core.EnglishCount.of(c.result().pins().size(), "server"));
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
