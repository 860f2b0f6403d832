package org.port853.app;

import java.util.Locale;
import java.util.Map;
import org.port853.ui.Port853App;

/** Opens the desktop window, in demo mode with a replayed capture and a sample resolver when asked. */
final class GuiStarter {
    private GuiStarter() {
    }

    static void start(String[] args, boolean demo) {
        String problem = displayProblem(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (problem != null) {
            System.err.println("port853: " + problem);
            System.exit(1);
        }
        Port853App.launchGui(new String[0], demo);
    }

    /** Without a display JavaFX dies with a stack trace; say it in one sentence instead. */
    static String displayProblem(Map<String, String> env, String osName, String glassPlatform) {
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        boolean headlessToolkit = "Monocle".equals(glassPlatform);
        boolean display = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        if (!linux || headlessToolkit || display) {
            return null;
        }
        return "no graphical display was found (DISPLAY and WAYLAND_DISPLAY are unset); start Port853 from a "
                + "desktop session, or use the command line: port853 --help";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
