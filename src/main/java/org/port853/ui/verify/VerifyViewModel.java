package org.port853.ui.verify;

import java.time.Duration;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.port853.capture.CaptureSession;
import org.port853.core.DesiredSettings;
import org.port853.capture.LeakRecord;
import org.port853.probe.NoAnswerCause;
import org.port853.probe.QueryOutcome;
import org.port853.probe.Verifier;
import org.port853.probe.VerifyResult;
import org.port853.ui.AppModel;
import org.port853.ui.LeakEvidence;
import org.port853.ui.common.Errors;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;
import org.port853.ui.task.BackgroundTask;
import org.port853.ui.traffic.TrafficViewModel;

/**
 * Verify: with the capture running, send N fresh queries through the system resolver, wait for the
 * capture to see them, then report "N queries, all on 853, none leaked" or exactly what leaked. The work and
 * the rules are {@link Verifier} (shared with {@code port853 verify}); this class only presents them.
 */
public final class VerifyViewModel {
    public static final String ZONE = Verifier.ZONE;
    /** How long the capture gets after the last answer to see every packet. */
    public static final Duration SETTLE = Verifier.SETTLE;

    public enum Outcome { NONE, CLEAN, LEAKED, UNPROVEN, NO_CAPTURE, NO_ANSWERS }

    private final AppModel model;
    private final TrafficViewModel traffic;
    private final IntegerProperty count = new SimpleIntegerProperty(Verifier.DEFAULT_QUERIES);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(I18n.t("verify.idle"));
    private final javafx.beans.property.ReadOnlyObjectWrapper<Outcome> outcomeValue =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(Outcome.NONE);
    private final ReadOnlyBooleanWrapper fixOffered = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper("");
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private Outcome outcome = Outcome.NONE;
    private Duration settle = SETTLE;

    /** When the running Verify began watching the wire. */
    private java.time.Instant watchedFrom = java.time.Instant.now();

    public VerifyViewModel(AppModel model, TrafficViewModel traffic) {
        this.model = model;
        this.traffic = traffic;
        model.evidence().lastSettingsChangeProperty().addListener((o, a, changed) -> settingsChanged(changed));
    }

    /** A result describes the settings it was measured under: once they changed, it is not shown as today's. */
    private void settingsChanged(java.time.Instant changed) {
        if (running.get() || outcome == Outcome.NONE || changed == null || !changed.isAfter(watchedFrom)) {
            return;
        }
        headline.set(I18n.t("verify.stale", I18n.dateTimeOrTimeToday(watchedFrom)));
        details.clear();
        fixOffered.set(false);
        why.set("");
        setOutcome(Outcome.NONE);
    }

    /** Tests shorten the wait for the capture. */
    public void setSettle(Duration d) {
        settle = d;
    }

    public void run() {
        if (running.get()) {
            return;
        }
        running.set(true);
        details.clear();
        fixOffered.set(false);
        why.set("");
        headline.set(I18n.t("verify.starting"));
        setOutcome(Outcome.NONE);
        if (traffic.runningProperty().get()) {
            send(true);
        } else {
            // not running (never started, failed or stopped): try again; the traffic screen makes a fresh session
            traffic.startThen(() -> send(traffic.runningProperty().get()));
        }
    }

    private void send(boolean captureOk) {
        // a clean result vouches for the wire from here on (Verify watches from now), not from when it is shown
        watchedFrom = java.time.Instant.now();
        int n = Math.max(1, Math.min(100, count.get()));
        List<String> names = Verifier.names(n);
        CaptureSession session = captureOk ? traffic.session() : null;
        Verifier verifier = new Verifier(model.services().probe(), Verifier.TIMEOUT, settle);
        model.tasks().execute(BackgroundTask.of(() -> {
                    VerifyResult r = verifier.verify(session, names);
                    // the traffic was not watched: the resolver's own word on one fresh lookup is all there is
                    return new Verified(r, session == null ? resolverSays() : java.util.Optional.empty());
                })
                .onRunning(() -> headline.set(I18n.t("verify.sending", n)))
                .onSuccess(this::finish)
                .onFailure(e -> {
                    headline.set(I18n.t("verify.failed", Errors.describe(e)));
                    setOutcome(Outcome.NO_ANSWERS);
                })
                .onFinally(() -> {
                    running.set(false);
                    model.reread(); // no answers may mean a stopped resolver: the state shows what Verify found
                }));
    }

    /** A witness only: when asking fails, the verification stands without it. */
    private java.util.Optional<org.port853.platform.LookupTransport> resolverSays() {
        try {
            var adapter = model.services().adapter();
            return model.ownLookups().asking(adapter.ownLookupName(), adapter::freshLookupTransport);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private record Verified(VerifyResult result, java.util.Optional<org.port853.platform.LookupTransport> resolverSays) {
    }

    private void finish(Verified verified) {
        VerifyResult result = verified.result();
        int n = result.queries();
        long answered = result.answered();
        java.util.Map<String, LeakRecord> leaks = new java.util.HashMap<>();
        for (LeakRecord r : result.leakedQueries()) {
            leaks.putIfAbsent(r.name().toLowerCase(java.util.Locale.ROOT), r);
        }
        org.port853.core.ResolverState state = model.stateProperty().get();
        // Status's own reason, in its words: no DNS server anywhere, so the resolver refused every name itself
        java.util.Optional<ReasonTexts.Text> cause = NoAnswerCause.of(result, model.assessmentProperty().get())
                .map(r -> ReasonTexts.of(r, state));
        for (QueryOutcome q : result.outcomes()) {
            details.add(detail(q, leaks.get(q.name().toLowerCase(java.util.Locale.ROOT)), cause.isPresent()));
        }
        int otherLeaks = result.otherLeaks().size();
        // through a stopped or missing resolver nothing answers, and the state says so already: only a running
        // resolver's silence is news (a configuration that looks protected while its servers refuse every query)
        if (state != null && state.running()) {
            model.evidence().answers(watchedFrom, n, answered);
        }
        switch (result.verdict()) {
            case CAPTURE_UNAVAILABLE:
                String unwatched = I18n.t("verify.nocapture", n, answered, String.valueOf(traffic.problemProperty().get()),
                        String.valueOf(traffic.problemFixProperty().get()));
                headline.set(verified.resolverSays().map(t -> org.port853.core.Sentence.ended(unwatched)
                        + " " + I18n.t(t.encrypted() ? "verify.resolverSays.encrypted" : "verify.resolverSays.plaintext",
                        t.resolver(), t.name())).orElse(unwatched));
                setOutcome(Outcome.NO_CAPTURE);
                return;
            case LEAKED:
                String servers = result.leakedQueries().stream().map(LeakRecord::server)
                        .filter(java.util.Objects::nonNull).distinct().collect(java.util.stream.Collectors.joining(", "));
                headline.set(I18n.t("verify.leaked", result.leakedNames(), n, servers));
                model.evidence().verified(new LeakEvidence.VerifyFinding(watchedFrom, n,
                        result.leakedNames(), servers));
                fixOffered.set(true);
                why.set(I18n.t("leaks.group.why", org.port853.ui.traffic.LeakExplainer.explain(
                        result.leakedQueries().get(0), model.stateProperty().get(),
                        model.evidence().lastSettingsChange()).text()));
                setOutcome(Outcome.LEAKED);
                break;
            case NO_ANSWER:
                headline.set(cause.map(c -> I18n.t("verify.noanswers.cause", n, c.message()))
                        .orElse(I18n.t("verify.noanswers", n)));
                cause.ifPresent(c -> {
                    why.set(I18n.t("reason.fix", c.fix()));
                    fixOffered.set(c.reason().fixAction() != null); // Protect my DNS gives the resolver its servers
                });
                setOutcome(Outcome.NO_ANSWERS);
                break;
            case UNPROVEN:
                headline.set(I18n.t("verify.unproven", n, answered));
                setOutcome(Outcome.UNPROVEN);
                break;
            default:
                headline.set(answered == n ? I18n.t("verify.clean", n) : I18n.t("verify.clean.partial", n, answered));
                setOutcome(Outcome.CLEAN);
                if (otherLeaks == 0) {
                    model.evidence().verified(new LeakEvidence.VerifyFinding(watchedFrom, n, 0, null));
                }
                if (otherLeaks > 0) {
                    // our queries are safe, but the machine is not: do not show the all-clear style
                    headline.set(headline.get() + " " + I18n.t("verify.otherLeaks", otherLeaks));
                    setOutcome(Outcome.UNPROVEN);
                }
        }
        LeakEvidence.Bypass own = model.evidence().bypassProperty().get();
        if (own != null && otherLeaks == 0 && (outcome() == Outcome.CLEAN || outcome() == Outcome.UNPROVEN)) {
            // a program that asks a server itself leaked lately: Verify's path is clean, that program's is not
            headline.set(headline.get() + " " + I18n.t("verify.bypassing",
                    org.port853.ui.traffic.LeakExplainer.programWords(own.program())));
            setOutcome(Outcome.UNPROVEN);
        }
        if (model.services().demo()) {
            headline.set(headline.get() + " " + I18n.t("verify.demo"));
        }
        if (otherLeaks > 0) {
            details.add(0, I18n.t("verify.detail.otherLeaks", otherLeaks));
        }
    }

    /**
     * One line per test query: where it went if it leaked, then what came back, in words; {@code causeKnown}: the
     * headline says why nothing answered, so a response code is not guessed at.
     */
    private static String detail(QueryOutcome q, LeakRecord leak, boolean causeKnown) {
        // a response code is the resolver giving up (said in the window's words); any other error is the system's text
        String answer = !q.answered() ? (q.rcode() != null ? I18n.t(causeKnown ? "verify.answer.code"
                : "verify.answer.gaveUp", q.rcode())
                : q.unheardAt() != null ? I18n.t("verify.answer.unheard", q.unheardAt(),
                DesiredSettings.RESOLVED_STUBS.contains(q.unheardAt().replaceFirst(":\\d+$", "")) ? 1 : 0)
                : I18n.t("verify.answer.none", Errors.systemText(String.valueOf(q.error()))))
                : "NXDOMAIN".equals(q.rcode()) ? I18n.t("verify.answer.nxdomain", q.elapsed().toMillis())
                : "NOERROR".equals(q.rcode()) ? I18n.t("verify.answer.noerror", q.elapsed().toMillis())
                : I18n.t("verify.answer.other", q.rcode(), q.elapsed().toMillis());
        if (leak == null) {
            return I18n.t("verify.detail.query", q.name(), answer);
        }
        String iface = leak.iface() == null ? "?" : leak.iface();
        return leak.process() == null ? I18n.t("verify.detail.leak", q.name(), leak.server(), iface, answer)
                : I18n.t("verify.detail.leak.sender", q.name(), leak.server(), iface,
                        org.port853.ui.traffic.LeakExplainer.processWords(leak.process()), answer);
    }

    private void setOutcome(Outcome o) {
        outcome = o;
        outcomeValue.set(o);
    }

    public Outcome outcome() { return outcome; }
    public IntegerProperty countProperty() { return count; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    /** Why the test queries leaked ("Why: network link wlan0 has its own DNS server …"), or empty. */
    public ReadOnlyStringProperty whyProperty() { return why.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcomeValue.getReadOnlyProperty();
    }
    /** A leak was found: the view offers the fix ("Protect my DNS"). */
    public ReadOnlyBooleanProperty fixOfferedProperty() { return fixOffered.getReadOnlyProperty(); }
    public ObservableList<String> details() { return details; }
}
