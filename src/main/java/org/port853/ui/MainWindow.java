package org.port853.ui;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.port853.ui.apply.ApplyView;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.Confirm;
import org.port853.ui.common.I18n;
import org.port853.ui.common.Ui;
import org.port853.ui.prefs.Preferences;
import org.port853.ui.prefs.PreferencesStore;
import org.port853.ui.prefs.PreferencesView;
import org.port853.ui.prefs.PreferencesViewModel;
import org.port853.ui.providers.ProvidersView;
import org.port853.ui.providers.ProvidersViewModel;
import org.port853.ui.status.StatusView;
import org.port853.ui.status.StatusViewModel;
import org.port853.ui.task.BackgroundTask;
import org.port853.ui.traffic.TrafficView;
import org.port853.ui.traffic.TrafficViewModel;
import org.port853.ui.verify.VerifyView;
import org.port853.ui.verify.VerifyViewModel;

/** The main window: menu, header (with the DEMO label), one tab per screen, and the apply sheet on top. */
public final class MainWindow {
    public static final double MIN_WIDTH = 720;
    public static final double MIN_HEIGHT = 520;
    public static final String STYLESHEET = MainWindow.class.getResource("port853.css").toExternalForm();

    public enum Screen { STATUS, PROVIDERS, TRAFFIC, VERIFY, DIAGNOSTICS, PREFERENCES }

    private final AppServices services;
    private final AppModel model;
    private final ApplyViewModel apply;
    private final StatusViewModel status;
    private final ProvidersViewModel providers;
    private final TrafficViewModel traffic;
    private final VerifyViewModel verify;
    private final PreferencesViewModel prefs;
    private final TabPane tabs = new TabPane();
    /** The header's "Exit demo" (hidden outside the demo). */
    private final javafx.scene.control.Button exitDemo = new javafx.scene.control.Button(I18n.t("demo.exit"));
    private final Navigation navigation = new Navigation();
    private final BorderPane root = new BorderPane();
    private TrafficView trafficView;
    private final Consumer<String> openUrl;
    private final Runnable openDemo;
    private Runnable onExitDemo;
    /** File › Quit: the app's quit once it is running (also with the window kept in the tray); else closes it. */
    private Runnable onQuit = () -> {
        if (root.getScene() != null) ((Stage) root.getScene().getWindow()).close();
    };
    private java.util.function.BooleanSupplier keepMonitoringWhenHidden = () -> false;
    private final java.util.List<AutoCloseable> closeWithWindow = new java.util.ArrayList<>();
    /**
     * Re-checks the servers' key pins while the window runs; null until started in the background, and in demo and
     * tests (no real pins).
     */
    private final javafx.beans.property.ObjectProperty<org.port853.ui.diagnostics.PinWatch> pinWatch =
            new javafx.beans.property.SimpleObjectProperty<>();
    /** Starting the pin watch (it opens a netlink socket and a thread): background work, at most one at a time. */
    private final org.port853.ui.task.TaskSlot pinWatchStart;
    private final javafx.beans.property.StringProperty notice = new javafx.beans.property.SimpleStringProperty();
    private boolean shutDown;
    /** How often the resolver's state is read again, so that a change made elsewhere shows without Refresh. */
    static final java.time.Duration REREAD_EVERY = java.time.Duration.ofSeconds(10);
    /**
     * How long a re-read keeps the resolver's answer to its own lookup (one real query, past the cache): servers that
     * stop answering show as "Not working" within a minute while the window is open; hidden in the tray, a query every
     * ten minutes is enough for its colour.
     */
    static final java.time.Duration LOOKUP_KEPT_SHOWN = java.time.Duration.ofMinutes(1);
    static final java.time.Duration LOOKUP_KEPT_HIDDEN = java.time.Duration.ofMinutes(10);
    /**
     * While the resolver is installed but stopped the window looks every 2 seconds (a bus name check), so that it
     * running again, started by hand or by a change elsewhere, shows at once rather than up to 10 seconds later.
     */
    static final java.time.Duration REREAD_WHILE_STOPPED = java.time.Duration.ofSeconds(2);
    private long rereadTicks;
    private org.port853.ui.task.TaskExecutor.Repeating rereads;
    /** The stage this window is shown on, and its focus listener that reads the state again on return. */
    private Stage shownOn;
    private final javafx.beans.value.ChangeListener<Boolean> rereadOnFocus = (o, was, focused) -> {
        if (focused) rereadOnReturn();
    };

    /**
     * @param openUrl  opens a link in the browser
     * @param openDemo switches the window to demo mode (menu entry); null hides the entry
     * @param initial  the preferences, read off the JavaFX thread before the window is built
     */
    public MainWindow(AppServices services, Consumer<String> openUrl, Runnable openDemo, Preferences initial) {
        this.services = services;
        this.openUrl = openUrl;
        this.openDemo = openDemo;
        this.model = new AppModel(services);
        this.apply = new ApplyViewModel(model);
        this.status = new StatusViewModel(model, apply);
        this.providers = new ProvidersViewModel(model, apply);
        this.traffic = new TrafficViewModel(model);
        this.verify = new VerifyViewModel(model, traffic);
        PreferencesStore store = new PreferencesStore(services.configDir());
        this.prefs = new PreferencesViewModel(store, model.tasks(), initial, services.demo()
                ? org.port853.ui.prefs.LoginStart.unavailable(I18n.t("prefs.loginStart.demo"))
                : org.port853.ui.prefs.LoginStart.forThisUser(), services.demo());
        this.pinWatchStart = new org.port853.ui.task.TaskSlot(model.tasks());
        apply.setOnFinished(status::resync);
        apply.setOnVerify(this::verifyNow);
        apply.setOnChooseProviders(() -> show(Screen.PROVIDERS));
        apply.setNotificationsEnabled(prefs.notificationsProperty().get());
        traffic.setNotificationsEnabled(prefs.notificationsProperty().get());
        prefs.notificationsProperty().addListener((o, a, on) -> {
            apply.setNotificationsEnabled(on);
            traffic.setNotificationsEnabled(on);
        });
        build();
    }

    private void build() {
        root.getStyleClass().add("main-window");
        Label title = new Label(I18n.t("app.title"));
        title.getStyleClass().add("app-title");
        Label subtitle = new Label(I18n.t("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        Label demo = new Label(I18n.t("demo.label"));
        demo.setId("demo-label");
        demo.getStyleClass().add("demo-label");
        demo.setAccessibleText(I18n.t("demo.a11y"));
        demo.setVisible(services.demo());
        demo.setManaged(services.demo());
        exitDemo.setId("exit-demo");
        exitDemo.setOnAction(e -> {
            if (onExitDemo != null) onExitDemo.run();
        });
        exitDemo.setVisible(services.demo());
        exitDemo.setManaged(services.demo());
        // not while the sheet is open or its change runs: the window it would replace owns that change; the window
        // behind the sheet, and every menu entry and shortcut that would act on it, waits the same way
        exitDemo.disableProperty().bind(apply.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label verdictChip = new Label();
        verdictChip.setId("state-chip");
        verdictChip.getStyleClass().add("state-chip");
        verdictChip.textProperty().bind(status.stateTextProperty());
        verdictChip.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat(I18n.t("state.a11y"), " ",
                status.stateTextProperty()));
        org.port853.ui.status.StateStyles.follow(verdictChip, status.stateProperty());
        HBox header = new HBox(10, title, subtitle, demo, exitDemo, spacer, verdictChip);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        fitHeader(header, subtitle);

        // the two banners are rarely shown: built the first time they are (no skins and CSS for them at start-up)
        var errorBanner = Ui.builtWhen(model.refreshErrorProperty().isNotNull(), () -> {
            Label refreshError = new Label();
            refreshError.setWrapText(true);
            refreshError.textProperty().bind(model.refreshErrorProperty());
            return Ui.banner("banner-error", I18n.t("state.readFailed"), refreshError);
        });

        tabs.setId("screens");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Only the first screen is built before the first frame; the others when first shown.
        tabs.getTabs().addAll(
                tab(Screen.STATUS, () -> new StatusView(status, this::verifyNow, model::refresh,
                        () -> show(Screen.TRAFFIC))),
                tab(Screen.PROVIDERS, () -> new ProvidersView(providers, openUrl)),
                tab(Screen.TRAFFIC, () -> Ui.scrollWhenShort(trafficView())),
                tab(Screen.VERIFY, () -> Ui.scrollWhenShort(new VerifyView(verify, this::protectFromVerify))),
                tab(Screen.DIAGNOSTICS, () -> org.port853.ui.diagnostics.DiagnosticsScreen.create(services, model, status, pinWatch)),
                tab(Screen.PREFERENCES, () -> new PreferencesView(prefs)));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            fill(t);
            if (t != null) navigation.go((Screen) t.getUserData());
        });
        navigation.currentProperty().addListener((o, a, s) -> {
            for (Tab t : tabs.getTabs()) {
                if (t.getUserData() == s) tabs.getSelectionModel().select(t);
            }
        });
        fill(tabs.getSelectionModel().getSelectedItem());
        // The apply sheet is built the first time it is needed.
        StackPane center = new StackPane(tabs);
        apply.phaseProperty().addListener((o, a, p) -> {
            if (p != ApplyViewModel.Phase.IDLE && center.getChildren().size() == 1) {
                center.getChildren().add(new ApplyView(apply));
            }
        });
        tabs.disableProperty().bind(apply.busyProperty());
        new FocusKeeper(root, tabs, exitDemo, apply,
                status.switchUsableProperty(), status.protectOfferedProperty(), verify.runningProperty());

        var noticeBanner = Ui.builtWhen(notice.isNotNull(), () -> {
            Label noticeText = new Label();
            noticeText.setId("window-notice");
            noticeText.setWrapText(true);
            noticeText.textProperty().bind(notice);
            javafx.scene.control.Button dismiss = new javafx.scene.control.Button(I18n.t("notice.dismiss"));
            dismiss.setId("window-notice-dismiss");
            dismiss.setOnAction(e -> notice.set(null));
            return Ui.banner("banner-warning", I18n.t("app.title"), noticeText, dismiss);
        });

        root.setTop(new VBox(menuBar(), header, errorBanner, noticeBanner));
        root.setCenter(center);
        applyTheme(prefs.themeProperty().get());
        prefs.themeProperty().addListener((o, a, t) -> applyTheme(t));
    }

    /**
     * The header's words stay whole: where the window is too narrow for all of them (German, a long state, the demo's
     * label and button), the subtitle steps aside.
     */
    private static void fitHeader(HBox header, Label subtitle) {
        for (javafx.scene.Node n : header.getChildren()) {
            if (n instanceof javafx.scene.control.Control c) c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // not the subtitle: with its whole width in the header's minimum, a header too narrow for it was laid out
        // wider than the window (German at 720 px: 759), so it never looked too narrow and the state chip was cut
        subtitle.setMinWidth(0);
        Runnable fit = () -> {
            double needed = header.snappedLeftInset() + header.snappedRightInset();
            int shown = 0;
            for (javafx.scene.Node n : header.getChildren()) {
                if (n instanceof javafx.scene.control.Control c && (c.isVisible() || c == subtitle)) {
                    needed += c.prefWidth(-1);
                    shown++;
                }
            }
            needed += header.getSpacing() * shown;
            boolean room = header.getWidth() <= 0 || header.getWidth() >= needed;
            subtitle.setVisible(room);
            subtitle.setManaged(room);
        };
        header.widthProperty().addListener((o, a, w) -> fit.run());
        for (javafx.scene.Node n : header.getChildren()) {
            if (n instanceof Label l) l.textProperty().addListener((o, a, t) -> javafx.application.Platform.runLater(fit));
        }
    }

    /** The user switched the desktop between dark and light: the window follows when its theme is "System". */
    private void followDesktop(boolean dark) {
        if (prefs.themeProperty().get() == Preferences.Theme.SYSTEM) {
            setDark(dark);
        }
    }

    private static void fill(Tab t) {
        if (t != null && t.getContent() == null) {
            @SuppressWarnings("unchecked")
            java.util.function.Supplier<javafx.scene.Node> make = (java.util.function.Supplier<javafx.scene.Node>) t.getProperties().get("make");
            t.setContent(make.get());
        }
    }

    private Tab tab(Screen s, java.util.function.Supplier<javafx.scene.Node> content) {
        Tab t = new Tab(I18n.t("screen." + s.name().toLowerCase(java.util.Locale.ROOT)).replace("_", ""));
        t.getProperties().put("make", content);
        t.setId("tab-" + s.name().toLowerCase(java.util.Locale.ROOT));
        t.setUserData(s);
        return t;
    }

    private MenuBar menuBar() {
        MenuItem export = item("menu.export", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    show(Screen.TRAFFIC);
                    trafficView().export(traffic);
                });
        // the entries that would act behind the apply sheet (switch the screen it covers, start a verification or
        // another change) wait until it is closed; Quit, the theme and About do not
        waitsForSheet(export);
        MenuItem quit = item("menu.quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> onQuit.run());
        Menu file = new Menu(I18n.t("menu.file"), null, export, new SeparatorMenuItem(), quit);

        Menu view = new Menu(I18n.t("menu.view"));
        int i = 1;
        for (Screen s : Screen.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + i++);
            MenuItem screen = item("screen." + s.name().toLowerCase(java.util.Locale.ROOT),
                    new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN), () -> show(s));
            waitsForSheet(screen);
            view.getItems().add(screen);
        }
        CheckMenuItem dark = new CheckMenuItem(I18n.t("menu.dark"));
        dark.setSelected(prefs.themeProperty().get() == Preferences.Theme.DARK);
        // only the user's tick changes the theme: unticked because the theme became "System", it stays "System"
        dark.selectedProperty().addListener((o, a, on) -> {
            if (on != (prefs.themeProperty().get() == Preferences.Theme.DARK)) {
                prefs.themeProperty().set(on ? Preferences.Theme.DARK : Preferences.Theme.LIGHT);
            }
        });
        prefs.themeProperty().addListener((o, a, t) -> dark.setSelected(t == Preferences.Theme.DARK));
        MenuItem refresh = item("menu.refresh", new KeyCodeCombination(KeyCode.F5), model::refresh);
        waitsForSheet(refresh);
        view.getItems().addAll(new SeparatorMenuItem(), refresh, dark);

        MenuItem verifyItem = item("menu.verify", new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::verifyNow);
        verifyItem.setId("menu-verify");
        waitsForSheet(verifyItem);
        MenuItem recover = item("menu.recover", null, status::recover);
        recover.disableProperty().bind(status.pendingProperty().isNull().or(apply.busyProperty()));
        MenuItem demoItem = item("menu.demo", null, () -> {
            if (openDemo != null) openDemo.run();
        });
        demoItem.setId("menu-demo");
        // not while a change runs: the window it would replace still owns that change and its result
        demoItem.disableProperty().bind(apply.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(() -> openDemo == null || services.demo())));
        Menu tools = new Menu(I18n.t("menu.tools"), null, verifyItem, recover, new SeparatorMenuItem(), demoItem);
        MenuItem about = item("menu.about", null, this::about);
        Menu help = new Menu(I18n.t("menu.help"), null, about);
        MenuBar bar = new MenuBar(file, view, tools, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String key, KeyCombination accel, Runnable action) {
        MenuItem m = new MenuItem(I18n.t(key));
        m.setMnemonicParsing(true);
        if (accel != null) m.setAccelerator(accel);
        m.setOnAction(e -> action.run());
        return m;
    }

    static final String LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html";
    /** As the installed package's AppStream metadata names them (installer/linux/org.port853.Port853.metainfo.xml). */
    static final String HOMEPAGE_URL = "https://github.com/port853/port853";
    static final String ISSUES_URL = "https://github.com/port853/port853/issues";

    /** The build's version (as {@code port853 -V} says it); "development build" when unknown. */
    static String version() {
        String v = org.port853.core.AppVersion.get();
        return v == null ? I18n.t("about.devVersion") : v;
    }

    /** A link that says where it goes: its words, then the address, which opens in the browser. */
    private javafx.scene.control.Hyperlink link(String words, String url) {
        javafx.scene.control.Hyperlink l = new javafx.scene.control.Hyperlink(words + ": " + url);
        l.setOnAction(e -> openUrl.accept(url));
        return l;
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        a.setTitle(I18n.t("menu.about").replace("_", ""));
        a.setHeaderText(I18n.t("app.title")); // the version has its own line below
        Label text = new Label(I18n.t("about.text"));
        text.setWrapText(true);
        Label licence = new Label(I18n.t("about.licence"));
        licence.setWrapText(true);
        VBox content = new VBox(8, text, new Label(I18n.t("about.version", version())), licence,
                link(I18n.t("about.link.licence"), LICENCE_URL), link(I18n.t("about.link.home"), HOMEPAGE_URL),
                link(I18n.t("about.link.issues"), ISSUES_URL));
        content.setId("about-content");
        content.setPrefWidth(440);
        a.getDialogPane().setContent(content);
        if (root.getScene() != null) a.initOwner(root.getScene().getWindow());
        a.getDialogPane().getStylesheets().addAll(root.getScene() == null ? java.util.List.of(STYLESHEET)
                : root.getScene().getStylesheets());
        a.show();
    }

    /**
     * Light, dark, or the desktop's preference (read in the background, with a timeout; from then on a switch of the
     * desktop between dark and light is followed).
     */
    private void applyTheme(Preferences.Theme t) {
        if (t == Preferences.Theme.SYSTEM) {
            model.tasks().execute(BackgroundTask.of(() -> {
                boolean dark = org.port853.ui.common.SystemTheme.prefersDark();
                org.port853.ui.common.SystemTheme.follow(d -> Platform.runLater(() -> followDesktop(d)));
                return dark;
            }).onSuccess(this::followDesktop).onFailure(e -> setDark(false)));
        } else {
            setDark(t == Preferences.Theme.DARK);
        }
    }

    private void setDark(boolean dark) {
        org.port853.ui.common.SystemTheme.use(dark);
        root.getStyleClass().remove("theme-dark");
        if (dark) root.getStyleClass().add("theme-dark");
    }

    private void protectFromVerify() {
        show(Screen.STATUS);
        status.protect();
    }

    /** A menu entry that would act behind the apply sheet: usable again once the sheet is closed. */
    private void waitsForSheet(MenuItem item) {
        item.disableProperty().bind(apply.busyProperty());
    }

    /**
     * Shows Verify and starts a verification; not behind the apply sheet (the tray's "Verify now", which asks too, is
     * greyed out meanwhile, as the window's own Verify is).
     */
    public void verifyNow() {
        if (apply.busy()) return;
        show(Screen.VERIFY);
        verify.run();
    }

    public void show(Screen s) {
        navigation.go(s);
    }

    /** True for the demo's window (a sample machine; nothing of it is saved). */
    public boolean demo() {
        return services.demo();
    }

    /** What "Exit demo" does (the app reopens the window on this machine's real resolver). */
    public void setOnExitDemo(Runnable r) {
        onExitDemo = r;
    }

    /** What File › Quit does: ends the app, which closing the window does not while the tray item is up. */
    public void setOnQuit(Runnable r) {
        onQuit = r;
    }

    /** Closed with this window ({@link #shutdown()}): what it alone feeds, such as its tray item. */
    public void closeWithWindow(AutoCloseable c) {
        closeWithWindow.add(c);
    }

    /**
     * Runs {@code quit} unless a change to this machine's resolver is running and the user, asked, waits for it
     * (the demo's changes are only simulated: nothing to wait for). True when {@code quit} ran.
     */
    public boolean quitAfterAsking(Runnable quit) {
        boolean changing = !services.demo() && apply.phaseProperty().get() == ApplyViewModel.Phase.APPLYING;
        if (changing && !Confirm.ask(root, I18n.t("quit.running.title"), I18n.t("quit.running.question"),
                I18n.t("quit.running.do"), true)) {
            return false;
        }
        quit.run();
        return true;
    }

    /** Asked when the window is hidden: true keeps capturing (the tray item watches on). */
    public void setKeepMonitoringWhenHidden(java.util.function.BooleanSupplier keep) {
        keepMonitoringWhenHidden = keep;
    }

    /** A one-line notice under the header (null hides it). */
    public void showNotice(String text) {
        notice.set(text);
    }

    public javafx.beans.property.ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public Navigation navigation() {
        return navigation;
    }

    public Parent root() {
        return root;
    }

    /**
     * What the window shows for its first frame while the real content is built: the same header, menu strip
     * and colours, nothing that needs the heavier controls. Port853App shows this, then replaces it.
     */
    public static Parent skeleton(boolean demo, boolean dark) {
        Label title = new Label(I18n.t("app.title"));
        title.getStyleClass().add("app-title");
        Label subtitle = new Label(I18n.t("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        HBox header = new HBox(10, title, subtitle);
        if (demo) {
            Label d = new Label(I18n.t("demo.label"));
            d.getStyleClass().add("demo-label");
            header.getChildren().add(d);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        Label menus = new Label(" ");
        HBox menuStrip = new HBox(menus);
        menuStrip.getStyleClass().add("menu-bar");
        BorderPane b = new BorderPane();
        b.getStyleClass().add("main-window");
        if (dark) b.getStyleClass().add("theme-dark");
        b.setTop(new VBox(menuStrip, header));
        return b;
    }

    /**
     * Shows the window on {@code stage} (in the stage's scene when it already has one, e.g. the skeleton), then
     * starts reading state and monitoring in the background.
     */
    public Scene show(Stage stage) {
        return show(stage, true);
    }

    /** @param visible false builds the window and starts monitoring without showing it (start in the tray) */
    public Scene show(Stage stage, boolean visible) {
        Scene scene = stage.getScene();
        if (scene == null) {
            javafx.geometry.Dimension2D size = WindowSize.onPrimaryScreen();
            scene = new Scene(root, size.getWidth(), size.getHeight());
            scene.getStylesheets().add(STYLESHEET);
            stage.setScene(scene);
        } else {
            // the window before this one (Open demo, Exit demo) leaves its mnemonics registered in the scene: with two
            // buttons on Alt+R, JavaFX moves the focus between them instead of pressing the one shown
            scene.getMnemonics().clear();
            scene.setRoot(root);
            if (!scene.getStylesheets().contains(STYLESHEET)) scene.getStylesheets().add(STYLESHEET);
        }
        org.port853.ui.common.MnemonicKeys.install(stage);
        stage.setTitle(title(services.demo()));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        // monitoring goes on while the window is hidden in the tray
        stage.setOnHidden(e -> {
            if (!keepMonitoringWhenHidden.getAsBoolean()) shutdown();
        });
        // back to the window after a change made elsewhere (a terminal, the network settings): it shows at once
        // (removed at shutdown: the stage outlives this window when Open demo or Exit demo puts another in it)
        shownOn = stage;
        stage.focusedProperty().addListener(rereadOnFocus);
        if (visible && !stage.isShowing()) {
            stage.show();
            WindowSize.keepOnScreen(stage);
        }
        // Icons, state and monitoring once the window has been drawn: the window never waits for them, and their
        // background work (reading the state, opening the capture, decoding the icons) does not compete with the
        // first drawing of the window for the CPU.
        org.port853.ui.common.Pulses.after(2, () -> {
            if (shutDown) return; // closed before its first frame
            setIcons(stage);
            start();
        });
        return scene;
    }

    public static String title(boolean demo) {
        return demo ? I18n.t("app.title") + " — " + I18n.t("demo.label") : I18n.t("app.title");
    }

    /**
     * The window icons, decoded on a worker thread (the window manager takes them at any time). Up to 128 px: docks and
     * switchers that draw larger take the installed icon theme's (the package installs 16 to 512 px and an SVG); a 256 px
     * icon stays decoded (256 KB in the heap alone) for as long as the window runs.
     */
    private void setIcons(Stage stage) {
        if (!stage.getIcons().isEmpty()) return;
        model.tasks().execute(BackgroundTask.of(() -> {
            java.util.List<Image> icons = new java.util.ArrayList<>();
            for (int size : new int[]{16, 32, 48, 64, 128}) {
                var url = MainWindow.class.getResource("icons/port853-" + size + ".png");
                if (url != null) icons.add(new Image(url.toExternalForm()));
            }
            return icons;
        }).onSuccess(icons -> {
            if (stage.getIcons().isEmpty()) stage.getIcons().setAll(icons);
        }));
    }

    /** Reads the resolver state and starts monitoring (traffic, and the servers' key pins); all in the background. */
    public void start() {
        model.refresh();
        if (rereads == null) {
            model.holdRereadsWhile(this::changing);
            rereads = model.tasks().every(REREAD_WHILE_STOPPED, this::rereadTick);
        }
        rereads.start();
        traffic.start();
        if (services.pins() != null && pinWatch.get() == null && !pinWatchStart.isBusy()) {
            pinWatchStart.run(BackgroundTask.of(
                            () -> org.port853.ui.diagnostics.PinWatch.start(services.pins(), services.notifier()))
                    .onSuccess(w -> {
                        pinWatch.set(w);
                        // the store may hold a key change from before (the command line's check): Status says it
                        model.pinsRecorded();
                        w.checksProperty().addListener((o, a, b) -> {
                            model.tlsFailures().checked(w.lastChecks()); // a server that showed its key works again
                            model.pinsRecorded();
                        });
                    })
                    .onDiscarded(org.port853.ui.diagnostics.PinWatch::close)); // the window was shut down meanwhile
        }
    }

    /**
     * A change is planned, previewed or made: a reading then would show the resolver half-restarted or move
     * the draft under the preview, so re-readings wait (the change refreshes at its end).
     */
    private boolean changing() {
        ApplyViewModel.Phase p = apply.phaseProperty().get();
        return p == ApplyViewModel.Phase.PLANNING || p == ApplyViewModel.Phase.PREVIEW || p == ApplyViewModel.Phase.APPLYING;
    }

    private void rereadTick() {
        rereadTicks++;
        org.port853.core.ResolverState s = model.stateProperty().get();
        boolean stopped = s != null && s.installed() && !s.running();
        if (stopped || rereadTicks % (REREAD_EVERY.toSeconds() / REREAD_WHILE_STOPPED.toSeconds()) == 0) {
            model.keepLookupAnswersFor(shownOn != null && shownOn.isShowing() ? LOOKUP_KEPT_SHOWN : LOOKUP_KEPT_HIDDEN);
            model.reread();
        }
    }

    private void rereadOnReturn() {
        if (rereads != null) model.reread();
    }

    public void shutdown() {
        shutDown = true;
        if (shownOn != null) shownOn.focusedProperty().removeListener(rereadOnFocus);
        if (rereads != null) rereads.stop();
        traffic.stop();
        pinWatchStart.cancel();
        if (pinWatch.get() != null) {
            pinWatch.get().close();
            pinWatch.set(null);
        }
        for (AutoCloseable c : closeWithWindow) {
            try {
                c.close();
            } catch (Exception e) {
                java.util.logging.Logger.getLogger(MainWindow.class.getName()).log(java.util.logging.Level.FINE,
                        "closing what the window fed", e);
            }
        }
        closeWithWindow.clear();
    }

    /** The running pin watch (null until it has started in the background, and when pins are not watched). */
    public javafx.beans.value.ObservableValue<org.port853.ui.diagnostics.PinWatch> pinWatchProperty() {
        return pinWatch;
    }

    public AppModel model() { return model; }
    public ApplyViewModel applyViewModel() { return apply; }
    public StatusViewModel statusViewModel() { return status; }
    public ProvidersViewModel providersViewModel() { return providers; }
    public TrafficViewModel trafficViewModel() { return traffic; }
    public VerifyViewModel verifyViewModel() { return verify; }
    public PreferencesViewModel preferencesViewModel() { return prefs; }
    public TrafficView trafficView() {
        if (trafficView == null) {
            trafficView = new TrafficView(traffic);
        }
        return trafficView;
    }
}
