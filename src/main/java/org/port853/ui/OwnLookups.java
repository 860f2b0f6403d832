package org.port853.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

import org.port853.capture.LeakLog;
import org.port853.capture.LeakRecord;

/**
 * When Port853 itself asked the system resolver for a name (its lookup after a refresh, a change's health check).
 * The capture sees those queries like any program's: a leak among them is Port853's own check, which the window says
 * instead of leaving the user to wonder which program asked, and does not announce as a leak of theirs.
 */
public final class OwnLookups {
    /** The resolver's answer and its retries can come a little after the lookup returned. */
    private static final Duration AFTER = Duration.ofSeconds(5);
    private static final int KEPT = 32;

    /** {@code until} is null while the lookup runs. */
    private record Asked(String name, Instant from, Instant until) {
        boolean covers(String n, Instant t) {
            // the name itself, or a fresh name under it (older resolved's health check asks port853-<random>.NAME)
            return (name.equals(n) || n.endsWith("." + name) && n.startsWith("port853-")) && !t.isBefore(from)
                    && (until == null || !t.isAfter(until.plus(AFTER)));
        }
    }

    private final ConcurrentLinkedDeque<Asked> asked = new ConcurrentLinkedDeque<>();
    /**
     * The queries found to be Port853's own (name and time): only the newest lookups are kept, and every refresh makes
     * one, so a query of some minutes ago would otherwise turn into another program's while it is still listed.
     */
    private final java.util.Set<Covered> covered = java.util.Collections.newSetFromMap(java.util.Collections
            .synchronizedMap(new java.util.LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Covered, Boolean> eldest) {
                    return size() > LeakLog.DEFAULT_CAPACITY;
                }
            }));

    private record Covered(String name, Instant time) {
    }

    /** Runs {@code lookup}, which asks the resolver for {@code name} (null: it asks for none), and keeps when. */
    public <T> T asking(String name, Supplier<T> lookup) {
        if (name == null) {
            return lookup.get();
        }
        Asked running = new Asked(normal(name), Instant.now(), null);
        asked.addLast(running);
        try {
            return lookup.get();
        } finally {
            // the finished entry before the running one goes: a check in between sees one of them
            asked.addLast(new Asked(running.name(), running.from(), Instant.now()));
            asked.remove(running);
            while (asked.size() > KEPT && asked.peekFirst() != null && asked.peekFirst().until() != null) {
                asked.pollFirst();
            }
        }
    }

    /**
     * True when {@code r} is a query of a name Port853 was asking the resolver for at that moment, sent by the
     * resolver (or by a sender the capture could not name) for no other program: a query another program sent
     * itself, or asked the resolver for, is that program's.
     */
    public boolean covers(LeakRecord r) {
        if (r == null || r.name() == null || r.time() == null || r.requestedBy() != null) {
            return false;
        }
        String sender = org.port853.ui.traffic.LeakExplainer.sender(r);
        if (sender != null && !org.port853.ui.traffic.LeakExplainer.isSystemResolver(sender)) {
            return false;
        }
        String n = normal(r.name());
        Covered query = new Covered(n, r.time());
        if (covered.contains(query)) {
            return true;
        }
        boolean own = asked.stream().anyMatch(a -> a.covers(n, r.time()));
        if (own) {
            covered.add(query);
        }
        return own;
    }

    private static String normal(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
