package org.port853.ui.prefs;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Ui;

/** The Preferences screen. */
public final class PreferencesView extends javafx.scene.control.ScrollPane {
    public PreferencesView(PreferencesViewModel vm) {
        setId("preferences-view");
        Ui.withoutViewportCache(this);
        // a low window scrolls the page; the hints keep every line
        setFitToWidth(true);
        getStyleClass().add("screen");
        CheckBox notify = new CheckBox(I18n.t("prefs.notifications"));
        notify.setId("pref-notifications");
        notify.selectedProperty().bindBidirectional(vm.notificationsProperty());
        Label notifyHint = hint("prefs.notifications.hint");
        CheckBox login = new CheckBox(I18n.t("prefs.loginStart"));
        login.setId("pref-login-start");
        login.selectedProperty().bindBidirectional(vm.startAtLoginProperty());
        login.disableProperty().bind(vm.startAtLoginKnownProperty().not());
        Label loginHint = new Label(vm.startAtLoginUnavailable().orElse(I18n.t("prefs.loginStart.hint")));
        loginHint.setId("pref-login-start-hint");
        loginHint.setWrapText(true);
        loginHint.getStyleClass().add("explain");
        CheckBox minimised = new CheckBox(I18n.t("prefs.startMinimised"));
        minimised.setId("pref-minimised");
        minimised.selectedProperty().bindBidirectional(vm.startMinimisedProperty());
        Label minimisedHint = hint("prefs.startMinimised.hint");
        CheckBox closeToTray = new CheckBox(I18n.t("prefs.closeToTray"));
        closeToTray.setId("pref-close-to-tray");
        closeToTray.selectedProperty().bindBidirectional(vm.closeToTrayProperty());
        Label closeToTrayHint = hint("prefs.closeToTray.hint");
        Label trayStatus = new Label();
        trayStatus.setId("pref-tray-status");
        trayStatus.setWrapText(true);
        trayStatus.getStyleClass().add("explain");
        trayStatus.textProperty().bind(vm.trayStatusProperty());
        trayStatus.managedProperty().bind(trayStatus.textProperty().isEmpty().not());
        trayStatus.visibleProperty().bind(trayStatus.managedProperty());
        ToggleGroup g = new ToggleGroup();
        RadioButton system = new RadioButton(I18n.t("prefs.theme.system"));
        system.setId("pref-theme-system");
        system.setToggleGroup(g);
        system.setUserData(Preferences.Theme.SYSTEM);
        RadioButton light = new RadioButton(I18n.t("prefs.theme.light"));
        light.setId("pref-theme-light");
        light.setToggleGroup(g);
        light.setUserData(Preferences.Theme.LIGHT);
        RadioButton dark = new RadioButton(I18n.t("prefs.theme.dark"));
        dark.setId("pref-theme-dark");
        dark.setToggleGroup(g);
        dark.setUserData(Preferences.Theme.DARK);
        java.util.function.Function<Preferences.Theme, RadioButton> radio = t -> t == Preferences.Theme.DARK ? dark
                : t == Preferences.Theme.LIGHT ? light : system;
        g.selectToggle(radio.apply(vm.themeProperty().get()));
        g.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) vm.themeProperty().set((Preferences.Theme) t.getUserData());
        });
        vm.themeProperty().addListener((o, a, t) -> g.selectToggle(radio.apply(t)));
        Label saved = new Label();
        saved.getStyleClass().add("hint");
        saved.textProperty().bind(vm.messageProperty());
        VBox card = new VBox(8, Ui.sectionLabel(I18n.t("prefs.notifications.title")), notify, notifyHint,
                Ui.sectionLabel(I18n.t("prefs.startup")), login, loginHint, minimised, minimisedHint,
                Ui.sectionLabel(I18n.t("prefs.tray")), closeToTray, closeToTrayHint, trayStatus,
                Ui.sectionLabel(I18n.t("prefs.theme")), system, light, dark);
        card.getStyleClass().add("card");
        VBox content = new VBox(10, card, saved);
        content.getStyleClass().add("screen-content");
        setContent(content);
    }

    private static Label hint(String key) {
        Label l = new Label(I18n.t(key));
        l.setWrapText(true);
        l.getStyleClass().add("explain");
        return l;
    }
}
