package org.port853.ui.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.port853.capture.LeakRecord;
import org.port853.core.ResolverState;
import org.port853.ui.common.I18n;

/** Leaked queries grouped by name or by program, newest group first, each with why it leaked and the fix. */
public final class LeakGroups {
    public enum By { NAME, PROGRAM }

    /**
     * One group: its key (a name or a program), how many queries, the newest time, where they went, and why;
     * {@code apart}: what sets it apart from the other groups of the same key (null when it has none).
     */
    public record Group(String key, int queries, Instant newest, Set<String> servers, Set<String> interfaces,
                        LeakExplainer.Why why, String apart) {

        /** The key, and what sets it apart when another group has the same key: "example.com (sent by dig, …)". */
        public String title() {
            return apart == null ? key : I18n.t("leaks.group.title", key, apart);
        }
    }

    private LeakGroups() {
    }

    /**
     * Who asked: the program that could not be identified, and Port853's own checks; {@code looked}: the capture looked
     * for the programs (as root, or through the capture service), which a fix then does not suggest.
     */
    public record Programs(String unknown, String ownCheck, boolean looked) {
        public Programs(String unknown, String ownCheck) {
            this(unknown, ownCheck, false);
        }
    }

    /**
     * {@code lastChange}: when the resolver's settings last changed while the leaks were watched (null: not since);
     * {@code ownCheck}: which queries were Port853's own lookups (grouped as their own program).
     */
    public static List<Group> group(List<LeakRecord> leaks, By by, ResolverState state, Instant lastChange,
                                    Programs programs, Predicate<LeakRecord> ownCheck) {
        return group(leaks, by, state, lastChange, programs, ownCheck,
                r -> LeakExplainer.bypassesResolver(r, state, lastChange));
    }

    /** As above; {@code programsOwn}: which leaks are a program's own ({@link OwnLeaks} keeps them so). */
    public static List<Group> group(List<LeakRecord> leaks, By by, ResolverState state, Instant lastChange,
                                    Programs programs, Predicate<LeakRecord> ownCheck,
                                    Predicate<LeakRecord> programsOwn) {
        Function<LeakRecord, String> key = by == By.NAME ? r -> nz(r.name(), "?")
                : r -> ownCheck.test(r) ? programs.ownCheck()
                : r.process() == null ? programs.unknown() : r.program(); // the asking program, without pid
        // leaks from before the last change are a group of their own: they have another cause and no fix left, and
        // one group explained by its newest query said the new cause of the old ones too. Not a program's own leaks:
        // no change of settings touches them, so before and after are one group; but they are never one group with
        // the same name's other leaks, which one program's explanation would claim as its own
        Map<Key, List<LeakRecord>> groups = new LinkedHashMap<>();
        // thousands of old leaks are mostly the same few queries again: each distinct one is explained once
        Map<LeakExplainer.CauseInputs, Boolean> fixedSince = new HashMap<>();
        for (LeakRecord r : leaks) {
            boolean own = !ownCheck.test(r) && programsOwn.test(r); // Port853's own lookup went through the resolver
            // only a cause the change removed makes them another group: one it left in place explains both alike
            // (the change's time is when its result came, after its own health check had asked under it)
            boolean before = lastChange != null && r.time() != null && r.time().isBefore(lastChange) && !own
                    && fixedSince.computeIfAbsent(LeakExplainer.CauseInputs.of(r),
                    k -> LeakExplainer.explain(r, state, lastChange).cause() == LeakExplainer.Cause.FIXED_SINCE);
            // a program's own leaks are one group per program (each run of dig is one program, not one per pid):
            // one program's explanation never claims another's
            String sender = own ? LeakExplainer.sender(r) : null;
            groups.computeIfAbsent(new Key(key.apply(r), before, own,
                            sender == null ? null : LeakRecord.programName(sender)),
                    k -> new ArrayList<>()).add(r);
        }
        Map<String, Long> sameKey = groups.keySet().stream()
                .collect(java.util.stream.Collectors.groupingBy(Key::shown, java.util.stream.Collectors.counting()));
        boolean beforeAny = groups.keySet().stream().anyMatch(Key::beforeLastChange);
        List<Group> out = new ArrayList<>();
        for (Map.Entry<Key, List<LeakRecord>> e : groups.entrySet()) {
            Instant newest = null;
            Set<String> servers = new LinkedHashSet<>();
            Set<String> ifaces = new LinkedHashSet<>();
            LeakRecord latest = null;
            for (LeakRecord r : e.getValue()) {
                if (r.time() != null && (newest == null || r.time().isAfter(newest))) {
                    newest = r.time();
                    latest = r;
                }
                if (r.server() != null) servers.add(r.server());
                if (r.iface() != null) ifaces.add(r.iface());
            }
            LeakRecord sample = latest != null ? latest : e.getValue().get(0);
            out.add(new Group(e.getKey().shown(), e.getValue().size(), newest, servers, ifaces, e.getKey().ownResolver()
                    ? LeakExplainer.explainOwn(sample, state, lastChange, programs.looked())
                    : LeakExplainer.explain(sample, state, lastChange, ownCheck.test(sample), programs.looked()),
                    sameKey.get(e.getKey().shown()) > 1 ? apart(e.getKey(), lastChange, beforeAny) : null));
        }
        out.sort(Comparator.comparing(Group::newest, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    private record Key(String shown, boolean beforeLastChange, boolean ownResolver, String sender) {
    }

    /**
     * What sets a group apart from another of the same name or program, which would otherwise read as the same leak
     * twice (a name asked by dig and, its socket gone before it could be looked up, by a sender not identified): who
     * sent a program's own queries, else when they were asked against the last change.
     */
    private static String apart(Key k, Instant lastChange, boolean beforeAny) {
        if (k.ownResolver()) {
            return I18n.t("leaks.group.apart.sentBy", LeakExplainer.programWords(
                    LeakRecord.UNKNOWN_PROGRAM.equals(k.sender()) ? null : k.sender()));
        }
        if (k.beforeLastChange()) {
            return I18n.t("leaks.group.apart.before", I18n.timeWithSeconds(lastChange));
        }
        return beforeAny ? I18n.t("leaks.group.apart.since", I18n.timeWithSeconds(lastChange))
                : I18n.t("leaks.group.apart.resolver");
    }

    private static String nz(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
