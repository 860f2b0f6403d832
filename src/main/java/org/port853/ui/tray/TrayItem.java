package org.port853.ui.tray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;
import org.port853.ui.status.ProtectionState;

/** The exported StatusNotifierItem object: its properties follow the current {@link TrayState}. */
final class TrayItem implements StatusNotifierItemBus, ReadOnlyProperties {
    static final String PATH = "/StatusNotifierItem";
    private final Runnable open;
    private volatile TrayState state;

    /** @param open what a left click does (already marshalled to the JavaFX thread by the caller) */
    TrayItem(TrayState initial, Runnable open) {
        this.state = initial;
        this.open = open;
    }

    void setState(TrayState s) {
        state = s;
    }

    /** Active while fine, NeedsAttention when the state is bad (trays then show it prominently). */
    static String status(TrayState s) {
        return s.state().tone() == ProtectionState.Tone.BAD ? "NeedsAttention" : "Active";
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        TrayState s = state;
        List<Pixmap> icon = TrayIcons.pixmaps(s.state().tone());
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("Category", new Variant<>("SystemServices"));
        p.put("Id", new Variant<>("port853"));
        p.put("Title", new Variant<>(TrayTexts.title(s)));
        p.put("Status", new Variant<>(status(s)));
        p.put("WindowId", new Variant<>(0));
        p.put("IconName", new Variant<>(""));
        p.put("IconPixmap", new Variant<>(icon, "a(iiay)"));
        p.put("AttentionIconName", new Variant<>(""));
        p.put("AttentionIconPixmap", new Variant<>(icon, "a(iiay)"));
        p.put("OverlayIconName", new Variant<>(""));
        p.put("ToolTip", new Variant<>(new ToolTip("", icon, TrayTexts.title(s), TrayTexts.leaks(s)), "(sa(iiay)ss)"));
        p.put("ItemIsMenu", new Variant<>(false));
        p.put("Menu", new Variant<>(new DBusPath(TrayMenu.PATH)));
        return p;
    }

    @Override
    public void Activate(int x, int y) {
        open.run();
    }

    @Override
    public void SecondaryActivate(int x, int y) {
        open.run();
    }

    @Override
    public void ContextMenu(int x, int y) {
        // the host shows the dbusmenu at Menu itself
    }

    @Override
    public void Scroll(int delta, String orientation) {
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }
}
