package org.port853.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.port853.cli.CliServices;
import org.port853.cli.Port853Command;
import org.port853.logging.Logs;
import picocli.CommandLine;

/**
 * Starts the window (no arguments, or {@code --demo}) or the command line. A plain class, not an
 * {@code Application}: JavaFX refuses to start an Application main class from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Logs.init();
        if (args.length == 0 || args.length == 1 && args[0].equals("--demo")) {
            GuiStarter.start(args, args.length == 1);
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler(Launcher::uncaught);
        CommandLine cl = Port853Command.create(CliServices.system());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        cl.setOut(out).setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * dbus-java's reader thread can hit a NullPointerException when a connection closes while it is reading
     * (the transport is already gone); the call itself has completed, so that one is not worth a stack trace
     * on a command line whose stderr scripts read. Anything else is reported in one line.
     */
    private static void uncaught(Thread t, Throwable e) {
        if (t.getName().startsWith("DBusConnection") && e instanceof NullPointerException) {
            return;
        }
        java.util.logging.Logger.getLogger(Launcher.class.getName()).log(java.util.logging.Level.SEVERE,
                "uncaught in " + t.getName(), e);
        System.err.println("port853: internal error in " + t.getName() + ": " + e);
    }
}
