package org.port853.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.port853.platform.ApplyResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.doctor.RollbackCause;
import org.port853.probe.pins.ServerPins;
import org.port853.platform.Plan;
import picocli.CommandLine;

/** Prints a change's result: a JSON document, or one line (to stderr when it failed). */
final class Results {
    private Results() {
    }

    static void print(CommandLine cl, ApplyResult r, boolean json, Plan plan) {
        print(cl, r, json, plan, null);
    }

    /**
     * With {@code pins} (apply; null for other changes), the pins recorded for the servers the change put in place:
     * a "pins" field, or one line each.
     */
    static void print(CommandLine cl, ApplyResult r, boolean json, Plan plan, ServerPins.Result pins) {
        print(cl, r, json, plan, pins, null);
    }

    /**
     * With {@code probed} (what the probe of a rolled-back change's servers found, else null): its cause, a "cause"
     * field or a "Why:" line, and which servers answered, an "answered" list or a line.
     */
    static void print(CommandLine cl, ApplyResult r, boolean json, Plan plan, ServerPins.Result pins,
                      RollbackCause.Probed probed) {
        Check cause = probed == null ? null : probed.cause().orElse(null);
        java.util.Optional<org.port853.core.Sentence> answered = probed == null ? java.util.Optional.empty()
                : probed.answeredSaid();
        if (json) {
            ObjectNode doc = Json.result(r, plan);
            if (pins != null) {
                DoctorJson.chosenPins(doc, pins);
            }
            if (cause != null) {
                DoctorJson.check(doc.putObject("cause"), cause);
            }
            if (answered.isPresent()) {
                probed.answered().forEach(doc.putArray("answered")::add);
            }
            cl.getOut().println(Json.write(doc));
            return;
        }
        String label = label(r.outcome());
        String reason = r.reason() == null ? "" : org.port853.platform.RootAdvice.forThisUser(r.reason());
        String line = (reason.toLowerCase(java.util.Locale.ROOT).startsWith(label.toLowerCase(java.util.Locale.ROOT))
                ? Character.toUpperCase(reason.charAt(0)) + reason.substring(1) : label + ": " + reason)
                + (r.elapsed().isZero() ? "." : " (" + r.elapsed().toMillis() + " ms)."); // zero: nothing ran
        // a revert that restored settings with which names do not resolve did its job, but a fleet job must see it
        (r.succeeded() && !r.doneWithWarning() ? cl.getOut() : cl.getErr())
                .println(line);
        if (cause != null) {
            cl.getErr().println("Why: " + (cause.server() == null ? "" : cause.server() + ": ") + cause.evidence()
                    + (cause.fix() == null ? "" : " Fix: " + org.port853.platform.RootAdvice.forThisUser(cause.fix())));
        }
        answered.ifPresent(a -> cl.getErr().println(a.english()));
        if (pins == null) {
            return;
        }
        for (ServerPins.Recorded p : pins.pins()) {
            Check c = p.check();
            (c.status() == CheckStatus.FAILURE ? cl.getErr() : cl.getOut()).println("Pin " + p.server() + ": "
                    + c.evidence() + (c.fix() == null ? "" : " " + c.fix()));
        }
        if (pins.problem() != null) {
            cl.getErr().println("Pins: " + pins.problem() + " (the change itself stands).");
        }
    }

    private static String label(ApplyResult.Outcome o) {
        switch (o) {
            case APPLIED: return "Applied";
            case UNCHANGED: return "Unchanged";
            case ROLLED_BACK: return "Rolled back";
            case REFUSED: return "Refused";
            case REVERTED: return "Reverted";
            case KEPT: return "Kept";
            case PLANNED: return "Planned";
            case NOT_COVERED: return "Applied, but not covering everything";
            default: return "Failed";
        }
    }
}
