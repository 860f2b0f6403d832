package org.port853.app;

import org.port853.ui.common.SessionBus;

/**
 * Where no D-Bus session bus runs (an X login over SSH, a bare X server), GTK starts one with {@code dbus-launch}: its
 * settings backend (dconf) to watch for changes, and its accessibility bridge to find at-spi's bus. That bus, at-spi's
 * bus launcher and its bus stay running after Port853 has quit. So there, before GTK starts, this process reads GTK's
 * settings from memory (without a bus no change could reach it anyway) and does without the bridge (JavaFX draws its
 * own controls and gives it nothing to read on Linux). A desktop session has a bus and is left as it is.
 */
final class NoSessionBus {
    private NoSessionBus() {
    }

    /** Before the toolkit starts: keeps GTK from starting a bus of its own. */
    static void keepGtkFromStartingOne() {
        if (SessionBus.missing()) {
            CLibrary.INSTANCE.setenv("GSETTINGS_BACKEND", "memory", 0);
            CLibrary.INSTANCE.setenv("NO_AT_BRIDGE", "1", 0);
        }
    }

    private interface CLibrary extends com.sun.jna.Library {
        CLibrary INSTANCE = com.sun.jna.Native.load(com.sun.jna.Platform.C_LIBRARY_NAME, CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }
}
