package org.port853.ui.prefs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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

    public PreferencesViewModel(PreferencesStore store, TaskExecutor tasks, Preferences initial) {
        this.store = store;
        this.tasks = tasks;
        notifications.set(initial.notifications());
        startMinimised.set(initial.startMinimised());
        closeToTray.set(initial.closeToTray());
        theme.set(initial.theme());
        notifications.addListener((o, a, b) -> save());
        startMinimised.addListener((o, a, b) -> save());
        closeToTray.addListener((o, a, b) -> save());
        theme.addListener((o, a, b) -> save());
    }

    public Preferences current() {
        return new Preferences(notifications.get(), startMinimised.get(), theme.get(), closeToTray.get());
    }

    private void save() {
        Preferences p = current();
        tasks.execute(BackgroundTask.of(() -> {
            store.save(p);
            return store.file();
        }).onSuccess(f -> message.set(I18n.t("prefs.saved", f)))
                .onFailure(e -> message.set(I18n.t("prefs.saveFailed", Errors.describe(e)))));
    }

    public BooleanProperty notificationsProperty() { return notifications; }
    public BooleanProperty startMinimisedProperty() { return startMinimised; }
    public BooleanProperty closeToTrayProperty() { return closeToTray; }
    public ObjectProperty<Preferences.Theme> themeProperty() { return theme; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
