package org.port853.ui.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.port853.capture.CaptureSession;
import org.port853.capture.LeakRecord;
import org.port853.probe.QueryOutcome;
import org.port853.probe.QuerySender;
import org.port853.ui.AppModel;
import org.port853.ui.common.Background;
import org.port853.ui.common.I18n;
import org.port853.ui.traffic.TrafficViewModel;

/**
 * Verify: with the capture running, send N fresh queries through the system resolver, wait for the
 * capture to see them, then report "N queries, all on 853, none leaked" or exactly what leaked.
 */
public final class VerifyViewModel {
    public static final String ZONE = "example.com";
    /** How long the capture gets after the last answer to see every packet. */
    public static final Duration SETTLE = Duration.ofMillis(1500);

    public enum Outcome { NONE, CLEAN, LEAKED, UNPROVEN, NO_CAPTURE, NO_ANSWERS }

    private final AppModel model;
    private final TrafficViewModel traffic;
    private final IntegerProperty count = new SimpleIntegerProperty(10);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(I18n.t("verify.idle"));
    private final ReadOnlyStringWrapper outcomeStyle = new ReadOnlyStringWrapper("verify-none");
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private Outcome outcome = Outcome.NONE;
    private Duration settle = SETTLE;

    public VerifyViewModel(AppModel model, TrafficViewModel traffic) {
        this.model = model;
        this.traffic = traffic;
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
        headline.set(I18n.t("verify.starting"));
        setOutcome(Outcome.NONE);
        if (traffic.runningProperty().get()) {
            send(true);
            return;
        }
        if (traffic.session() == null) {
            send(false);
            return;
        }
        InvalidationListener[] once = new InvalidationListener[1];
        once[0] = (Observable o) -> {
            if (traffic.startingProperty().get()) {
                return;
            }
            traffic.startingProperty().removeListener(once[0]);
            send(traffic.runningProperty().get());
        };
        traffic.startingProperty().addListener(once[0]);
        traffic.start();
        if (!traffic.startingProperty().get()) {
            traffic.startingProperty().removeListener(once[0]);
            send(traffic.runningProperty().get());
        }
    }

    private void send(boolean captureOk) {
        int n = Math.max(1, Math.min(100, count.get()));
        List<String> names = QuerySender.uniqueNames(n, ZONE);
        CaptureSession session = captureOk ? traffic.session() : null;
        Set<LeakRecord> before = session == null ? Set.of() : new HashSet<>(session.recentLeaks(TrafficViewModel.LEAK_ROWS));
        long encBefore = session == null ? 0 : encryptedTotal(session);
        QuerySender probe = model.services().probe();
        headline.set(I18n.t("verify.sending", n, probe.target()));
        model.background().run(() -> {
            List<QueryOutcome> outcomes = probe.send(names, Duration.ofSeconds(3));
            Thread.sleep(settle.toMillis());
            return outcomes;
        }, outcomes -> finish(names, outcomes, session, before, encBefore), e -> {
            running.set(false);
            headline.set(I18n.t("verify.failed", Background.describe(e)));
            setOutcome(Outcome.NO_ANSWERS);
        });
    }

    private static long encryptedTotal(CaptureSession s) {
        long sum = 0;
        for (long v : s.snapshot(120).encryptedPackets()) sum += v;
        return sum;
    }

    private void finish(List<String> names, List<QueryOutcome> outcomes, CaptureSession session,
                        Set<LeakRecord> before, long encBefore) {
        running.set(false);
        int n = names.size();
        long answered = outcomes.stream().filter(QueryOutcome::answered).count();
        for (QueryOutcome q : outcomes) {
            details.add(q.answered() ? I18n.t("verify.detail.answered", q.name(), q.rcode(), q.elapsed().toMillis())
                    : I18n.t("verify.detail.unanswered", q.name(), q.error()));
        }
        if (session == null) {
            headline.set(I18n.t("verify.nocapture", n, answered, String.valueOf(traffic.problemProperty().get()),
                    String.valueOf(traffic.problemFixProperty().get())));
            setOutcome(Outcome.NO_CAPTURE);
            return;
        }
        Set<String> ours = new HashSet<>();
        for (String name : names) ours.add(name.toLowerCase(Locale.ROOT));
        List<LeakRecord> ourLeaks = new ArrayList<>();
        int otherLeaks = 0;
        for (LeakRecord r : session.recentLeaks(TrafficViewModel.LEAK_ROWS)) {
            if (before.contains(r)) continue;
            String name = r.name() == null ? "" : r.name().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
            if (ours.contains(name)) ourLeaks.add(r);
            else otherLeaks++;
        }
        long encDelta = encryptedTotal(session) - encBefore;
        if (!ourLeaks.isEmpty()) {
            headline.set(I18n.t("verify.leaked", ourLeaks.size(), n));
            for (LeakRecord r : ourLeaks) {
                details.add(0, I18n.t("verify.detail.leak", r.name(), r.server(), r.iface(),
                        r.process() == null ? "?" : r.process()));
            }
            setOutcome(Outcome.LEAKED);
        } else if (answered == 0) {
            headline.set(I18n.t("verify.noanswers", n));
            setOutcome(Outcome.NO_ANSWERS);
        } else if (encDelta <= 0) {
            headline.set(I18n.t("verify.unproven", n, answered));
            setOutcome(Outcome.UNPROVEN);
        } else {
            headline.set(answered == n ? I18n.t("verify.clean", n) : I18n.t("verify.clean.partial", n, answered));
            setOutcome(Outcome.CLEAN);
            if (otherLeaks > 0) {
                headline.set(headline.get() + " " + I18n.t("verify.otherLeaks", otherLeaks));
                setOutcome(Outcome.UNPROVEN);
            }
        }
        if (model.services().demo()) {
            headline.set(headline.get() + " " + I18n.t("verify.demo"));
        }
        if (otherLeaks > 0) {
            details.add(0, I18n.t("verify.detail.otherLeaks", otherLeaks));
        }
    }

    private void setOutcome(Outcome o) {
        outcome = o;
        outcomeStyle.set("verify-" + o.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public Outcome outcome() { return outcome; }
    public IntegerProperty countProperty() { return count; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ReadOnlyStringProperty outcomeStyleProperty() { return outcomeStyle.getReadOnlyProperty(); }
    public ObservableList<String> details() { return details; }
}
