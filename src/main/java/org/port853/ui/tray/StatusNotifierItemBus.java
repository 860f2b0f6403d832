package org.port853.ui.tray;

import java.util.List;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/** The org.kde.StatusNotifierItem D-Bus interface (freedesktop StatusNotifierItem specification). */
@DBusInterfaceName("org.kde.StatusNotifierItem")
public interface StatusNotifierItemBus extends DBusInterface {
    String INTERFACE = "org.kde.StatusNotifierItem";

    void ContextMenu(int x, int y);

    void Activate(int x, int y);

    void SecondaryActivate(int x, int y);

    void Scroll(int delta, String orientation);

    /** One icon image: width, height, ARGB32 pixels in network byte order (signature (iiay)). */
    final class Pixmap extends Struct {
        @Position(0)
        public final int width;
        @Position(1)
        public final int height;
        @Position(2)
        public final byte[] argb;

        public Pixmap(int width, int height, byte[] argb) {
            this.width = width;
            this.height = height;
            this.argb = argb;
        }
    }

    /** The tool tip (signature (sa(iiay)ss)): icon name, icon images, title, description. */
    final class ToolTip extends Struct {
        @Position(0)
        public final String iconName;
        @Position(1)
        public final List<Pixmap> iconPixmap;
        @Position(2)
        public final String title;
        @Position(3)
        public final String description;

        public ToolTip(String iconName, List<Pixmap> iconPixmap, String title, String description) {
            this.iconName = iconName;
            this.iconPixmap = iconPixmap;
            this.title = title;
            this.description = description;
        }
    }

    final class NewIcon extends DBusSignal {
        public NewIcon(String path) throws DBusException {
            super(path);
        }
    }

    final class NewAttentionIcon extends DBusSignal {
        public NewAttentionIcon(String path) throws DBusException {
            super(path);
        }
    }

    final class NewToolTip extends DBusSignal {
        public NewToolTip(String path) throws DBusException {
            super(path);
        }
    }

    final class NewTitle extends DBusSignal {
        public NewTitle(String path) throws DBusException {
            super(path);
        }
    }

    final class NewStatus extends DBusSignal {
        public final String status;

        public NewStatus(String path, String status) throws DBusException {
            super(path, status);
            this.status = status;
        }
    }
}
