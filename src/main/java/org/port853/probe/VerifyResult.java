package org.port853.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.port853.capture.LeakRecord;

/**
 * What a verification found. Pure value; {@link #judge} holds the rules, shared by the window and the command line.
 *
 * @param verdict          see {@link VerifyVerdict}
 * @param outcomes         one per test query, in the order sent
 * @param encryptedPackets packets on port 853 the capture saw while the queries travelled (all programs)
 * @param leakedQueries    our test queries seen in plaintext off the machine, one per (name, server, interface)
 * @param otherLeaks       plaintext queries of other programs seen meanwhile, in capture order
 */
public record VerifyResult(VerifyVerdict verdict, List<QueryOutcome> outcomes, long encryptedPackets,
                           List<LeakRecord> leakedQueries, List<LeakRecord> otherLeaks) {

    public VerifyResult {
        outcomes = List.copyOf(outcomes);
        leakedQueries = List.copyOf(leakedQueries);
        otherLeaks = List.copyOf(otherLeaks);
    }

    public int queries() {
        return outcomes.size();
    }

    public long answered() {
        return outcomes.stream().filter(QueryOutcome::answered).count();
    }

    public long failed() {
        return queries() - answered();
    }

    /** How many different test names leaked (a resolver may send one name more than once). */
    public int leakedNames() {
        Set<String> names = new HashSet<>();
        for (LeakRecord r : leakedQueries) {
            names.add(normalize(r.name()));
        }
        return names.size();
    }

    /**
     * The rules. {@code leaksMeanwhile} are all plaintext queries the capture saw while the test ran (ours are
     * recognised by name, case-insensitively); {@code captured} is false when nothing could be watched.
     */
    public static VerifyResult judge(List<QueryOutcome> outcomes, boolean captured, long encryptedPackets,
                                     Collection<LeakRecord> leaksMeanwhile) {
        if (!captured) {
            return new VerifyResult(VerifyVerdict.CAPTURE_UNAVAILABLE, outcomes, 0, List.of(), List.of());
        }
        Set<String> ours = new HashSet<>();
        for (QueryOutcome q : outcomes) {
            ours.add(normalize(q.name()));
        }
        Map<String, LeakRecord> leaked = new LinkedHashMap<>();
        List<LeakRecord> others = new ArrayList<>();
        for (LeakRecord r : leaksMeanwhile) {
            String name = normalize(r.name());
            if (ours.contains(name)) {
                leaked.putIfAbsent(name + '\n' + r.server() + '\n' + r.iface(), r);
            } else {
                others.add(r);
            }
        }
        boolean anyAnswer = outcomes.stream().anyMatch(QueryOutcome::answered);
        VerifyVerdict v = !leaked.isEmpty() ? VerifyVerdict.LEAKED
                : !anyAnswer ? VerifyVerdict.NO_ANSWER
                : encryptedPackets <= 0 ? VerifyVerdict.UNPROVEN
                : VerifyVerdict.ALL_ENCRYPTED;
        return new VerifyResult(v, outcomes, Math.max(0, encryptedPackets), new ArrayList<>(leaked.values()), others);
    }

    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
