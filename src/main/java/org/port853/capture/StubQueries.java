package org.port853.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;

/**
 * Who asked a local resolver (systemd-resolved's stub 127.0.0.53 / 127.0.0.54 / ::1, any resolver on loopback
 * port 53) for which name, for the last {@link #WINDOW}: a resolver's upstream query is attributed to the program
 * that asked it for the same name at most {@link #WINDOW} before (the newest such question); the resolver's
 * retries of that name by the same sender keep that program for {@link #RETRY_WINDOW} after the last match. Bounded
 * ({@link #MAX}, oldest out). One thread only.
 */
final class StubQueries {
    static final Duration WINDOW = Duration.ofSeconds(2);
    static final int MAX = 512;

    private record Asked(Instant time, String name, String asker) {
    }

    /** A resolver keeps retrying a name after its asker gave up: retries within this time keep the asker. */
    static final Duration RETRY_WINDOW = Duration.ofSeconds(15);

    private record Matched(Instant time, String sender, String asker) {
    }

    private final ArrayDeque<Asked> recent = new ArrayDeque<>();
    private final java.util.LinkedHashMap<String, Matched> matched = new java.util.LinkedHashMap<>();

    /** {@code asker}: "dig (812)", "uid 1000 (alice)" or null (unknown). */
    void asked(Instant time, String name, String asker) {
        recent.addLast(new Asked(time, name.toLowerCase(Locale.ROOT), asker));
        if (recent.size() > MAX) {
            recent.removeFirst();
        }
    }

    /**
     * The program that asked for {@code name} within {@link #WINDOW} before {@code time} ("unknown" when its socket
     * could not be attributed), or null when nobody asked a local resolver for it — or when the one that asked is
     * the sender itself (a program that asks the stub and then leaks on its own did not go through a resolver).
     * {@code sender} null: the sending socket was gone before it could be looked up (a resolver's short-lived retry
     * socket); the asker is named all the same, since it is the program behind the query either way.
     */
    String requester(Instant time, String name, String sender) {
        String n = name.toLowerCase(Locale.ROOT);
        Instant from = time.minus(WINDOW);
        for (Iterator<Asked> it = recent.descendingIterator(); it.hasNext(); ) {
            Asked a = it.next();
            if (a.time.isBefore(from)) {
                break;
            }
            if (!a.time.isAfter(time) && a.name.equals(n)) {
                String asker = a.asker == null ? LeakRecord.UNKNOWN_PROGRAM : a.asker;
                if (asker.equals(sender)) {
                    return null;
                }
                if (sender != null) { // retries are told by their sender: an unknown one cannot vouch for later ones
                    matched.remove(n);
                    matched.put(n, new Matched(time, sender, asker));
                    if (matched.size() > MAX) {
                        matched.remove(matched.keySet().iterator().next());
                    }
                }
                return asker;
            }
        }
        Matched m = matched.get(n);
        boolean sameSender = m != null && (sender == null || m.sender.equals(sender));
        return sameSender && !time.isAfter(m.time.plus(RETRY_WINDOW)) ? m.asker : null;
    }
}
