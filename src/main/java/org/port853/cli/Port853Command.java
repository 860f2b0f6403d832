package org.port853.cli;

import java.util.List;
import java.util.function.Function;

import org.port853.core.AppVersion;
import org.port853.core.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "port853", mixinStandardHelpOptions = true, versionProvider = Port853Command.Version.class,
        description = "Moves this computer's DNS onto DNS-over-TLS and proves it.",
        footer = {"",
                "Without a command: opens the window. --demo opens it on a sample Linux machine, --demo=windows on a "
                        + "sample Windows 11 machine (also after status, providers, export and apply --dry-run, e.g. "
                        + "'port853 status --demo=windows'); a demo contacts nothing and saves no settings.",
                "",
                "Exit codes: 0 ok; 1 failed, refused or rolled back; 2 bad input; 3 "
                        + ExitCodes.NOT_COVERED_MEANING + "; 130 " + ExitCodes.STOPPED_MEANING + ".",
                "",
                "Errors are one sentence on stderr starting 'port853 COMMAND:'. 'port853 COMMAND --help' (or 'port853 "
                        + "help COMMAND') explains a command."})
public final class Port853Command implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code -V}: the build's version (the window's About box says the same). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AppVersion.get();
            return new String[] {"Port853 " + (v == null ? "(development build)" : v)};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * How every error and note of a command starts on stderr: {@code port853 analyze: } (the command that said it;
     * {@code port853: } without one), as analyze, verify, monitor and the demo refusal write theirs.
     */
    static String prefix(CommandLine.Model.CommandSpec spec) {
        return spec.qualifiedName() + ": ";
    }

    /** {@code args}' prefix before picocli has parsed them: "port853 COMMAND: " for a known command, else "port853: ". */
    static String prefix(String[] args) {
        return args.length > 0 && isCommand(args[0]) ? "port853 " + args[0] + ": " : "port853: ";
    }

    /**
     * {@code args} with the word people type for help made into the option picocli reads: {@code help} alone is
     * {@code --help}, {@code help COMMAND …} is {@code COMMAND --help}; arguments not starting with it are returned.
     */
    public static String[] helpWordAsOption(String[] args) {
        if (args.length == 0 || !args[0].equals("help")) {
            return args;
        }
        if (args.length == 1 || args[1].startsWith("-") || args[1].equals("help")) {
            return new String[] {"--help"};
        }
        // "help bogus" is "bogus": the error names the unknown command and suggests one (with --help, picocli would
        // print the whole usage instead)
        return isCommand(args[1]) ? new String[] {args[1], "--help"} : new String[] {args[1]};
    }

    private static final java.util.Set<String> HELP_AND_VERSION = java.util.Set.of("--help", "-h", "--version", "-V");

    /**
     * {@code args} without --help, -h, --version and -V when the first one is neither a command nor an option
     * ("statuz --help"): picocli would print the whole usage (or the version) and exit 0, and the mistyped word would
     * go unsaid; without them it is named, with a suggestion, as "statuz" alone is.
     */
    public static String[] mistypedCommandNamed(String[] args) {
        if (args.length < 2 || args[0].startsWith("-") || isCommand(args[0])) {
            return args;
        }
        return java.util.Arrays.stream(args).filter(a -> !HELP_AND_VERSION.contains(a)).toArray(String[]::new);
    }

    static boolean isCommand(String name) {
        return SUBCOMMANDS.stream().anyMatch(s -> s.name().equals(name));
    }

    /** An error is one line: a line break that came with echoed input (a file name, a typed value) is shown as \\n. */
    static String oneLine(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** {@code message} as a line of this command's: the prefix, then the message starting in lower case. */
    static String said(CommandLine.Model.CommandSpec spec, String message) {
        String s = message;
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            s = s.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + s.substring(1);
        }
        return prefix(spec) + s;
    }

    /** The command line's stderr over {@code w}: control characters in echoed input are shown, not sent ({@link TerminalSafeWriter}). */
    public static java.io.PrintWriter errorWriter(java.io.Writer w) {
        return new java.io.PrintWriter(new TerminalSafeWriter(w), true);
    }

    /** A subcommand's name and how to make it. */
    record Subcommand(String name, Function<CliServices, Object> make) {
    }

    private static final java.util.logging.Logger FAILURES = java.util.logging.Logger.getLogger(Port853Command.class.getName());

    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("status", StatusCommand::new),
            new Subcommand("providers", s -> new ProvidersCommand(s.catalog())),
            new Subcommand("apply", ApplyCommand::new),
            new Subcommand("revert", RevertCommand::new),
            new Subcommand("recover", RecoverCommand::new),
            new Subcommand("export", ExportCommand::new),
            new Subcommand("analyze", s -> new AnalyzeCommand()),
            new Subcommand("monitor", s -> new MonitorCommand()),
            new Subcommand("verify", s -> new VerifyCommand(() -> s.adapter().get().freshLookupTransport(),
                    () -> {
                        var adapter = s.adapter().get();
                        return adapter.assess(adapter.readState());
                    })),
            new Subcommand("doctor", DoctorCommand::new),
            new Subcommand("pins", PinsCommand::new),
            new Subcommand("bench-providers", BenchProvidersCommand::new),
            new Subcommand("harden", HardenCommand::new));

    /** The command line with every subcommand, wired to the given services. */
    public static CommandLine create(CliServices services) {
        return withSubcommands(services, SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when the first one names a subcommand, only that subcommand is built
     * (picocli reads every command's annotations up front, a few hundred milliseconds for all of them); the same
     * parsing, help and errors for it, since nothing outside it is reachable from these arguments. Otherwise
     * (top-level help, version, a mistyped name) the whole command line.
     */
    public static CommandLine forArguments(CliServices services, String... args) {
        if (args.length > 0) {
            for (Subcommand sub : SUBCOMMANDS) {
                if (sub.name().equals(args[0])) {
                    return withSubcommands(services, List.of(sub));
                }
            }
        }
        return create(services);
    }

    private static CommandLine withSubcommands(CliServices services, List<Subcommand> subcommands) {
        CommandLine cl = new CommandLine(new Port853Command());
        for (Subcommand sub : subcommands) {
            cl.addSubcommand(sub.name(), sub.make().apply(services));
        }
        // every subcommand offers -V (mixinStandardHelpOptions); without a provider of its own it would print nothing
        cl.getSubcommands().values().forEach(c -> c.getCommandSpec().versionProvider(new Version()));
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            String message = oneLine(ex.getMessage() == null ? ex.toString() : ex.getMessage());
            line.getErr().println(prefix(line.getCommandSpec()) + message);
            // the same sentence in the log (docs/cli.md: failures are logged, one line each), the cause's trace with it
            FAILURES.log(java.util.logging.Level.WARNING, prefix(line.getCommandSpec()) + message,
                    ex instanceof InvalidInputException ? null : ex);
            return ex instanceof InvalidInputException ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
        });
        return cl;
    }
}
