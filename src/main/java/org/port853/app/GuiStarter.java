package org.port853.app;

import org.port853.ui.Port853App;

/** Opens the desktop window, in demo mode with a replayed capture and a sample resolver when asked. */
final class GuiStarter {
    private GuiStarter() {
    }

    static void start(String[] args, boolean demo) {
        Port853App.launchGui(new String[0], demo);
    }
}
