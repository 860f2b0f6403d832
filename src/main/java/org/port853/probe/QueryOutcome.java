package org.port853.probe;

import java.time.Duration;

/**
 * One test query: the name asked, whether an answer came back (NOERROR or NXDOMAIN: NXDOMAIN still proves the
 * path; a SERVFAIL or REFUSED is the resolver giving up, not an answer), the response code text when a response came
 * back, how long it took, and the error when there was no answer; {@code unheardAt}: the address and port where nothing
 * listened (the port was unreachable), else null.
 */
public record QueryOutcome(String name, boolean answered, String rcode, Duration elapsed, String error, String unheardAt) {
    public QueryOutcome(String name, boolean answered, String rcode, Duration elapsed, String error) {
        this(name, answered, rcode, elapsed, error, null);
    }
}
