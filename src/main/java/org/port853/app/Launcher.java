package org.port853.app;

import org.port853.cli.CliServices;
import org.port853.cli.Port853Command;

/**
 * Starts the window (no arguments, or {@code --demo}) or the command line. A plain class, not an
 * {@code Application}: JavaFX refuses to start an Application main class from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length == 1 && args[0].equals("--demo")) {
            GuiStarter.start(args, args.length == 1);
            return;
        }
        System.exit(Port853Command.create(CliServices.system()).execute(args));
    }
}
