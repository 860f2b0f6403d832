package org.port853.probe;

import java.util.Optional;
import org.port853.core.Assessment;
import org.port853.core.Reason;
import org.port853.core.Severity;

/**
 * Why none of Verify's test queries was answered, where the resolver's configuration says it: with no DNS server
 * anywhere, the resolver refuses every name itself, and its response code alone ("REFUSED") would point at a server
 * that does not exist; with the resolver stopped, each query would only ask whether it runs. The window's Verify and {@code port853 verify} both say it from the same reason as Status.
 */
public final class NoAnswerCause {
    private NoAnswerCause() {
    }

    /** The assessment's reason that explains {@code r}'s silence, if {@code r} got no answer and {@code a} has one. */
    public static Optional<Reason> of(VerifyResult r, Assessment a) {
        if (r.verdict() != VerifyVerdict.NO_ANSWER || a == null) {
            return Optional.empty();
        }
        // NO_SERVERS as a warning is the other case: programs then ask /etc/resolv.conf's own servers, which answer.
        // UNAVAILABLE: the resolver is stopped, missing or unreadable, and status's reason says how to start it
        return a.reasons().stream().filter(x -> x.code().equals(Reason.NO_SERVERS) && x.severity() == Severity.BROKEN
                || x.severity() == Severity.UNAVAILABLE).findFirst();
    }
}
