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
 * @param encryptedPackets encrypted packets on port 853 the capture saw while the queries travelled (all programs;
 *                         from a capture pipeline only those carrying TLS or QUIC, see {@link Verifier})
 * @param leakedQueries    our test queries seen in plaintext off the machine, one per (name, server, interface)
 * @param otherLeaks       plaintext queries of other programs (or with unreadable names) seen meanwhile, in
 *                         capture order
 * @param leakPackets      plaintext DNS packets (leak class and plaintext on 853) the meter counted meanwhile
 * @param reasons          why the verdict is not {@link VerifyVerdict#ALL_ENCRYPTED} (empty when it is)
 */
public record VerifyResult(VerifyVerdict verdict, List<QueryOutcome> outcomes, long encryptedPackets,
                           List<LeakRecord> leakedQueries, List<LeakRecord> otherLeaks, long leakPackets,
                           List<String> reasons) {

    public VerifyResult {
        outcomes = List.copyOf(outcomes);
        leakedQueries = List.copyOf(leakedQueries);
        otherLeaks = List.copyOf(otherLeaks);
        reasons = List.copyOf(reasons);
    }

    /**
     * What the capture saw besides leak entries while the test ran: all must be zero (and {@code captureEnded} null)
     * for ALL_ENCRYPTED. {@code captureEnded}: null while the capture kept running, else why it ended before the test
     * did ("" when it gave no reason): what was sent after that was not watched.
     */
    public record Evidence(long encryptedPackets, long leakPackets, long plaintext853Packets, long drops,
                           long lostLeakMessages, String captureEnded) {
        public static final Evidence NONE = new Evidence(0, 0, 0, 0, 0);

        public Evidence(long encryptedPackets, long leakPackets, long plaintext853Packets, long drops,
                        long lostLeakMessages) {
            this(encryptedPackets, leakPackets, plaintext853Packets, drops, lostLeakMessages, null);
        }

        public static Evidence encryptedOnly(long encrypted) {
            return new Evidence(encrypted, 0, 0, 0, 0);
        }
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
        return judge(outcomes, captured, Evidence.encryptedOnly(encryptedPackets), leaksMeanwhile);
    }

    /**
     * The rules: one of our names in a leak entry → {@link VerifyVerdict#LEAKED}; no answer → NO_ANSWER; otherwise
     * any plaintext DNS packet counted while the queries travelled (leak class or plaintext on 853, with or without
     * an entry), another leak entry (another program, or a name that could not be read), a packet the capture
     * dropped, a leak message it lost, or no encrypted packet at all → {@link VerifyVerdict#UNPROVEN} with the
     * reasons. Only a clean window is {@link VerifyVerdict#ALL_ENCRYPTED}.
     */
    public static VerifyResult judge(List<QueryOutcome> outcomes, boolean captured, Evidence e,
                                     Collection<LeakRecord> leaksMeanwhile) {
        if (!captured) {
            return new VerifyResult(VerifyVerdict.CAPTURE_UNAVAILABLE, outcomes, 0, List.of(), List.of(), 0,
                    List.of("The traffic could not be watched."));
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
        List<String> reasons = new ArrayList<>();
        if (!leaked.isEmpty()) {
            reasons.add(leaked.size() + " test quer" + (leaked.size() == 1 ? "y" : "ies") + " left in plaintext.");
        }
        if (!anyAnswer) {
            reasons.add("No test query was answered.");
        }
        long plain = e.leakPackets() + e.plaintext853Packets();
        if (plain > 0) {
            reasons.add(plain + " plaintext DNS packets left the machine while the test ran"
                    + (e.plaintext853Packets() > 0 ? " (" + e.plaintext853Packets() + " of them on port 853 without TLS)"
                    : "") + ".");
        }
        if (!others.isEmpty()) {
            reasons.add(others.size() + " other plaintext quer" + (others.size() == 1 ? "y" : "ies")
                    + " (other programs, or names that could not be read) left meanwhile.");
        }
        if (e.drops() > 0) {
            reasons.add("The capture dropped " + e.drops() + " packets: it may have missed a leak.");
        }
        if (e.captureEnded() != null) {
            reasons.add("The capture stopped while the test ran" + (e.captureEnded().isEmpty() ? ""
                    : " (" + e.captureEnded() + ")") + ": it may have missed a leak.");
        }
        if (e.lostLeakMessages() > 0) {
            reasons.add(e.lostLeakMessages() + " plaintext DNS messages could not be examined (capture overloaded).");
        }
        if (e.encryptedPackets() <= 0) {
            reasons.add("No encrypted DNS traffic was seen.");
        }
        VerifyVerdict v = !leaked.isEmpty() ? VerifyVerdict.LEAKED
                : !anyAnswer ? VerifyVerdict.NO_ANSWER
                : !reasons.isEmpty() ? VerifyVerdict.UNPROVEN
                : VerifyVerdict.ALL_ENCRYPTED;
        return new VerifyResult(v, outcomes, Math.max(0, e.encryptedPackets()), new ArrayList<>(leaked.values()),
                others, plain, reasons);
    }

    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
