package org.port853.ui.traffic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakCsv;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import org.port853.core.ResolverState;
import org.port853.platform.RootAdvice;
import org.port853.ui.AppModel;
import org.port853.ui.LeakEvidence;
import org.port853.ui.OwnLookups;
import org.port853.ui.AppServices;
import org.port853.ui.common.Errors;
import org.port853.ui.common.I18n;
import org.port853.ui.common.LeakAlerter;
import org.port853.ui.common.Notifier;
import org.port853.ui.task.BackgroundTask;
import org.port853.ui.task.TaskExecutor;
import org.port853.ui.task.TaskSlot;

/**
 * The Traffic screen. A repeated task (on the JavaFX thread) polls the capture's snapshot a few times a second (never per packet) and
 * the view redraws from that; the capture itself runs on its own threads.
 */
public final class TrafficViewModel {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TrafficViewModel.class.getName());
    /** Poll period: at most 1000 / POLL_MS redraws a second. */
    public static final int POLL_MS = 200;
    public static final int LEAK_ROWS = 1000;

    private final AppModel model;
    /** The running (or last) session; JavaFX thread only. */
    private CaptureSession session;
    /** The last session that started looked for the leaks' programs (its leaks stay listed after it stops). */
    private boolean programsLooked;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<DataSince> dataSince = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final TaskSlot starting;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final OwnLeaks ownLeaks = new OwnLeaks();
    private final ReadOnlyStringWrapper problemFix = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final IntegerProperty windowSeconds = new SimpleIntegerProperty(300);
    private final ObjectProperty<MeterSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<LeakRecord> leaks = FXCollections.observableArrayList();
    private final FilteredList<LeakRecord> filtered = new FilteredList<>(leaks);
    private final StringProperty filter = new SimpleStringProperty("");
    /** How the leaks are shown: grouped by name or by program, or null for every query. */
    private final ObjectProperty<LeakGroups.By> groupBy = new SimpleObjectProperty<>(LeakGroups.By.NAME);
    private final ObservableList<LeakGroups.Group> groups = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper polls = new ReadOnlyLongWrapper();
    private final javafx.beans.binding.StringBinding emptyLeaksText = javafx.beans.binding.Bindings.createStringBinding(
            () -> !running.get() ? I18n.t("leaks.notWatching")
                    : leaks.isEmpty() || filter.get() == null || filter.get().isBlank() ? noLeaksText()
                    : I18n.t("leaks.filter.none"), running, leaks, filter, dataSince);
    /** Leaked queries seen since the app started (Clear does not reset it); the tray shows it. */
    private final ReadOnlyLongWrapper leaksSinceStart = new ReadOnlyLongWrapper();
    private final LeakAlerter alerter = new LeakAlerter(Duration.ofMinutes(2), Duration.ofMinutes(5));
    private final TaskExecutor.Repeating poller;
    /** Starts a session that ended by itself again (the capture service restarted by an upgrade), a few times. */
    private final TaskExecutor.Repeating reconnect;
    static final int RECONNECT_TRIES = 30;
    private int reconnectTries;
    private boolean notifications = true;
    /** The session whose leak count was read last, and that count (the capture counts; this only adds up). */
    private CaptureSession countedSession;
    private long countedLeaks;

    public TrafficViewModel(AppModel model) {
        this.model = model;
        filter.addListener((o, a, f) -> applyFilter());
        filtered.addListener((javafx.collections.ListChangeListener<LeakRecord>) c -> regroup());
        groupBy.addListener((o, a, b) -> regroup());
        model.stateProperty().addListener((o, a, b) -> regroup());
        // a new span is shown also while paused: the frozen one no longer answers the choice
        windowSeconds.addListener((o, a, w) -> poll(true));
        starting = new TaskSlot(model.tasks());
        poller = model.tasks().every(Duration.ofMillis(POLL_MS), this::poll);
        reconnect = model.tasks().every(Duration.ofSeconds(10), this::reconnect);
    }

    public void setNotificationsEnabled(boolean on) {
        notifications = on;
    }

    /** A session the worker started, with its description (read on the worker). */
    private record Started(CaptureSession session, String description) {
    }

    /**
     * Starts capturing in the background; a missing permission becomes a message with its fix. A session starts
     * once only, so every start after a failed or stopped one makes a fresh session.
     */
    public void start() {
        if (running.get()) {
            return;
        }
        CaptureSession previous = session;
        AppServices.CaptureFactory factory = model.services().capture();
        starting.run(BackgroundTask.of(() -> startSession(previous, factory))
                .onRunning(() -> status.set(I18n.t("capture.starting")))
                .onSuccess(this::started)
                // stop() came while the capture was starting: do not leave it running
                .onDiscarded(started -> stopInBackground(started.session()))
                .onFailure(this::failedToStart));
    }

    /** Starts capturing unless it runs, then runs {@code then} once the start has succeeded or failed. */
    public void startThen(Runnable then) {
        start();
        starting.whenIdle(then);
    }

    /** On the worker: the running session, or a fresh one started. */
    private static Started startSession(CaptureSession previous, AppServices.CaptureFactory factory)
            throws CaptureUnavailableException {
        if (previous != null && previous.isRunning()) {
            return new Started(previous, described(previous));
        }
        if (previous != null) {
            closeQuietly(previous);
        }
        CaptureSession s;
        try {
            s = factory.create();
        } catch (RuntimeException | LinkageError e) {
            throw new CaptureUnavailableException(I18n.t("capture.cannotCreate", Errors.describe(e)),
                    I18n.t("capture.fix.generic"));
        }
        try {
            s.start();
        } catch (CaptureUnavailableException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
        return new Started(s, described(s));
    }

    private void started(Started started) {
        session = started.session();
        programsLooked = session.namesPrograms();
        reconnect.stop();
        description.set(started.description());
        problem.set(null);
        problemFix.set(null);
        status.set(I18n.t("capture.running", started.description()));
        dataSince.set(new DataSince(Instant.now(), false));
        running.set(true);
        poller.start();
        poll();
    }

    /** What the session watches, in the window's words. */
    private static String described(CaptureSession s) {
        return I18n.said("capture.source.", s.descriptionWords(), "", s.description());
    }

    private void failedToStart(Throwable e) {
        running.set(false);
        // a session that failed to start cannot start again: the next start makes a fresh one
        session = null;
        if (e instanceof CaptureUnavailableException c) {
            problem.set(I18n.said("capture.problem.", c.words(), "", c.reason()));
            problemFix.set(RootAdvice.forThisUser(I18n.said("capture.problem.", c.words(), ".fix", c.fix())));
        } else {
            problem.set(Errors.describe(e));
            problemFix.set(I18n.t("capture.fix.generic"));
        }
        status.set(I18n.t("capture.notRunning"));
    }

    /**
     * Stops capturing (closing the window). A capture that is still starting is stopped as soon as its start
     * completes. The session is dropped: the next {@link #start()} makes a fresh one.
     */
    public void stop() {
        poller.stop();
        reconnect.stop();
        if (starting.cancel()) {
            status.set(I18n.t("capture.stopped"));
        }
        CaptureSession s = session;
        session = null;
        if (s != null) {
            stopInBackground(s);
        }
        running.set(false);
    }

    private void stopInBackground(CaptureSession s) {
        model.tasks().execute(BackgroundTask.of(s::stop)
                .onFailure(e -> LOG.log(java.util.logging.Level.WARNING, "stopping the capture failed", e)));
    }

    private static void closeQuietly(CaptureSession s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.INFO, "closing a capture that did not start", e);
        }
    }

    /** One try to start a session that ended by itself; gives up after {@link #RECONNECT_TRIES} (Try again stays). */
    private void reconnect() {
        if (running.get() || ++reconnectTries > RECONNECT_TRIES) {
            reconnect.stop();
            return;
        }
        start();
    }

    /** One poll: read a snapshot and the newest leaks; cheap, on the JavaFX thread. */
    void poll() {
        poll(false);
    }

    /** A poll that updates the display when {@code evenIfPaused}, also while it is paused. */
    private void poll(boolean evenIfPaused) {
        CaptureSession session = this.session;
        if (session == null || !running.get()) {
            return;
        }
        if (!session.isRunning()) {
            running.set(false);
            poller.stop();
            status.set(I18n.t("capture.stopped"));
            String lost = session.endReason();
            if (lost != null) { // not stopped by us: say so, and start again
                LOG.warning("the capture ended by itself: " + lost);
                problem.set(I18n.t("capture.lost"));
                problemFix.set(I18n.t("capture.lost.fix"));
                reconnectTries = 0;
                reconnect.start();
            }
            return;
        }
        List<LeakRecord> recent = session.recentLeaks(LEAK_ROWS);
        MeterSnapshot snap = WireLeaks.withoutLocalNames(session.snapshot(windowSeconds.get()), recent);
        updateLeaking(snap, recent);
        countLeaks(session, recent);
        if (!paused.get() || evenIfPaused) {
            polls.set(polls.get() + 1);
            MeterSnapshot shown = WireLeaks.since(snap, dataSince.get().at());
            if (!sameGraph(snapshot.get(), shown)) {
                snapshot.set(shown); // the graph redraws only when what it shows changed
            }
            if (recent.size() != leaks.size() || !recent.isEmpty() && !recent.get(recent.size() - 1)
                    .equals(leaks.get(leaks.size() - 1))) {
                leaks.setAll(recent);
            }
            showTotals(shown, session, recent);
        }
    }

    private void showTotals(MeterSnapshot snap, CaptureSession session, List<LeakRecord> recent) {
        // queries throughout, the unit of the leak list and the graph
        long missed = snap.pcapDrops() + snap.ifDrops();
        long unlisted = session.leaksNotListed();
        long unread = WireLeaks.unreadPackets(snap, recent);
        totals.set(I18n.t("traffic.totals", sum(snap.queries().encrypted()), sum(snap.queries().local()),
                sum(snap.leakMarkers()), I18n.period(windowSeconds.get()))
                + (unlisted > 0 ? " " + I18n.t("traffic.totals.unlisted", unlisted) : "")
                + (unread > 0 ? " " + I18n.t("traffic.totals.unread", unread) : "")
                + (missed > 0 ? " " + I18n.t("traffic.totals.missed", missed) : ""));
    }

    /**
     * Reports the newest leaks the capture measured to the window's evidence (which the Status state follows): the
     * newest through the system resolver, and apart from it the newest of a program that asks a server itself.
     */
    private void updateLeaking(MeterSnapshot snap, List<LeakRecord> recent) {
        ResolverState state = model.stateProperty().get();
        Instant lastChange = model.evidence().lastSettingsChange();
        Predicate<LeakRecord> bypassing = r -> !model.ownLookups().covers(r) && ownLeaks.test(r, state, lastChange);
        WireLeaks.Seen seen = WireLeaks.seen(snap, recent, bypassing.negate());
        if (seen.unread() != null) {
            model.evidence().unreadLeakSeen(seen.unread());
        }
        if (seen.query() != null) {
            model.evidence().leakSeen(seen.query());
        }
        LeakRecord own = WireLeaks.newestRecent(snap, recent, bypassing);
        if (own != null) {
            model.evidence().bypassSeen(new LeakEvidence.Bypass(own.time(), LeakExplainer.sender(own), own.server()));
        }
        model.evidence().tick(Instant.ofEpochSecond(snap.endEpochSecond()));
    }

    /** Adds the session's new leaks (by its own count) to the count since start, and tells the user when due. */
    private void countLeaks(CaptureSession session, List<LeakRecord> recent) {
        if (session != countedSession) {
            countedSession = session;
            countedLeaks = 0;
        }
        long n = session.leaksSinceStart();
        long fresh = Math.max(0, n - countedLeaks);
        countedLeaks = n;
        if (fresh > 0) {
            leaksSinceStart.set(leaksSinceStart.get() + fresh);
        }
        // the fresh leaks are the newest ones (the list is newest last); Port853's own check among them is shown in
        // the list, not announced as a leak of the user's programs
        int firstFresh = recent.size() - (int) Math.min(fresh, recent.size());
        List<LeakRecord> freshShown = recent.subList(firstFresh, recent.size());
        List<LeakRecord> theirs = freshShown.stream().filter(r -> !model.ownLookups().covers(r)).toList();
        long theirsFresh = fresh - (freshShown.size() - theirs.size());
        LeakRecord last = WireLeaks.newestNamed(theirs.isEmpty() && theirsFresh > 0 ? recent : theirs);
        if (theirsFresh > 0 && last != null
                && alerter.onLeaks(Instant.now(), (int) Math.min(Integer.MAX_VALUE, theirsFresh))
                && notifications) {
            model.services().notifier().notify(Notifier.Kind.WARNING, I18n.t("notify.leak.title"),
                    I18n.t("notify.leak.text", nz(last.name()), nz(last.server()), nz(last.iface())), alerter::missed);
        }
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        filtered.setPredicate(f.isEmpty() ? null : r -> String.join("\u0000", nz(r.iface()), nz(r.server()),
                nz(r.name()), nz(r.type()), nz(processOf(r))).toLowerCase(Locale.ROOT).contains(f)); // as the column shows it
    }

    public void clear() {
        CaptureSession session = this.session;
        if (session != null) {
            session.clear();
        }
        leaks.clear();
        exportMessage.set(""); // it spoke of rows the list no longer shows
        // the display is cleared, also while paused; what was measured (model.evidence()) stays
        if (session != null && running.get()) {
            dataSince.set(new DataSince(Instant.now(), true)); // the graph has no data from before the clear
            // nor the totals under it (they counted the seconds before the clear while the graph said "cleared")
            MeterSnapshot cleared = WireLeaks.since(session.snapshot(windowSeconds.get()), dataSince.get().at());
            snapshot.set(cleared);
            showTotals(cleared, session, List.of());
        } else {
            snapshot.set(null);
            totals.set("");
        }
    }

    /**
     * Writes the leaks that pass the filter as CSV ({@link LeakCsv}), on a worker; the outcome appears in
     * {@link #exportMessageProperty()}. The rows are taken here, on the JavaFX thread.
     */
    public void exportCsv(Path file) {
        List<LeakRecord> rows = List.copyOf(filtered);
        LeakCsv csv = csvWithReasons(model.stateProperty().get(), model.evidence().lastSettingsChange(),
                model.ownLookups(), programsLooked);
        model.tasks().execute(BackgroundTask.of(() -> writeCsv(csv, rows, file))
                .onRunning(() -> exportMessage.set(""))
                .onSuccess(n -> exportMessage.set(I18n.t("traffic.export.done", n, String.valueOf(file.getFileName()))))
                .onFailure(e -> exportMessage.set(I18n.t("traffic.export.failed", Errors.describe(e)))));
    }

    /**
     * The capture's columns, then why each query leaked and the fix, as the leak list says them (in the window's
     * language; the headers stay English like the capture's, for the tools that read the file).
     */
    private static LeakCsv csvWithReasons(ResolverState state, java.time.Instant changed, OwnLookups own,
                                          boolean programsLooked) {
        java.util.function.Function<LeakRecord, LeakExplainer.Why> why =
                r -> LeakExplainer.explain(r, state, changed, own.covers(r), programsLooked);
        return new LeakCsv(ZoneId.systemDefault(), List.of(
                new LeakCsv.Column("why", r -> why.apply(r).text()),
                new LeakCsv.Column("fix", r -> why.apply(r).fix())));
    }

    private static int writeCsv(LeakCsv csv, List<LeakRecord> rows, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return csv.write(rows, w);
        }
    }

    /** True when both snapshots draw the same graph: the same seconds with the same counts. */
    static boolean sameGraph(MeterSnapshot a, MeterSnapshot b) {
        return a != null && b != null && a.endEpochSecond() == b.endEpochSecond() && a.seconds() == b.seconds()
                && Arrays.equals(a.queries().encrypted(), b.queries().encrypted())
                && Arrays.equals(a.queries().local(), b.queries().local())
                && Arrays.equals(a.leakMarkers(), b.leakMarkers());
    }

    static long sum(long[] a) {
        long s = 0;
        if (a != null) {
            for (long x : a) s += x;
        }
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void regroup() {
        LeakGroups.By by = groupBy.get();
        groups.setAll(by == null ? List.of()
                : LeakGroups.group(List.copyOf(filtered), by, model.stateProperty().get(),
                        model.evidence().lastSettingsChange(), new LeakGroups.Programs(I18n.t("leaks.unknownProgram"),
                                I18n.t("leaks.ownCheckProgram"), programsLooked), model.ownLookups()::covers,
                        r -> ownLeaks.test(r, model.stateProperty().get(), model.evidence().lastSettingsChange())));
    }

    /** Every leaked query in one list, no filter: what a click on the graph's leaks selects from. */
    public void showEveryLeak() {
        filter.set("");
        groupBy.set(null);
    }

    /** What an empty leak list says: nothing watched, nothing leaked, or nothing that matches the filter. */
    public javafx.beans.binding.StringBinding emptyLeaksTextProperty() {
        return emptyLeaksText;
    }

    public ObjectProperty<LeakGroups.By> groupByProperty() { return groupBy; }
    /** Since when the display has data: the start of monitoring or the last Clear; null before the first start. */
    public javafx.beans.property.ReadOnlyObjectProperty<DataSince> dataSinceProperty() { return dataSince.getReadOnlyProperty(); }

    /** @param cleared {@code at} is the last Clear rather than the start of monitoring */
    public record DataSince(Instant at, boolean cleared) {}

    /** An empty list after Clear says since when: the state may still say Leaking for what came before. */
    private String noLeaksText() {
        DataSince since = dataSince.get();
        return since != null && since.cleared() ? I18n.t("leaks.none.cleared", I18n.dateTimeOrTimeToday(since.at()))
                : I18n.t("leaks.none");
    }
    /** The filtered leaks grouped as {@link #groupByProperty()} says, newest group first. */
    public ObservableList<LeakGroups.Group> groups() { return groups; }

    /** The Process column: the program the capture named, or Port853's own check, as "By program" calls it. */
    public String processOf(LeakRecord r) {
        return model.ownLookups().covers(r) ? I18n.t("leaks.ownCheckProgram") : LeakExplainer.processWords(r.process());
    }
    public CaptureSession session() { return session; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty startingProperty() { return starting.busyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemFixProperty() { return problemFix.getReadOnlyProperty(); }
    public ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }
    public ReadOnlyStringProperty totalsProperty() { return totals.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The outcome of the last CSV export ("" while none, or while one runs). */
    public ReadOnlyStringProperty exportMessageProperty() { return exportMessage.getReadOnlyProperty(); }
    public BooleanProperty pausedProperty() { return paused; }
    public IntegerProperty windowSecondsProperty() { return windowSeconds; }
    public ObjectProperty<MeterSnapshot> snapshotProperty() { return snapshot; }
    public ObservableList<LeakRecord> leaks() { return leaks; }
    public FilteredList<LeakRecord> filteredLeaks() { return filtered; }
    public StringProperty filterProperty() { return filter; }
    /** Number of polls that reached the view (each one at most one redraw). */
    public ReadOnlyLongProperty leaksSinceStartProperty() { return leaksSinceStart.getReadOnlyProperty(); }
    public ReadOnlyLongProperty pollsProperty() { return polls.getReadOnlyProperty(); }
}
