package org.port853.ui.prefs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.port853.ui.common.Errors;
import org.port853.ui.common.I18n;
import org.port853.ui.task.BackgroundTask;
import org.port853.ui.task.TaskExecutor;

/** Preferences: edited in place, saved in the background after every change. */
public final class PreferencesViewModel {
    private final PreferencesStore store;
    private final TaskExecutor tasks;
    private final BooleanProperty notifications = new SimpleBooleanProperty();
    private final BooleanProperty startMinimised = new SimpleBooleanProperty();
    private final BooleanProperty closeToTray = new SimpleBooleanProperty();
    private final ObjectProperty<Preferences.Theme> theme = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trayStatus = new ReadOnlyStringWrapper("");
    private final boolean demo;
    private final LoginStart loginStart;
    private final BooleanProperty startAtLogin = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper startAtLoginKnown = new ReadOnlyBooleanWrapper();
    /** Counts the edits: only the newest one's save writes the file. */
    private final java.util.concurrent.atomic.AtomicLong edits = new java.util.concurrent.atomic.AtomicLong();
    /** Set from the file, not by the user: not written back. */
    private boolean readingStartAtLogin;

    public PreferencesViewModel(PreferencesStore store, TaskExecutor tasks, Preferences initial,
                                LoginStart loginStart) {
        this(store, tasks, initial, loginStart, false);
    }

    /**
     * @param demo the demo's window: its preferences go to the demo's scratch folder, which goes away with the
     *             demo, so a change says it lasts for this demo session only (not where it was "saved")
     */
    public PreferencesViewModel(PreferencesStore store, TaskExecutor tasks, Preferences initial,
                                LoginStart loginStart, boolean demo) {
        this.demo = demo;
        this.store = store;
        this.tasks = tasks;
        this.loginStart = loginStart;
        notifications.set(initial.notifications());
        startMinimised.set(initial.startMinimised());
        closeToTray.set(initial.closeToTray());
        theme.set(initial.theme());
        notifications.addListener((o, a, b) -> save());
        startMinimised.addListener((o, a, b) -> save());
        closeToTray.addListener((o, a, b) -> save());
        theme.addListener((o, a, b) -> save());
        startAtLogin.addListener((o, a, on) -> {
            if (!readingStartAtLogin) writeStartAtLogin(on);
        });
        if (loginStart.unavailableReason().isEmpty()) {
            tasks.execute(BackgroundTask.of(loginStart::enabled).onSuccess(this::showStartAtLogin)
                    .onFailure(e -> message.set(I18n.t("prefs.loginStart.unreadable", Errors.describe(e)))));
        }
    }

    private void showStartAtLogin(boolean on) {
        readingStartAtLogin = true;
        startAtLogin.set(on);
        readingStartAtLogin = false;
        startAtLoginKnown.set(true);
    }

    private void writeStartAtLogin(boolean on) {
        startAtLoginKnown.set(false);
        tasks.execute(BackgroundTask.of(() -> {
            loginStart.set(on);
            return loginStart.enabled();
        }).onSuccess(now -> {
            showStartAtLogin(now);
            message.set(I18n.t(now ? "prefs.loginStart.on" : "prefs.loginStart.off"));
        }).onFailure(e -> {
            showStartAtLogin(!on);
            message.set(I18n.t("prefs.saveFailed", Errors.describe(e)));
        }));
    }

    /** Shows whether the desktop's tray holds Port853's icon now (call on the JavaFX thread). */
    public void showTray(boolean shown, String whyNot) {
        trayStatus.set(shown ? I18n.t("prefs.tray.shown") : I18n.t("prefs.tray.notShown", whyNot));
    }

    public Preferences current() {
        return new Preferences(notifications.get(), startMinimised.get(), theme.get(), closeToTray.get());
    }

    private void save() {
        Preferences p = current();
        long edit = edits.incrementAndGet();
        tasks.execute(BackgroundTask.of(() -> {
            // saves run on a pool: one that comes after a newer edit's save must not write the older choice over it
            synchronized (store) {
                if (edit == edits.get()) store.save(p);
            }
            return store.file();
        }).onSuccess(f -> message.set(demo ? I18n.t("prefs.saved.demo") : I18n.t("prefs.saved", f)))
                .onFailure(e -> message.set(I18n.t("prefs.saveFailed", e instanceof PreferencesStore.NotSaved
                        ? e.getMessage() : Errors.describe(e)))));
    }

    public BooleanProperty notificationsProperty() { return notifications; }
    public BooleanProperty startMinimisedProperty() { return startMinimised; }
    public BooleanProperty closeToTrayProperty() { return closeToTray; }
    public ObjectProperty<Preferences.Theme> themeProperty() { return theme; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** Whether the tray shows the icon now, and why not; empty until the tray has answered. */
    public ReadOnlyStringProperty trayStatusProperty() { return trayStatus.getReadOnlyProperty(); }
    /** "Start Port853 when I log in": the desktop's autostart entry, as read from and written to its folder. */
    public BooleanProperty startAtLoginProperty() { return startAtLogin; }
    /** False while the entry is read or written (the check box waits), and where it cannot be offered. */
    public ReadOnlyBooleanProperty startAtLoginKnownProperty() { return startAtLoginKnown.getReadOnlyProperty(); }
    /** Why "start at login" cannot be offered here (the app runs from its jar, the demo, another platform). */
    public java.util.Optional<String> startAtLoginUnavailable() { return loginStart.unavailableReason(); }
}
