package org.port853.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.port853.cli.CliServices;
import org.port853.cli.Port853Command;
import java.util.Arrays;
import java.util.Optional;
import org.port853.core.ProviderCatalog;
import org.port853.logging.Logs;
import org.port853.platform.EntryPoint;
import org.port853.platform.demo.DemoAdapters;
import org.port853.ui.AppServices;
import org.port853.ui.Port853App;
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
        if (toldAbsentJars()) {
            System.exit(1);
        }
        try {
            start(args);
        } catch (RuntimeException | Error e) { // the window's start wraps the error it met
            if (!toldMissingLibraries(e)) {
                throw e;
            }
            System.exit(1);
        }
    }

    /**
     * After a class could not be loaded: when libraries are missing from {@code lib/}, says which and where, in one
     * sentence, and returns true. Checked only now: looking for every library up front would cost each command ~50 ms.
     */
    static boolean toldMissingLibraries(Throwable e) {
        java.util.List<String> missing = org.port853.ui.common.Errors.missingClass(e) == null ? java.util.List.of()
                : Libraries.missing(Launcher.class.getClassLoader());
        if (missing.isEmpty()) {
            return false;
        }
        System.err.println(Libraries.problem(missing, Libraries.codeSource()));
        return true;
    }

    /**
     * Before anything runs: a jar of lib/ that is not there would fail only the commands that need it (status runs
     * without dnsjava, --json not without Jackson), so a half-copied folder would look healthy until then.
     */
    private static boolean toldAbsentJars() {
        java.nio.file.Path jar = Libraries.codeSource();
        java.util.List<String> absent = Libraries.absentJars(jar);
        if (absent.isEmpty()) {
            return false;
        }
        java.util.List<String> libraries = Libraries.missing(Launcher.class.getClassLoader());
        System.err.println(Libraries.problem(libraries.isEmpty() ? absent : libraries, jar));
        return true;
    }

    /**
     * The window's threads (the JavaFX thread too): a library found missing while the window is in use ends the app
     * with the same sentence as at start; anything else is printed as the JVM would.
     */
    private static void windowUncaught(Thread t, Throwable e) {
        if (toldMissingLibraries(e)) {
            System.exit(1);
        }
        System.err.print("Exception in thread \"" + t.getName() + "\" ");
        e.printStackTrace();
    }

    private static void start(String[] given) {
        String[] args = org.port853.cli.DemoCommands.normalised(given);
        Optional<Window> window = windowFor(args);
        if (window.isPresent()) {
            SingleInstance instance = SingleInstance.claim(InstanceDirectory.forThisUser(), window.get().kind(),
                    () -> Port853App.bringToFront()); // a lambda: JavaFX loads only when asked
            if (instance.role() == SingleInstance.Role.SECONDARY) {
                System.exit(0); // the running window of this kind comes to the front instead
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "port853-single-instance-close"));
            Logs.init(); // now, on this thread: set up on first use it could cost the JavaFX thread 50 ms
            if (instance.problem() != null) {
                SingleInstance.logRunningAlone(instance.problem());
            }
            DesktopLanguage.apply(); // before any of the window's text is read
            Thread.setDefaultUncaughtExceptionHandler(Launcher::windowUncaught);
            window.get().start().run();
            return;
        }
        Logs.initOnFirstUse(); // a command that logs nothing starts faster
        if (args.length == 1 && args[0].equals(CdsTraining.FLAG)) { // the installer's build only
            CdsTraining.commandLine();
            System.exit(0);
        }
        Optional<EntryPoint> entry = EntryPoint.forFlag(args[0]); // e.g. the elevated helper on Windows
        if (entry.isPresent()) {
            System.exit(runEntryPoint(entry.get(), Arrays.copyOfRange(args, 1, args.length), System.err));
        }
        Thread.setDefaultUncaughtExceptionHandler(Launcher::uncaught);
        args = Port853Command.mistypedCommandNamed(Port853Command.helpWordAsOption(args));
        org.port853.cli.JsonFailure failure = new org.port853.cli.JsonFailure();
        PrintWriter out = new PrintWriter(failure.watchingStdout(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), true);
        PrintWriter err = Port853Command.errorWriter(failure.keepingStderr(
                new OutputStreamWriter(System.err, StandardCharsets.UTF_8)));
        Optional<String> refused = org.port853.cli.DemoCommands.otherDemo(args);
        boolean windowsDemo = Arrays.asList(args).contains(WINDOWS_DEMO);
        if (windowsDemo) { // e.g. status --demo=windows --json: the Windows sample machine, read-only
            args = Arrays.stream(args).filter(a -> !a.equals(WINDOWS_DEMO)).toArray(String[]::new);
            refused = refused.isPresent() ? refused : org.port853.cli.DemoCommands.refusal(args);
        }
        if (refused.isPresent()) {
            err.println(refused.get());
            err.flush();
            failure.afterRun(args, org.port853.cli.DemoCommands.REFUSED, out);
            System.exit(org.port853.cli.DemoCommands.REFUSED);
        }
        CommandLine cl = Port853Command.forArguments(windowsDemo
                ? new CliServices(() -> DemoAdapters.named("windows").orElseThrow(), ProviderCatalog::loadDefault) : CliServices.system(),
                args);
        cl.setOut(out).setErr(err);
        org.port853.helper.UninterruptedChange.deferStopToCaller(); // Ctrl-C during a change: its outcome, then stop
        int code = cl.execute(args);
        boolean lost = out.checkError() | System.out.checkError(); // both flush: the writer into System.out, then it
        code = org.port853.cli.WrittenOutput.exitCode(cl, code, lost);
        err.flush();
        failure.afterRun(args, code, out);
        System.exit(org.port853.helper.UninterruptedChange.exitCode(code));
    }

    /**
     * A window to start, and its kind: one window of each kind per user, a later launch of a kind brings the running one
     * to the front. The demos are kinds of their own: one may run beside the real window and they beside each other
     * (to compare the Linux and Windows samples), but a second copy of the same demo would only add a second tray icon
     * replaying the same sample.
     */
    record Window(String kind, Runnable start) {
    }

    /** What starts the window for these arguments; empty for the command line. */
    static Optional<Window> windowFor(String[] args) {
        if (args.length == 0) {
            return Optional.of(new Window("window", () -> GuiStarter.start(args, false)));
        }
        if (args.length > 1) {
            return Optional.empty();
        }
        return switch (args[0]) {
            case "--demo" -> Optional.of(new Window("demo", () -> GuiStarter.start(args, true)));
            case WINDOWS_DEMO -> Optional.of(new Window("demo-windows",
                    () -> GuiStarter.start(AppServices.forDemo(DemoAdapters.named("windows").orElseThrow()))));
            default -> Optional.empty();
        };
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
