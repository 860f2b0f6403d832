package org.port853.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.port853.cli.CliServices;
import org.port853.cli.Port853Command;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.port853.core.ProviderCatalog;
import org.port853.logging.Logs;
import org.port853.platform.EntryPoint;
import org.port853.platform.demo.DemoAdapters;
import org.port853.ui.AppServices;
import picocli.CommandLine;

/**
 * Starts the window (no arguments, {@code --demo} or {@code --demo=windows}) or the command line. A plain class, not an
 * {@code Application}: JavaFX refuses to start an Application main class from the class path.
 */
public final class Launcher {
    /** The Windows adapter on bundled Windows outputs (window, or any command), instead of this machine. */
    static final String WINDOWS_DEMO = "--demo=windows";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isWindow(args)) {
            Logs.init(); // now, on this thread: set up on first use it could cost the JavaFX thread 50 ms
        } else {
            Logs.initOnFirstUse(); // a command that logs nothing starts faster
        }
        if (args.length == 0 || args.length == 1 && args[0].equals("--demo")) {
            GuiStarter.start(args, args.length == 1);
            return;
        }
        if (args.length == 1 && args[0].equals("--cds-training")) { // the installer's build only (CdsTraining)
            CdsTraining.commandLine();
            GuiStarter.start(new String[] {"--demo"}, true);
            return;
        }
        if (args.length == 1 && args[0].equals(WINDOWS_DEMO)) {
            GuiStarter.start(AppServices.forDemo(DemoAdapters.named("windows").orElseThrow()));
            return;
        }
        Optional<EntryPoint> entry = EntryPoint.forFlag(args[0]); // e.g. the elevated helper on Windows
        if (entry.isPresent()) {
            System.exit(runEntryPoint(entry.get(), Arrays.copyOfRange(args, 1, args.length), System.err));
        }
        Thread.setDefaultUncaughtExceptionHandler(Launcher::uncaught);
        boolean windowsDemo = Arrays.asList(args).contains(WINDOWS_DEMO);
        if (windowsDemo) { // e.g. status --demo=windows --json: the Windows sample machine, read-only
            args = Arrays.stream(args).filter(a -> !a.equals(WINDOWS_DEMO)).toArray(String[]::new);
        }
        CommandLine cl = Port853Command.forArguments(windowsDemo
                ? new CliServices(() -> DemoAdapters.named("windows").orElseThrow(), ProviderCatalog::loadDefault) : CliServices.system(),
                args);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        cl.setOut(out).setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static boolean isWindow(String[] args) {
        return args.length == 0 || args.length == 1 && List.of("--demo", "--cds-training", WINDOWS_DEMO).contains(args[0]);
    }

    /** Runs a platform's entry point where it is supported; elsewhere says so and returns 2. */
    static int runEntryPoint(EntryPoint e, String[] rest, java.io.PrintStream err) {
        if (!e.isSupported()) {
            err.println("port853 " + e.flag() + ": not available on this operating system.");
            return 2;
        }
        return e.run(rest);
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
