package org.port853.app;

/** Opens the desktop window. */
final class GuiStarter {
    private GuiStarter() {
    }

    static void start(String[] args, boolean demo) {
        System.out.println("Port853: the desktop window is not built yet; use 'port853 status' or 'port853 --help'.");
    }
}
