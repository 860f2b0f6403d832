package org.port853.cli;

import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;
import picocli.CommandLine;

/** Prints a change's result: a JSON document, or one line (to stderr when it failed). */
final class Results {
    private Results() {
    }

    static void print(CommandLine cl, ApplyResult r, boolean json, Plan plan) {
        if (json) {
            cl.getOut().println(Json.write(Json.result(r, plan)));
            return;
        }
        String label = label(r.outcome());
        String reason = r.reason() == null ? "" : r.reason();
        String line = (reason.toLowerCase(java.util.Locale.ROOT).startsWith(label.toLowerCase(java.util.Locale.ROOT))
                ? Character.toUpperCase(reason.charAt(0)) + reason.substring(1) : label + ": " + reason)
                + " (" + r.elapsed().toMillis() + " ms).";
        (r.succeeded() ? cl.getOut() : cl.getErr()).println(line);
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
