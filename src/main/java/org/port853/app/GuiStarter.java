package org.port853.app;

import java.util.Locale;
import java.util.Map;
import org.port853.ui.AppServices;
import org.port853.ui.Port853App;

/** Opens the desktop window, in demo mode with a replayed capture and a sample resolver when asked. */
final class GuiStarter {
    private GuiStarter() {
    }

    static void start(String[] args, boolean demo) {
        start(demo ? AppServices.forDemo() : AppServices.forSystem());
    }

    static void start(AppServices services) {
        String problem = displayProblem(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (problem != null) {
            System.err.println("port853: " + problem);
            System.exit(1);
        }
        quietJavaFxClassPathWarning();
        NoSessionBus.keepGtkFromStartingOne();
        try {
            Port853App.launchGui(new String[0], services);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // e.g. "Unable to open DISPLAY": a DISPLAY that names no running X server
            System.err.println("port853: the graphical display could not be opened (" + e.getMessage() + "; DISPLAY="
                    + System.getenv("DISPLAY") + "); start Port853 from a desktop session, or use the command line: "
                    + "port853 --help");
            System.exit(1);
        }
    }

    /** Kept so the logger (and its level) is not garbage-collected. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * JavaFX warns "Unsupported JavaFX configuration" whenever it is loaded from the class path, which is how the
     * jar and the installed app run it (jpackage's launcher too); the configuration works, so the warning is noise.
     */
    static void quietJavaFxClassPathWarning() {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /**
     * Without a display JavaFX dies with a stack trace; say it in one sentence instead. JavaFX 21 draws through X11
     * only, so a Wayland session needs its X server (XWayland) as well.
     */
    static String displayProblem(Map<String, String> env, String osName, String glassPlatform) {
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        boolean headlessToolkit = "Monocle".equals(glassPlatform);
        if (!linux || headlessToolkit || notBlank(env.get("DISPLAY"))) {
            return null;
        }
        if (notBlank(env.get("WAYLAND_DISPLAY"))) {
            return "this Wayland session offers no X display (DISPLAY is unset), which Port853's window needs: turn on "
                    + "XWayland (most desktops have it on), or use the command line: port853 --help";
        }
        return "no graphical display was found (DISPLAY and WAYLAND_DISPLAY are unset); start Port853 from a "
                + "desktop session, or use the command line: port853 --help";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
