package org.port853.probe;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends test queries through the system resolver (the Verify feature). Blocking: call off the UI thread. */
public interface QuerySender {
    /** Where the queries go, for people ("127.0.0.53 (system resolver)"). */
    String target();

    List<QueryOutcome> send(List<String> names, Duration timeout);

    /**
     * Unique names that no cache can answer, so each one really travels: {@code p853-<random>.<zone>}. The
     * zone is a real, reserved-for-documentation domain so nothing depends on a third party's zone content.
     */
    static List<String> uniqueNames(int count, String zone) {
        SecureRandom r = new SecureRandom();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add("p853-" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36) + "." + zone);
        }
        return out;
    }
}
