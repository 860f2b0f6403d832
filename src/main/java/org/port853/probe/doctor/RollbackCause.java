package org.port853.probe.doctor;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecFailures;
import org.port853.core.DotMode;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;
import org.port853.core.SettingElsewhere;
import org.port853.core.Words;
import org.port853.platform.ApplyResult;
import org.port853.probe.dot.ProbeReport;

/**
 * Why a change that asked for encryption was rolled back, when its servers are the cause: the resolver only says
 * that no server could be reached; a quick probe of each chosen server names the first problem the doctor would
 * (nothing on port 853, no TLS, an untrusted certificate, a certificate for another name), with its fix.
 */
public final class RollbackCause {
    private final Function<List<ServerAddress>, List<ProbeReport>> prober;
    private final Clock clock;

    /**
     * What the probe after a rollback found: {@code cause} as {@link #of} names it, and every check of the chosen
     * servers' probe (empty where none ran), passes included.
     */
    public record Probed(Optional<Check> cause, List<Check> checks) {
        /** The servers whose port 853 answered with a TLS handshake, in the order probed. */
        public List<String> answered() {
            return checks.stream().filter(c -> c.id().equals("dot.reachable") && c.status() == CheckStatus.OK)
                    .map(Check::server).distinct().toList();
        }

        /** Which servers {@link #answered}, said for the window and the command line alike; empty where none ran. */
        public Optional<Sentence> answeredSaid() {
            if (checks.isEmpty()) {
                return Optional.empty();
            }
            String answered = String.join(", ", answered());
            return Optional.of(answered.isEmpty() ? Sentence.of("None of the chosen servers answered with a TLS "
                    + "handshake when checked after the rollback.", "cause.noneAnswered")
                    : Sentence.of("Answered with a TLS handshake when checked after the rollback: " + answered + ".",
                    "cause.answered", answered));
        }
    }

    public RollbackCause(Function<List<ServerAddress>, List<ProbeReport>> prober, Clock clock) {
        this.prober = prober;
        this.clock = clock;
    }

    /** Worth probing: a change towards encryption that was rolled back because its health check failed. */
    public static boolean applies(ApplyResult r, DesiredSettings desired) {
        return r.outcome() == ApplyResult.Outcome.ROLLED_BACK && failedItsCheck(r) && !causedByALink(r)
                && (desired.mode() != DotMode.OFF && !desired.servers().isEmpty() || dnssecFailure(r).isPresent());
    }

    /**
     * Not an interrupted change that was incomplete, nor one the resolver did not restart for (in their words; a reason
     * without words is taken as the check's): the servers had no part in those.
     */
    private static boolean failedItsCheck(ApplyResult r) {
        Words w = r.reasonBeforeNote().words();
        return w == null || !ApplyResult.ROLLED_BACK_WORDING.equals(w.wording())
                || String.valueOf(ApplyResult.ROLLED_BACK_BY_CHECK).equals(w.details().get(0));
    }

    /**
     * The change failed because a link kept plaintext DNS and took names beside the encrypted servers, or inherited
     * strict mode there and failed names that do not exist (in its own words, not the settings' from before): the
     * chosen servers answered, so they are not the cause.
     */
    public static boolean causedByALink(ApplyResult r) {
        Words w = r.reasonBeforeNote().words();
        return w != null && w.parts().size() > 1 && (mentions(w.parts().get(1), ApplyResult.PLAINTEXT_LINK)
                || mentions(w.parts().get(1), ApplyResult.FALLBACK_LINK)
                || mentions(w.parts().get(1), ApplyResult.STRICT_LINK));
    }

    private static boolean mentions(Words w, String wording) {
        return w != null && (wording.equals(w.wording()) || w.parts().stream().anyMatch(p -> mentions(p, wording)));
    }

    /**
     * Why {@code rolledBack} (a result {@link #applies} to) failed: a DNSSEC validation failure when the change's own
     * words say so (no probe: the servers answer, but not what DNSSEC needs; unless the settings from before fail too
     * and the probe finds that the servers answer no query), else the first failed check of the chosen servers; empty
     * when they all look fine. A warning (answers too large for UDP, a certificate near its end, an
     * unknown clock) does not fail a change, so it is never named as the cause.
     */
    public Optional<Check> of(ApplyResult rolledBack, DesiredSettings desired) {
        return of(rolledBack, desired, null);
    }

    /**
     * As above; {@code dnssecAfterOurs}: the file read after Port853's settings that sets DNSSEC= (it wins over
     * --dnssec no, so the fix names it), or null.
     */
    public Optional<Check> of(ApplyResult rolledBack, DesiredSettings desired, SettingElsewhere dnssecAfterOurs) {
        return probed(rolledBack, desired, dnssecAfterOurs).cause();
    }

    /** As {@link #of(ApplyResult, DesiredSettings, SettingElsewhere)}, with the probe's checks. */
    public Probed probed(ApplyResult rolledBack, DesiredSettings desired, SettingElsewhere dnssecAfterOurs) {
        Optional<String> dnssec = dnssecFailure(rolledBack);
        if (dnssec.isPresent()) {
            // with the settings from before failing too, the servers may answer no query at all: one that refuses
            // every query fails validation first (no-signature), and --dnssec no would not help; the probe tells
            // (a DNS-over-TLS probe says nothing of servers asked without encryption)
            List<Check> checks = previousAlsoFail(rolledBack) && desired.mode() != DotMode.OFF ? checks(desired)
                    : List.of();
            return new Probed(firstFailure(checks, RollbackCause::aboutQueries)
                    .or(() -> Optional.of(dnssecCause(dnssec.get(), dnssecAfterOurs))), checks);
        }
        // in strict mode an answer code from the server ("server or network returned error REFUSED") came over a
        // connection whose certificate the resolver accepted: the probe's own view of TCP, TLS and the certificate (its
        // trust store may differ) is then not the cause, only its finding about the queries can be
        boolean serverAnswered = desired.mode() == DotMode.STRICT && ANSWER_CODE.matcher(changesOwnWords(rolledBack))
                .find();
        // opportunistic mode checks no certificate (systemd-resolved verifies it only in strict mode), so one the
        // probe rejects cannot be why names stopped resolving
        boolean certificateUnchecked = desired.mode() == DotMode.OPPORTUNISTIC;
        List<Check> checks = checks(desired);
        return new Probed(firstFailure(checks, c -> (!serverAnswered || aboutQueries(c))
                && !(certificateUnchecked && c.id().startsWith("tls."))), checks);
    }

    private static Check dnssecCause(String result, SettingElsewhere later) {
        return Check.failure("dnssec.rollback", null, "The resolver rejected the answers: DNSSEC validation failed ("
                + result + "). The servers, or the network between, do not deliver the signatures DNSSEC needs.",
                (later == null ? "Apply again with --dnssec no (in the window: DNSSEC No on the Providers screen)"
                        : later.file() + " sets DNSSEC=" + later.value() + " after Port853's settings: set it to no "
                        + "there (or remove that line) and restart systemd-resolved")
                        + ", or choose providers that support DNSSEC.").says("dnssec.rollback.failed", result,
                later == null ? 0 : 1, later == null ? "" : later.file(), later == null ? "" : later.value());
    }

    /** The checks of the chosen servers' probe. */
    private List<Check> checks(DesiredSettings desired) {
        return ServerChecks.ofAll(prober.apply(desired.servers()), desired.mode(), clock.instant());
    }

    /** The first failed check among {@code checks} that {@code counts}. */
    private static Optional<Check> firstFailure(List<Check> checks, java.util.function.Predicate<Check> counts) {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAILURE && counts.test(c)).findFirst();
    }

    private static boolean aboutQueries(Check c) {
        return c.id().startsWith("dns.");
    }

    /** systemd-resolved's words for an answer with an error code: "…, server or network returned error REFUSED". */
    private static final java.util.regex.Pattern ANSWER_CODE = java.util.regex.Pattern.compile(
            "returned error [A-Z]+");

    /**
     * systemd-resolved's words for a lookup that failed validation, "DNSSEC validation failed: RESULT", in the change's
     * own words: not in what the reason adds about the settings from before, after the rollback.
     */
    static Optional<String> dnssecFailure(ApplyResult rolledBack) {
        return DnssecFailures.resultIn(changesOwnWords(rolledBack));
    }

    /** What a rollback's reason says of the change itself, without what it adds about the settings from before. */
    private static String changesOwnWords(ApplyResult rolledBack) {
        Words w = rolledBack.reasonBeforeNote().words();
        if (w != null && ApplyResult.ROLLED_BACK_WORDING.equals(w.wording())) {
            return w.details().get(1);
        }
        String reason = rolledBack.reason() == null ? "" : rolledBack.reason(); // a reason without words: its English
        int previous = reason.indexOf(ApplyResult.PREVIOUS_ALSO_FAIL);
        return previous < 0 ? reason : reason.substring(0, previous);
    }

    /** The rollback restored settings that do not resolve names either. */
    private static boolean previousAlsoFail(ApplyResult rolledBack) {
        Words w = rolledBack.reasonBeforeNote().words();
        return w != null && ApplyResult.ROLLED_BACK_WORDING.equals(w.wording()) ? "1".equals(w.details().get(2))
                : rolledBack.reason() != null && rolledBack.reason().contains(ApplyResult.PREVIOUS_ALSO_FAIL);
    }
}
