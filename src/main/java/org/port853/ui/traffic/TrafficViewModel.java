package org.port853.ui.traffic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import org.port853.ui.AppModel;
import org.port853.ui.AppServices;
import org.port853.ui.common.Background;
import org.port853.ui.common.I18n;
import org.port853.ui.common.LeakAlerter;
import org.port853.ui.common.Notifier;

/**
 * The Traffic screen. A Timeline polls the capture's snapshot a few times a second (never per packet) and
 * the view redraws from that; the capture itself runs on its own threads.
 */
public final class TrafficViewModel {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TrafficViewModel.class.getName());
    /** Poll period: at most 1000 / POLL_MS redraws a second. */
    public static final int POLL_MS = 200;
    public static final int LEAK_ROWS = 1000;
    /** A leak within this many seconds makes the verdict "Leaking". */
    public static final int LEAKING_WINDOW = 60;

    private final AppModel model;
    /** Written on a worker (while starting) and on the JavaFX thread, read on both. */
    private volatile CaptureSession session;
    /** stop() came while the capture was starting (JavaFX thread only). */
    private boolean stopRequested;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
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
    private final ReadOnlyLongWrapper polls = new ReadOnlyLongWrapper();
    private final LeakAlerter alerter = new LeakAlerter(Duration.ofMinutes(2), Duration.ofMinutes(5));
    private final Timeline timeline;
    private boolean notifications = true;
    private Instant lastLeakTime;

    public TrafficViewModel(AppModel model) {
        this.model = model;
        filter.addListener((o, a, f) -> applyFilter());
        windowSeconds.addListener((o, a, w) -> poll());
        timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(POLL_MS), e -> poll()));
        timeline.setCycleCount(Timeline.INDEFINITE);
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
        // the latest request wins: a start while a stopped window's start is still under way keeps that capture
        stopRequested = false;
        if (starting.get()) {
            return;
        }
        starting.set(true);
        status.set(I18n.t("capture.starting"));
        CaptureSession previous = session;
        AppServices.CaptureFactory factory = model.services().capture();
        model.background().run(() -> {
            if (previous != null && previous.isRunning()) {
                return new Started(previous, previous.description());
            }
            if (previous != null) {
                closeQuietly(previous);
            }
            CaptureSession s;
            try {
                s = factory.create();
            } catch (RuntimeException | LinkageError e) {
                throw new CaptureUnavailableException(I18n.t("capture.cannotCreate", Background.describe(e)),
                        I18n.t("capture.fix.generic"));
            }
            session = s;
            try {
                s.start();
            } catch (CaptureUnavailableException | RuntimeException e) {
                closeQuietly(s);
                throw e;
            }
            return new Started(s, s.description());
        }, started -> {
            // "starting" turns false last: whoever waits for it (Verify) then sees running and problem as they are
            if (stopRequested) {
                // the window was closed (stop()) while the capture was starting: do not leave it running
                stopRequested = false;
                if (session == started.session()) {
                    session = null;
                }
                stopInBackground(started.session());
                running.set(false);
                status.set(I18n.t("capture.stopped"));
                starting.set(false);
                return;
            }
            session = started.session();
            description.set(started.description());
            problem.set(null);
            problemFix.set(null);
            status.set(I18n.t("capture.running", started.description()));
            running.set(true);
            starting.set(false);
            timeline.play();
            poll();
        }, e -> {
            running.set(false);
            // a session that failed to start cannot start again: the next start makes a fresh one
            session = null;
            stopRequested = false;
            if (e instanceof CaptureUnavailableException c) {
                problem.set(c.reason());
                problemFix.set(c.fix());
            } else {
                problem.set(Background.describe(e));
                problemFix.set(I18n.t("capture.fix.generic"));
            }
            status.set(I18n.t("capture.notRunning"));
            starting.set(false);
        });
    }

    /**
     * Stops capturing (closing the window). A capture that is still starting is stopped as soon as its start
     * completes. The session is dropped: the next {@link #start()} makes a fresh one.
     */
    public void stop() {
        timeline.stop();
        if (starting.get()) {
            // the worker owns the session until its start completes; onResult stops it then
            stopRequested = true;
        } else {
            CaptureSession s = session;
            session = null;
            if (s != null) {
                stopInBackground(s);
            }
        }
        running.set(false);
    }

    private void stopInBackground(CaptureSession s) {
        model.background().run(() -> {
            s.stop();
            return Boolean.TRUE;
        }, r -> { }, e -> LOG.log(java.util.logging.Level.WARNING, "stopping the capture failed", e));
    }

    private static void closeQuietly(CaptureSession s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.INFO, "closing a capture that did not start", e);
        }
    }

    /** One poll: read a snapshot and the newest leaks; cheap, on the JavaFX thread. */
    void poll() {
        CaptureSession session = this.session;
        if (session == null || !running.get()) {
            return;
        }
        if (!session.isRunning()) {
            running.set(false);
            timeline.stop();
            status.set(I18n.t("capture.stopped"));
            return;
        }
        MeterSnapshot snap = session.snapshot(windowSeconds.get());
        List<LeakRecord> recent = session.recentLeaks(LEAK_ROWS);
        long leakTotal = sum(snap.leakPackets());
        updateLeaking(snap);
        notifyLeaks(recent);
        if (!paused.get()) {
            polls.set(polls.get() + 1);
            snapshot.set(snap);
            if (recent.size() != leaks.size() || !recent.isEmpty() && !recent.get(recent.size() - 1)
                    .equals(leaks.get(leaks.size() - 1))) {
                leaks.setAll(recent);
            }
            totals.set(I18n.t("traffic.totals", sum(snap.encryptedPackets()), sum(snap.localPlaintextPackets()),
                    leakTotal, windowLabel(windowSeconds.get()), snap.pcapDrops() + snap.ifDrops()));
        }
    }

    private void updateLeaking(MeterSnapshot snap) {
        long[] l = snap.leakPackets();
        long recentLeaks = 0;
        for (int i = Math.max(0, l.length - LEAKING_WINDOW); i < l.length; i++) {
            recentLeaks += l[i];
        }
        model.leakingProperty().set(recentLeaks > 0);
    }

    private void notifyLeaks(List<LeakRecord> recent) {
        int fresh = 0;
        Instant newest = lastLeakTime;
        for (LeakRecord r : recent) {
            if (r.time() != null && (lastLeakTime == null || r.time().isAfter(lastLeakTime))) {
                fresh++;
                if (newest == null || r.time().isAfter(newest)) {
                    newest = r.time();
                }
            }
        }
        lastLeakTime = newest;
        if (fresh > 0 && alerter.onLeaks(Instant.now(), fresh) && notifications) {
            LeakRecord last = recent.get(recent.size() - 1);
            model.services().notifier().notify(Notifier.Kind.WARNING, I18n.t("notify.leak.title"),
                    I18n.t("notify.leak.text", nz(last.name()), nz(last.server()), nz(last.iface())));
        }
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        filtered.setPredicate(f.isEmpty() ? null : r -> String.join("\u0000", nz(r.iface()), nz(r.server()),
                nz(r.name()), nz(r.type()), nz(r.process())).toLowerCase(Locale.ROOT).contains(f));
    }

    public void clear() {
        CaptureSession session = this.session;
        if (session != null) {
            session.clear();
        }
        leaks.clear();
        model.leakingProperty().set(false);
        if (session != null && running.get()) {
            snapshot.set(session.snapshot(windowSeconds.get()));
        } else {
            snapshot.set(null);
        }
    }

    /**
     * Writes the leaks that pass the filter as CSV, on the worker pool; the outcome appears in
     * {@link #exportMessageProperty()}. The rows are taken here, on the JavaFX thread.
     */
    public void exportCsv(Path file) {
        List<LeakRecord> rows = List.copyOf(filtered);
        exportMessage.set("");
        model.background().run(() -> writeCsv(rows, file),
                n -> exportMessage.set(I18n.t("traffic.export.done", n, String.valueOf(file.getFileName()))),
                e -> exportMessage.set(I18n.t("traffic.export.failed", Background.describe(e))));
    }

    /** RFC 4180; cells that a spreadsheet would run are quoted. Blocking: call it off the JavaFX thread. */
    static int writeCsv(List<LeakRecord> rows, Path file) throws IOException {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time,interface,server,name,type,process\r\n");
            for (LeakRecord r : rows) {
                w.write(String.join(",", csv(r.time() == null ? "" : iso.format(r.time())), csv(r.iface()),
                        csv(r.server()), csv(r.name()), csv(r.type()), csv(r.process())));
                w.write("\r\n");
            }
        }
        return rows.size();
    }

    static String csv(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("'")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static String windowLabel(int seconds) {
        return seconds >= 3600 ? I18n.t("traffic.window.hours", seconds / 3600) : I18n.t("traffic.window.minutes", seconds / 60);
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

    public CaptureSession session() { return session; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty startingProperty() { return starting.getReadOnlyProperty(); }
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
    public ReadOnlyLongProperty pollsProperty() { return polls.getReadOnlyProperty(); }
}
