package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.port853.ui.common.SessionBus;
import org.port853.ui.status.ProtectionState;
import org.port853.ui.tray.DBusMenuBus;
import org.port853.ui.tray.StatusNotifierItemBus;
import org.port853.ui.tray.StatusNotifierTray;
import org.port853.ui.tray.StatusNotifierWatcherBus;
import org.port853.ui.tray.Tray;
import org.port853.ui.tray.TrayActions;
import org.port853.ui.tray.TrayIcons;
import org.port853.ui.tray.TrayMonitor;
import org.port853.ui.tray.TrayStartup;
import org.port853.ui.tray.TrayState;
import org.port853.ui.tray.UnavailableTray;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tray against a real dbus-daemon on a private session bus, with a StatusNotifierWatcher written here (what
 * the desktop's tray host provides), and the start-up rule "Start minimised needs a tray" on the real window.
 */
class TrayTest extends WindowTestBase {
    @RegisterExtension
    static final PrivateSessionBus BUS = new PrivateSessionBus();

    /**
     * The watcher a desktop runs: it records who registered, says whether a tray host runs ({@code host}), and
     * {@code refuse} makes it answer a registration with an error.
     */
    static final class Watcher implements StatusNotifierWatcherBus, Properties {
        final BlockingQueue<String> registered = new LinkedBlockingQueue<>();
        volatile boolean host = true;
        volatile boolean refuse;

        @Override
        public void RegisterStatusNotifierItem(String service) {
            if (refuse) {
                throw new org.freedesktop.dbus.exceptions.DBusExecutionException("the watcher is broken");
            }
            registered.add(service);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String property) {
            if (!HOST_REGISTERED.equals(property)) {
                throw new org.freedesktop.dbus.exceptions.DBusExecutionException("no property " + property);
            }
            return (A) Boolean.valueOf(host);
        }

        @Override
        public <A> void Set(String iface, String property, A value) {
            throw new org.freedesktop.dbus.exceptions.DBusExecutionException("read-only");
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            return Map.of(HOST_REGISTERED, new Variant<>(host));
        }

        @Override
        public String getObjectPath() {
            return PATH;
        }
    }

    /** Records the actions the tray asks for, in order. */
    static final class Recorded implements TrayActions {
        final BlockingQueue<String> done = new LinkedBlockingQueue<>();

        @Override public void open() { done.add("open"); }
        @Override public void verifyNow() { done.add("verify"); }
        @Override public void quit() { done.add("quit"); }
    }

    private DBusConnection connect() throws Exception {
        return BUS.connect();
    }

    private Watcher watcher() throws Exception {
        return watcherOn(connect());
    }

    /** A watcher on its own connection: closing that connection is the tray host stopping. */
    private static Watcher watcherOn(DBusConnection c) throws Exception {
        Watcher w = new Watcher();
        c.exportObject(StatusNotifierWatcherBus.PATH, w);
        c.requestBusName(StatusNotifierWatcherBus.BUS_NAME);
        return w;
    }

    private StatusNotifierTray tray() {
        return tray(BUS::connectUnowned);
    }

    private StatusNotifierTray tray(SessionBus.Opener opener) {
        return BUS.closeAfterTest(new StatusNotifierTray(opener));
    }

    /** Struct values arrive as Object[] from a variant; both forms are accepted. */
    private static Object[] fields(Object struct) {
        if (struct instanceof Object[] a) return a;
        if (struct instanceof Struct s) return s.getParameters();
        throw new AssertionError("not a struct: " + struct);
    }

    /** A pixel of the largest image's tile (left of the shield, half-way down), as 0xRRGGBB. */
    private static int tilePixel(Object pixmaps) {
        Object[] px = largest(pixmaps);
        int w = ((Number) px[0]).intValue();
        int[] argb = argb(px);
        return argb[(w / 2) * w + w / 12] & 0xFFFFFF;
    }

    private static Object[] largest(Object pixmaps) {
        Object[] best = null;
        for (Object o : (List<?>) pixmaps) {
            Object[] px = fields(o);
            if (best == null || ((Number) px[0]).intValue() > ((Number) best[0]).intValue()) best = px;
        }
        return best;
    }

    private static int[] argb(Object[] px) {
        byte[] b = px[2] instanceof byte[] a ? a : bytes((List<?>) px[2]);
        int[] out = new int[b.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = (b[i * 4] & 0xFF) << 24 | (b[i * 4 + 1] & 0xFF) << 16 | (b[i * 4 + 2] & 0xFF) << 8 | b[i * 4 + 3] & 0xFF;
        }
        return out;
    }

    private static byte[] bytes(List<?> list) {
        byte[] b = new byte[list.size()];
        for (int i = 0; i < b.length; i++) b[i] = ((Number) list.get(i)).byteValue();
        return b;
    }

    private static Map<String, Variant<?>> itemProperties(DBusConnection host, String service) throws Exception {
        return host.getRemoteObject(service, "/StatusNotifierItem", Properties.class).GetAll(StatusNotifierItemBus.INTERFACE);
    }

    @Test
    @DisplayName("the item registers with the watcher and shows the state, its colour and the leak count")
    void registersWithStateAndCount() throws Exception {
        Watcher w = watcher();
        StatusNotifierTray tray = tray();
        Tray.Registration r = tray.start(new TrayState(ProtectionState.LEAKING, 3), new Recorded());
        assertTrue(r.registered(), String.valueOf(r.reason()));
        String service = w.registered.poll(10, TimeUnit.SECONDS);
        assertEquals(tray.busName(), service);

        Map<String, Variant<?>> p = itemProperties(connect(), service);
        assertEquals("SystemServices", p.get("Category").getValue());
        assertEquals("port853", p.get("Id").getValue());
        assertEquals("NeedsAttention", p.get("Status").getValue());
        assertTrue(String.valueOf(p.get("Title").getValue()).contains("Leaking"), String.valueOf(p.get("Title").getValue()));
        Object[] tip = fields(p.get("ToolTip").getValue());
        assertTrue(String.valueOf(tip[3]).contains("since start: 3"), String.valueOf(tip[3]));
        assertEquals(TrayIcons.colour(ProtectionState.Tone.BAD), tilePixel(p.get("IconPixmap").getValue()));
        assertEquals("/MenuBar", String.valueOf(p.get("Menu").getValue()));
    }

    @Test
    @DisplayName("the icon is the app icon (its shape and its white shield and padlock) in the state's colour")
    void iconIsTheAppIconTinted() throws Exception {
        Watcher w = watcher();
        tray().start(new TrayState(ProtectionState.LEAKING, 0), new Recorded());
        String service = w.registered.poll(10, TimeUnit.SECONDS);
        Object pixmaps = itemProperties(connect(), service).get("IconPixmap").getValue();
        List<Integer> sizes = new ArrayList<>();
        for (Object o : (List<?>) pixmaps) {
            Object[] px = fields(o);
            int size = ((Number) px[0]).intValue();
            assertEquals(size, ((Number) px[1]).intValue());
            sizes.add(size);
            int[] tinted = argb(px);
            java.awt.image.BufferedImage app;
            try (var in = TrayTest.class.getResourceAsStream("/org/port853/ui/icons/port853-" + size + ".png")) {
                assertNotNull(in, "the app icon at " + size + " px");
                app = javax.imageio.ImageIO.read(in);
            }
            int[] original = app.getRGB(0, 0, size, size, null, 0, size);
            java.util.Set<Integer> opaque = new java.util.HashSet<>();
            int white = 0;
            for (int i = 0; i < original.length; i++) {
                assertEquals(original[i] >>> 24, tinted[i] >>> 24, "the app icon's shape (alpha) at pixel " + i + ", " + size + " px");
                if (tinted[i] >>> 24 == 0xFF) opaque.add(tinted[i] & 0xFFFFFF);
                if ((original[i] & 0xFFFFFF) == 0xFFFFFF && original[i] >>> 24 == 0xFF) {
                    assertEquals(0xFFFFFF, tinted[i] & 0xFFFFFF, "white stays white");
                    white++;
                }
            }
            assertTrue(white > 0, "the padlock is drawn at " + size + " px");
            assertTrue(opaque.size() > 5, "an icon, not a single-colour disc: " + opaque.size() + " colours at " + size + " px");
            assertTrue(opaque.contains(TrayIcons.colour(ProtectionState.Tone.BAD)), "the tile is in the state's colour");
        }
        assertTrue(sizes.containsAll(List.of(16, 24, 32, 48)), sizes.toString());
    }

    @Test
    @DisplayName("the menu has the state line, Open, Verify now and Quit, and clicking Verify now verifies")
    void menuAndClicks() throws Exception {
        Watcher w = watcher();
        Recorded actions = new Recorded();
        tray().start(new TrayState(ProtectionState.AT_RISK, 1), actions);
        String service = w.registered.poll(10, TimeUnit.SECONDS);
        DBusMenuBus menu = connect().getRemoteObject(service, "/MenuBar", DBusMenuBus.class);
        DBusMenuBus.LayoutReply<UInt32, DBusMenuBus.Node> layout = menu.GetLayout(0, -1, List.of());
        List<String> labels = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        List<Object> enabled = new ArrayList<>();
        for (Variant<?> child : layout.layout.children) {
            Object[] node = fields(child.getValue());
            @SuppressWarnings("unchecked")
            Map<String, Variant<?>> props = (Map<String, Variant<?>>) node[1];
            if (props.containsKey("label")) {
                labels.add(String.valueOf(props.get("label").getValue()));
                ids.add(((Number) node[0]).intValue());
                enabled.add(props.containsKey("enabled") ? props.get("enabled").getValue() : true);
            }
        }
        assertEquals(List.of("At risk · leaked queries since start: 1", "Open Port853", "Verify now", "Quit"), labels);
        assertEquals(false, enabled.get(0), "the state line is not clickable");

        menu.Event(ids.get(labels.indexOf("Verify now")), "clicked", new Variant<>(""), new UInt32(0));
        assertEquals("verify", actions.done.poll(10, TimeUnit.SECONDS));
        menu.Event(ids.get(labels.indexOf("Quit")), "clicked", new Variant<>(""), new UInt32(0));
        assertEquals("quit", actions.done.poll(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("the item's and the menu's properties are read one at a time too (Get), refuse Set, and the objects "
            + "offer only their own interfaces and the standard ones")
    void propertiesAreReadOnly() throws Exception {
        Watcher w = watcher();
        tray().start(new TrayState(ProtectionState.LEAKING, 2), new Recorded());
        String service = w.registered.poll(10, TimeUnit.SECONDS);
        DBusConnection host = connect();
        Properties item = host.getRemoteObject(service, "/StatusNotifierItem", Properties.class);
        Properties menu = host.getRemoteObject(service, "/MenuBar", Properties.class);
        assertEquals("NeedsAttention", String.valueOf(item.<Object>Get(StatusNotifierItemBus.INTERFACE, "Status")));
        assertEquals("normal", String.valueOf(menu.<Object>Get(DBusMenuBus.INTERFACE, "Status")));
        for (Properties p : List.of(item, menu)) {
            try {
                p.Set("any", "Status", "Active");
                throw new AssertionError("Set was accepted");
            } catch (org.freedesktop.dbus.exceptions.DBusExecutionException refused) {
                assertTrue(String.valueOf(refused.getMessage()).contains("read-only"), refused.getMessage());
            }
        }
        assertEquals("NeedsAttention", String.valueOf(item.<Object>Get(StatusNotifierItemBus.INTERFACE, "Status")));
        assertEquals(List.of("org.freedesktop.DBus.Introspectable", "org.freedesktop.DBus.Peer",
                        "org.freedesktop.DBus.Properties", StatusNotifierItemBus.INTERFACE),
                interfaces(host, service, "/StatusNotifierItem"));
        assertEquals(List.of(DBusMenuBus.INTERFACE, "org.freedesktop.DBus.Introspectable", "org.freedesktop.DBus.Peer",
                        "org.freedesktop.DBus.Properties"),
                interfaces(host, service, "/MenuBar"));
    }

    /** The interface names an object's introspection data lists, sorted. */
    private static List<String> interfaces(DBusConnection host, String service, String path) throws Exception {
        String xml = host.getRemoteObject(service, path, org.freedesktop.dbus.interfaces.Introspectable.class).Introspect();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<interface name=\"([^\"]+)\"").matcher(xml);
        List<String> names = new ArrayList<>();
        while (m.find()) names.add(m.group(1));
        names.sort(null);
        return names;
    }

    @Test
    @DisplayName("a new state changes icon colour, status and menu, and is signalled")
    void followsStateChanges() throws Exception {
        Watcher w = watcher();
        StatusNotifierTray tray = tray();
        tray.start(new TrayState(ProtectionState.LEAKING, 2), new Recorded());
        String service = w.registered.poll(10, TimeUnit.SECONDS);
        DBusConnection host = connect();
        List<String> signals = new CopyOnWriteArrayList<>();
        BUS.closeAfterTest(host.addSigHandler(StatusNotifierItemBus.NewIcon.class, s -> signals.add("NewIcon")));
        BUS.closeAfterTest(host.addSigHandler(StatusNotifierItemBus.NewStatus.class, s -> signals.add("NewStatus " + s.status)));
        BUS.closeAfterTest(host.addSigHandler(StatusNotifierItemBus.NewToolTip.class, s -> signals.add("NewToolTip")));

        tray.update(new TrayState(ProtectionState.PROTECTED, 2));
        waitUntil(() -> signals.containsAll(List.of("NewIcon", "NewStatus Active", "NewToolTip")));
        Map<String, Variant<?>> p = itemProperties(host, service);
        assertEquals("Active", p.get("Status").getValue());
        assertEquals(TrayIcons.colour(ProtectionState.Tone.GOOD), tilePixel(p.get("IconPixmap").getValue()));
        assertTrue(String.valueOf(p.get("Title").getValue()).contains("Protected"));
    }

    private static AppServices plaintextMachine() throws java.io.IOException {
        return Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier());
    }

    /** Opens the window on {@code services} with its tray item, as the app does; returns the item's bus name. */
    private String windowInTheTray(AppServices services, Runnable quit) throws Exception {
        Watcher w = watcher();
        open(services);
        StatusNotifierTray tray = tray();
        TrayMonitor monitor = WaitForAsyncUtils.asyncFx(() -> TrayStartup.begin(tray, stage, window, false, quit)).get();
        BUS.closeAfterTest(monitor);
        String service = w.registered.poll(10, TimeUnit.SECONDS);
        assertNotNull(service);
        waitUntil(monitor::registered);
        return service;
    }

    @Test
    @DisplayName("the window's state and leak count reach the tray, and Verify now from the tray runs Verify")
    void windowFeedsTray() throws Exception {
        String service = windowInTheTray(plaintextMachine(), () -> { });
        DBusConnection host = connect();
        waitUntil(() -> String.valueOf(itemProperties(host, service).get("Title").getValue()).contains("Not encrypted"));
        DBusMenuBus menu = host.getRemoteObject(service, "/MenuBar", DBusMenuBus.class);
        menu.Event(4, "clicked", new Variant<>(""), new UInt32(0));
        waitUntil(() -> window.navigation().currentProperty().get() == MainWindow.Screen.VERIFY);
    }

    /** Whether the tray menu's Verify now can be clicked, as the desktop's tray reads the menu. */
    private static boolean verifyEnabled(DBusMenuBus menu) {
        for (Variant<?> child : menu.GetLayout(0, -1, List.of()).layout.children) {
            Object[] node = fields(child.getValue());
            if (((Number) node[0]).intValue() == 4) {
                @SuppressWarnings("unchecked")
                Map<String, Variant<?>> props = (Map<String, Variant<?>>) node[1];
                return !props.containsKey("enabled") || Boolean.TRUE.equals(props.get("enabled").getValue());
            }
        }
        throw new AssertionError("no Verify now in the tray's menu");
    }

    @Test
    @DisplayName("while the window's apply sheet is open (a change previewed, running, its result shown) the tray's "
            + "Verify now is greyed out, as the window's Verify is, instead of doing nothing; usable again after it")
    void trayVerifyWaitsForTheApplySheet() throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        String service = windowInTheTray(Fakes.services(adapter, () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()), () -> { });
        DBusMenuBus menu = connect().getRemoteObject(service, "/MenuBar", DBusMenuBus.class);
        assertTrue(verifyEnabled(menu));

        untilPreview(() -> window.statusViewModel().protect());
        waitUntil(() -> !verifyEnabled(menu));
        var apply = window.applyViewModel();
        adapter.delayMs = 3000; // the change runs long enough to look at the tray meanwhile
        fx(() -> {
            apply.confirm();
            return null;
        });
        waitUntil(() -> apply.phaseProperty().get() == org.port853.ui.apply.ApplyViewModel.Phase.APPLYING);
        adapter.delayMs = 150;
        assertFalse(verifyEnabled(menu), "Verify now offered while the change runs");
        waitUntil(() -> apply.phaseProperty().get() == org.port853.ui.apply.ApplyViewModel.Phase.RESULT);
        assertFalse(verifyEnabled(menu), "Verify now offered while the result is open");

        fx(() -> {
            apply.close();
            return null;
        });
        waitUntil(() -> verifyEnabled(menu));
        menu.Event(4, "clicked", new Variant<>(""), new UInt32(0));
        waitUntil(() -> window.navigation().currentProperty().get() == MainWindow.Screen.VERIFY);
    }

    @Test
    @DisplayName("the window's tray item leaves the session bus, its connection closed, when the window shuts down: "
            + "a connection left open raised dbus-java's NotConnected in a later test once this bus stopped")
    void theTrayLeavesTheBusWithTheWindow() throws Exception {
        String service = windowInTheTray(plaintextMachine(), () -> { });
        DBus daemon = connect().getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        assertTrue(daemon.NameHasOwner(service));
        WaitForAsyncUtils.asyncFx(() -> window.shutdown()).get();
        assertFalse(daemon.NameHasOwner(service), "the item is still on the bus after the window shut down");
        assertFalse(Arrays.stream(daemon.ListNames()).anyMatch(n -> n.startsWith("org.kde.StatusNotifierItem-")),
                "a tray item is still on the bus: " + Arrays.toString(daemon.ListNames()));
    }

    @Test
    @DisplayName("closed to the tray and opened from it, the window comes back where and as large as the user left "
            + "it, not centred at its first size")
    void openedFromTheTrayWhereItWas() throws Exception {
        String service = windowInTheTray(plaintextMachine(), () -> { });
        fx(() -> {
            window.preferencesViewModel().closeToTrayProperty().set(true);
            // the window as the app first shows it: its size and place are not the app's own (none set)
            stage.sizeToScene();
            stage.centerOnScreen();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            // the user moves and resizes it: the window manager tells JavaFX
            com.sun.javafx.stage.WindowHelper.notifyLocationChanged(stage, 101, 77);
            com.sun.javafx.stage.WindowHelper.notifySizeChanged(stage, 900, 600);
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            return null;
        });
        assertFalse(fx(stage::isShowing), "not closed to the tray");

        DBusMenuBus menu = connect().getRemoteObject(service, "/MenuBar", DBusMenuBus.class);
        menu.Event(3, "clicked", new Variant<>(""), new UInt32(0));
        waitUntil(stage::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(101.0, 77.0, 900.0, 600.0),
                fx(() -> List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
    }

    @Test
    @DisplayName("in the demo the tray says it shows the demo's sample machine, not this computer")
    void demoTraySaysDemo() throws Exception {
        String service = windowInTheTray(plaintextMachine().withDemo(), () -> { });
        DBusConnection host = connect();
        waitUntil(() -> String.valueOf(itemProperties(host, service).get("Title").getValue())
                .startsWith("Port853 demo: "));
    }

    @Test
    @DisplayName("File › Quit ends the app also while the tray item is up (closing the window only hides it then)")
    void quitFromTheMenuQuitsWithTheTrayUp() throws Exception {
        java.util.concurrent.atomic.AtomicInteger quits = new java.util.concurrent.atomic.AtomicInteger();
        windowInTheTray(plaintextMachine(), quits::incrementAndGet);
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
            bar.getMenus().get(0).getItems().stream().filter(i -> "_Quit".equals(i.getText())).findFirst()
                    .orElseThrow().fire();
        }).get();
        assertEquals(1, quits.get(), "Quit did not quit");
        assertTrue(stage.isShowing(), "the app's quit, not a close of the window");
    }

    @Test
    @DisplayName("when the tray host restarts (a panel restart), the item registers again with the new watcher")
    void registersAgainWhenTheTrayHostRestarts() throws Exception {
        DBusConnection host = BUS.closeAfterTest(BUS.connectUnowned()); // closed by the test, or after a failure
        Watcher first = watcherOn(host);
        StatusNotifierTray tray = tray();
        BlockingQueue<Tray.Registration> changes = new LinkedBlockingQueue<>();
        tray.whenShownChanges(changes::add);
        assertTrue(tray.start(new TrayState(ProtectionState.LEAKING, 1), new Recorded()).registered());
        assertEquals(tray.busName(), first.registered.poll(10, TimeUnit.SECONDS));

        host.close();
        Tray.Registration gone = changes.poll(10, TimeUnit.SECONDS);
        assertNotNull(gone, "not told that the tray went away");
        assertFalse(gone.registered());
        assertTrue(gone.reason().contains("went away"), gone.reason());
        assertFalse(tray.registered());

        Watcher second = watcher();
        assertEquals(tray.busName(), second.registered.poll(10, TimeUnit.SECONDS), "not registered with the new watcher");
        Tray.Registration back = changes.poll(10, TimeUnit.SECONDS);
        assertNotNull(back);
        assertTrue(back.registered());
        assertTrue(tray.registered());
    }

    @Test
    @DisplayName("on the session bus connection it shares (notifications, colour scheme), a closed tray leaves nothing "
            + "behind, and the next tray (the window switched to the demo) registers")
    void sharedConnectionIsLeftClean() throws Exception {
        SessionBus.Opener shared = SessionBus.sharedOpener(BUS.address());
        DBusConnection otherUser = BUS.closeAfterTest(shared.open()); // the notifications, still running
        Watcher watcher = watcher();
        StatusNotifierTray first = tray(shared);
        assertTrue(first.start(new TrayState(ProtectionState.LEAKING, 1), new Recorded()).registered());
        String firstName = first.busName();
        assertEquals(firstName, watcher.registered.poll(10, TimeUnit.SECONDS));
        first.close();

        DBus daemon = connect().getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        assertTrue(otherUser.isConnected(), "the other user's connection stays open");
        assertFalse(daemon.NameHasOwner(firstName), "the closed tray's name is released (the host drops its item)");

        StatusNotifierTray second = tray(shared);
        Tray.Registration again = second.start(new TrayState(ProtectionState.PROTECTED, 0), new Recorded());
        assertTrue(again.registered(), String.valueOf(again.reason()));
        assertEquals(second.busName(), watcher.registered.poll(10, TimeUnit.SECONDS));
        assertEquals("Active", String.valueOf(itemProperties(connect(), second.busName()).get("Status").getValue()),
                "the new tray's item answers, not the old one's");
    }

    @Test
    @DisplayName("a tray host that starts after the app (a slow panel at login) gets the item then")
    void registersWithATrayHostThatStartsLater() throws Exception {
        StatusNotifierTray tray = tray();
        BlockingQueue<Tray.Registration> changes = new LinkedBlockingQueue<>();
        tray.whenShownChanges(changes::add);
        Tray.Registration first = tray.start(new TrayState(ProtectionState.PROTECTED, 0), new Recorded());
        assertFalse(first.registered());
        assertTrue(first.reason().contains("StatusNotifierWatcher"), first.reason());

        Watcher late = watcher();
        assertEquals(tray.busName(), late.registered.poll(10, TimeUnit.SECONDS));
        Tray.Registration now = changes.poll(10, TimeUnit.SECONDS);
        assertNotNull(now);
        assertTrue(now.registered());
        assertEquals("Active", itemProperties(connect(), tray.busName()).get("Status").getValue());
    }

    @Test
    @DisplayName("the window hidden in the tray opens again, with a notice, when the tray goes away")
    void hiddenWindowOpensWhenTheTrayGoesAway() throws Exception {
        DBusConnection host = BUS.connectUnowned();
        Watcher w = watcherOn(host);
        startHidden(tray(), javafx.util.Duration.minutes(2));
        assertNotNull(w.registered.poll(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(WaitForAsyncUtils.asyncFx(stage::isShowing).get());
        waitUntil(() -> trayStatus().contains("shows Port853's icon"));

        host.close();
        waitUntil(() -> stage.isShowing() && window.noticeProperty().get() != null);
        assertTrue(window.noticeProperty().get().contains("went away"), window.noticeProperty().get());
        waitUntil(() -> trayStatus().startsWith("No tray icon now") && trayStatus().contains("went away"));
    }

    @Test
    @DisplayName("a watcher without a tray host (kded outside Plasma) is no tray: Start minimised opens the window, "
            + "and the icon is in the tray (the notice gone) once a host starts")
    void watcherWithoutHostIsNoTrayUntilAHostStarts() throws Exception {
        DBusConnection host = connect();
        Watcher w = watcherOn(host);
        w.host = false;
        startHidden(tray(), javafx.util.Duration.minutes(2));
        assertNotNull(w.registered.poll(10, TimeUnit.SECONDS));
        openedByTheTraysAnswer();
        assertTrue(window.noticeProperty().get().contains("no panel that shows its icons"), window.noticeProperty().get());
        waitUntil(() -> trayStatus().startsWith("No tray icon now") && trayStatus().contains("StatusNotifierHost"));

        w.host = true;
        host.sendMessage(new StatusNotifierWatcherBus.StatusNotifierHostRegistered(StatusNotifierWatcherBus.PATH));
        waitUntil(() -> trayStatus().contains("shows Port853's icon"));
        waitUntil(() -> window.noticeProperty().get() == null);
    }

    @Test
    @DisplayName("the notice that the tray went away goes when the icon is in the tray again")
    void goneNoticeGoesWhenTheTrayIsBack() throws Exception {
        DBusConnection host = BUS.closeAfterTest(BUS.connectUnowned()); // closed by the test, or after a failure
        Watcher first = watcherOn(host);
        startHidden(tray(), javafx.util.Duration.minutes(2));
        assertNotNull(first.registered.poll(10, TimeUnit.SECONDS));
        waitUntil(() -> trayStatus().contains("shows Port853's icon"));
        host.close();
        waitUntil(() -> stage.isShowing() && window.noticeProperty().get() != null
                && window.noticeProperty().get().contains("went away"));

        Watcher second = watcher();
        assertNotNull(second.registered.poll(10, TimeUnit.SECONDS));
        waitUntil(() -> trayStatus().contains("shows Port853's icon"));
        waitUntil(() -> window.noticeProperty().get() == null);
    }

    @Test
    @DisplayName("a registration the watcher refuses keeps the item on the bus, says so in our words, and the "
            + "restarted watcher gets the item")
    void failedRegistrationKeepsTheItemForTheNextWatcher() throws Exception {
        DBusConnection host = BUS.closeAfterTest(BUS.connectUnowned()); // closed by the test, or after a failure
        Watcher broken = watcherOn(host);
        broken.refuse = true;
        StatusNotifierTray tray = tray();
        BlockingQueue<Tray.Registration> changes = new LinkedBlockingQueue<>();
        tray.whenShownChanges(changes::add);
        Tray.Registration first = tray.start(new TrayState(ProtectionState.LEAKING, 1), new Recorded());
        assertFalse(first.registered());
        assertEquals("The tray did not take Port853's icon (it did not answer, or refused it).", first.reason());
        String name = tray.busName();
        assertNotNull(name);

        host.close();
        Watcher restarted = watcher();
        assertEquals(name, restarted.registered.poll(10, TimeUnit.SECONDS), "not registered with the restarted watcher");
        waitUntil(tray::registered);
        DBus daemon = connect().getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        assertTrue(daemon.NameHasOwner(name), "the item's bus name is kept");
        assertEquals("NeedsAttention", itemProperties(connect(), name).get("Status").getValue());
    }

    @Test
    @DisplayName("without a StatusNotifierWatcher, Start minimised opens the window and says why")
    void startMinimisedWithoutTrayOpensWindow() throws Exception {
        startHidden(tray(), javafx.util.Duration.minutes(2));
        openedByTheTraysAnswer();
        assertTrue(window.noticeProperty().get().contains("StatusNotifierWatcher"), window.noticeProperty().get());
        assertTrue(WaitForAsyncUtils.asyncFx(this::trayStatus).get().contains("StatusNotifierWatcher"),
                "Preferences say why there is no tray icon");
    }

    @Test
    @DisplayName("where the platform has no tray, Start minimised opens the window and says so")
    void startMinimisedOnPlatformWithoutTray() throws Exception {
        startHidden(new UnavailableTray(), javafx.util.Duration.minutes(2));
        openedByTheTraysAnswer();
        assertTrue(window.noticeProperty().get().contains("not available on this platform"), window.noticeProperty().get());
    }

    @Test
    @DisplayName("Start minimised's wait for the tray goes with its window: when it ends, it does not open the stage "
            + "that a later window keeps hidden (TrayTest once failed so, a test's wait ending in the next one)")
    void theTrayWaitGoesWithItsWindow() throws Exception {
        javafx.util.Duration trayWait = javafx.util.Duration.seconds(2);
        startHidden(silentTray(), trayWait);
        fx(() -> {
            window.shutdown(); // as Open demo replaces the window in the same stage
            stage.hide(); // the next window, hidden in its tray
            return null;
        });
        // a wait of the same length started after it has ended, so the window's has too
        java.util.concurrent.CountDownLatch later = new java.util.concurrent.CountDownLatch(1);
        fx(() -> {
            var pause = new javafx.animation.PauseTransition(trayWait);
            pause.setOnFinished(e -> later.countDown());
            pause.play();
            return null;
        });
        assertTrue(later.await(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(stage::isShowing), "the closed window's wait opened the stage");
    }

    @Test
    @DisplayName("a tray that answers after its window closed does not open the stage that a later window keeps hidden "
            + "(a test's silent tray, released after it, answered in the next test)")
    void aLateTrayAnswerGoesWithItsWindow() throws Exception {
        SilentTray silent = silentTray();
        startHidden(silent, javafx.util.Duration.minutes(2));
        waitUntil(() -> silent.asked.get() != 0);
        fx(() -> {
            window.shutdown(); // closes the tray monitor, which waits a little for the hung tray
            stage.hide(); // the next window, hidden in its tray
            return null;
        });
        silent.release.countDown(); // the tray answers now: unavailable, which would open the window
        // the monitor's one worker closes the tray after it has passed on that answer
        assertTrue(silent.closed.await(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(stage::isShowing), "the closed window's tray answer opened the stage");
    }

    @Test
    @DisplayName("with a tray, Start minimised keeps the window hidden while monitoring runs")
    void startMinimisedWithTrayStaysHidden() throws Exception {
        Watcher w = watcher();
        // a wait no loaded test machine reaches: this test is about the registered tray, not the fallback
        startHidden(tray(), javafx.util.Duration.minutes(2));
        assertNotNull(w.registered.poll(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(WaitForAsyncUtils.asyncFx(stage::isShowing).get(), "the window opened although the tray is there");
        assertEquals(null, window.noticeProperty().get());
        waitUntil(() -> window.trafficViewModel().runningProperty().get());
    }

    @Test
    @DisplayName("Start minimised with a preferences file Port853 could not use in full opens the window, also with a "
            + "tray: its notice waited unseen in the hidden window")
    void startMinimisedOpensForTheNoticeOfBadPreferences() throws Exception {
        Watcher w = watcher();
        startMinimisedWithBadPreferences(tray());
        assertNotNull(w.registered.poll(10, TimeUnit.SECONDS));
        waitUntil(() -> trayStatus().contains("shows Port853's icon"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(stage::isShowing), "the window stayed hidden with its notice");
        String notice = fx(() -> window.noticeProperty().get());
        assertTrue(notice != null && notice.contains("notifications=yes"), notice);
    }

    @Test
    @DisplayName("Start minimised without a tray and with a preferences file Port853 could not use in full: the window "
            + "says both (the tray's notice replaced the preferences' one), and only the latter once the tray is there")
    void noTrayNoticeKeepsTheNoticeOfBadPreferences() throws Exception {
        startMinimisedWithBadPreferences(tray());
        waitUntil(() -> trayStatus().contains("StatusNotifierWatcher") && window.noticeProperty().get() != null
                && window.noticeProperty().get().contains("StatusNotifierWatcher"));
        String notice = fx(() -> window.noticeProperty().get());
        assertTrue(notice.contains("notifications=yes"), notice);

        watcher();
        waitUntil(() -> trayStatus().contains("shows Port853's icon"));
        waitUntil(() -> !String.valueOf(window.noticeProperty().get()).contains("StatusNotifierWatcher"));
        assertTrue(String.valueOf(fx(() -> window.noticeProperty().get())).contains("notifications=yes"),
                "the preferences' notice went with the tray's");
    }

    /** As Port853App opens a window that starts minimised, with "notifications=yes" in its preferences file. */
    private void startMinimisedWithBadPreferences(Tray tray) throws Exception {
        AppServices services = plaintextMachine();
        var store = new org.port853.ui.prefs.PreferencesStore(services.configDir());
        java.nio.file.Files.createDirectories(store.file().getParent());
        java.nio.file.Files.writeString(store.file(), "startMinimised=true\nnotifications=yes\n");
        var loaded = store.read();
        assertTrue(loaded.preferences().startMinimised());
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        TrayMonitor monitor = WaitForAsyncUtils.asyncFx(() -> {
            window = new MainWindow(services, url -> { }, null, loaded.preferences());
            window.show(stage, false);
            window.showNotice(loaded.problem());
            return TrayStartup.begin(tray, stage, window, true, () -> { }, javafx.util.Duration.minutes(2));
        }).get();
        BUS.closeAfterTest(monitor);
    }

    @Test
    @DisplayName("a tray that never answers: Start minimised opens the window after the wait and says why")
    void startMinimisedWithSilentTrayOpensAfterTheWait() throws Exception {
        SilentTray silent = silentTray();
        startHidden(silent); // the app's wait, TrayStartup.TRAY_WAIT (5 s)
        waitUntil(() -> silent.asked.get() != 0);
        long halfWay = silent.asked.get() + TimeUnit.MILLISECONDS.toNanos((long) TrayStartup.TRAY_WAIT.toMillis() / 2);
        Thread.sleep(Math.max(0, (halfWay - System.nanoTime()) / 1_000_000));
        assertFalse(WaitForAsyncUtils.asyncFx(stage::isShowing).get(), "the window opened before the wait was over");
        waitUntil(() -> stage.isShowing() && window.noticeProperty().get() != null);
        assertTrue(window.noticeProperty().get().contains("did not answer within 5 seconds"), window.noticeProperty().get());
    }

    /** What Preferences say about the tray now (read it on the JavaFX thread). */
    private String trayStatus() {
        return window.preferencesViewModel().trayStatusProperty().get();
    }

    /** A tray that does not answer until the test ends (a hung bus), released then so its worker ends. */
    private SilentTray silentTray() {
        SilentTray silent = new SilentTray();
        BUS.closeAfterTest(silent.release::countDown);
        return silent;
    }

    static final class SilentTray implements Tray {
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        /** When start was called, in System.nanoTime(): the window's wait for the tray starts together with it. */
        final java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public Registration start(TrayState initial, TrayActions actions) {
            asked.set(System.nanoTime());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Registration.unavailable("released by the test");
        }

        @Override public void update(TrayState state) { }
        @Override public void close() { closed.countDown(); }
    }

    /**
     * Opened with a notice, by the tray's answer: started with a wait for the tray no loaded machine reaches, not
     * TrayStartup's 5 s after which the window opens whatever happened (a 3 s bound on that race once stood here).
     */
    private void openedByTheTraysAnswer() throws Exception {
        waitUntil(() -> stage.isShowing() && window.noticeProperty().get() != null);
    }

    private void startHidden(Tray tray) throws Exception {
        startHidden(tray, TrayStartup.TRAY_WAIT);
    }

    private void startHidden(Tray tray, javafx.util.Duration trayWait) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        AppServices services = Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier());
        org.port853.ui.prefs.Preferences prefs = new org.port853.ui.prefs.PreferencesStore(services.configDir()).load();
        TrayMonitor monitor = WaitForAsyncUtils.asyncFx(() -> {
            window = new MainWindow(services, url -> { }, null, prefs);
            window.show(stage, false);
            return TrayStartup.begin(tray, stage, window, true, () -> { }, trayWait);
        }).get();
        BUS.closeAfterTest(monitor);
        assertFalse(stage.isShowing() && tray instanceof StatusNotifierTray t && t.registered());
    }
}
