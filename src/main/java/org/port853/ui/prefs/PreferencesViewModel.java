package org.port853.ui.prefs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.port853.ui.common.Background;
import org.port853.ui.common.I18n;

/** Preferences: edited in place, saved in the background after every change. */
public final class PreferencesViewModel {
    private final PreferencesStore store;
    private final Background background;
    private final BooleanProperty notifications = new SimpleBooleanProperty();
    private final BooleanProperty startMinimised = new SimpleBooleanProperty();
    private final BooleanProperty closeToTray = new SimpleBooleanProperty();
    private final ObjectProperty<Preferences.Theme> theme = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public PreferencesViewModel(PreferencesStore store, Background background, Preferences initial) {
        this.store = store;
        this.background = background;
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
        background.run(() -> {
            store.save(p);
            return store.file();
        }, f -> message.set(I18n.t("prefs.saved", f)), e -> message.set(I18n.t("prefs.saveFailed", Background.describe(e))));
    }

    public BooleanProperty notificationsProperty() { return notifications; }
    public BooleanProperty startMinimisedProperty() { return startMinimised; }
    public BooleanProperty closeToTrayProperty() { return closeToTray; }
    public ObjectProperty<Preferences.Theme> themeProperty() { return theme; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
