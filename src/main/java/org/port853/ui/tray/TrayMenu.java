package org.port853.ui.tray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.port853.ui.common.I18n;

/**
 * The exported com.canonical.dbusmenu object: a disabled line with the state and the leak count, then Open,
 * Verify now (disabled while the window cannot verify) and Quit. Clicks run the actions given (which marshal to the
 * JavaFX thread).
 */
final class TrayMenu implements DBusMenuBus, ReadOnlyProperties {
    static final String PATH = "/MenuBar";
    static final int ROOT = 0;
    static final int SUMMARY = 1;
    static final int OPEN = 3;
    static final int VERIFY = 4;
    static final int QUIT = 6;
    private final Map<Integer, Runnable> actions;
    private final AtomicInteger revision = new AtomicInteger(1);
    private volatile TrayState state;

    TrayMenu(TrayState initial, Runnable open, Runnable verify, Runnable quit) {
        this.state = initial;
        this.actions = Map.of(OPEN, open, VERIFY, verify, QUIT, quit);
    }

    /** Shows a new state; returns the new layout revision (for LayoutUpdated). */
    int setState(TrayState s) {
        state = s;
        return revision.incrementAndGet();
    }

    private List<Node> items() {
        TrayState s = state;
        return List.of(
                node(SUMMARY, label(TrayTexts.summary(s)), "enabled", false),
                node(2, "type", "separator"),
                node(OPEN, label(I18n.t("tray.open"))),
                node(VERIFY, label(I18n.t("tray.verify")), "enabled", s.canVerify()),
                node(5, "type", "separator"),
                node(QUIT, label(I18n.t("tray.quit"))));
    }

    /** dbusmenu labels use "_" for mnemonics, as the bundles do. */
    private static Map<String, Variant<?>> label(String text) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("label", new Variant<>(text));
        return p;
    }

    private static Node node(int id, Map<String, Variant<?>> props, String key, Object value) {
        Map<String, Variant<?>> p = new LinkedHashMap<>(props);
        p.put(key, new Variant<>(value));
        return new Node(id, p, List.of());
    }

    private static Node node(int id, String key, Object value) {
        return node(id, Map.of(), key, value);
    }

    private static Node node(int id, Map<String, Variant<?>> props) {
        return new Node(id, props, List.of());
    }

    private Node root(int depth) {
        List<Variant<?>> children = new ArrayList<>();
        if (depth != 0) {
            for (Node n : items()) {
                children.add(new Variant<>(n, Node.SIGNATURE));
            }
        }
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("children-display", new Variant<>("submenu"));
        return new Node(ROOT, p, children);
    }

    @Override
    public LayoutReply<UInt32, Node> GetLayout(int parentId, int recursionDepth, List<String> propertyNames) {
        UInt32 rev = new UInt32(revision.get());
        if (parentId == ROOT) {
            return new LayoutReply<>(rev, root(recursionDepth));
        }
        for (Node n : items()) {
            if (n.id == parentId) {
                return new LayoutReply<>(rev, n);
            }
        }
        throw new IllegalArgumentException("no menu item " + parentId);
    }

    @Override
    public List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames) {
        List<ItemProperties> out = new ArrayList<>();
        for (Node n : items()) {
            if (ids.isEmpty() || ids.contains(n.id)) {
                Map<String, Variant<?>> p = new LinkedHashMap<>(n.properties);
                if (!propertyNames.isEmpty()) {
                    p.keySet().retainAll(propertyNames);
                }
                out.add(new ItemProperties(n.id, p));
            }
        }
        return out;
    }

    @Override
    public Variant<?> GetProperty(int id, String name) {
        for (Node n : items()) {
            if (n.id == id && n.properties.containsKey(name)) {
                return n.properties.get(name);
            }
        }
        throw new IllegalArgumentException("no property " + name + " on menu item " + id);
    }

    @Override
    public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
        Runnable r = actions.get(id);
        if (r != null && "clicked".equals(eventId)) {
            r.run();
        }
    }

    @Override
    public List<Integer> EventGroup(List<EventItem> events) {
        for (EventItem e : events) {
            Event(e.id, e.eventId, e.data, e.timestamp);
        }
        return List.of();
    }

    @Override
    public boolean AboutToShow(int id) {
        return false;
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("Version", new Variant<>(new UInt32(3)));
        p.put("TextDirection", new Variant<>("ltr"));
        p.put("Status", new Variant<>("normal"));
        p.put("IconThemePath", new Variant<>(List.of(), "as"));
        return p;
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }
}
