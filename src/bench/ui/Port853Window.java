/** Starts the real Port853 window (demo services) the same way as the bare window: a plain main class. */
public final class Port853Window {
    public static void main(String[] args) {
        org.port853.ui.Port853App.launchGui(args, true);
    }
}
