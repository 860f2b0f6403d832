package org.port853.probe;

import java.time.Duration;

/**
 * One test query: the name asked, whether an answer came back (any response code counts: NXDOMAIN still
 * proves the path), the response code text, how long it took, and the error when there was no answer.
 */
public record QueryOutcome(String name, boolean answered, String rcode, Duration elapsed, String error) {
}
