package org.port853.cli;

import org.port853.core.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "port853", mixinStandardHelpOptions = true, version = "Port853 0.1.0",
        description = "Moves this computer's DNS onto DNS-over-TLS and proves it.")
public final class Port853Command implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with every subcommand, wired to the given services. */
    public static CommandLine create(CliServices services) {
        CommandLine cl = new CommandLine(new Port853Command());
        cl.addSubcommand(new StatusCommand(services));
        cl.addSubcommand(new ProvidersCommand(services.catalog()));
        cl.addSubcommand(new ApplyCommand(services));
        cl.addSubcommand(new RevertCommand(services));
        cl.addSubcommand(new RecoverCommand(services));
        cl.addSubcommand(new ExportCommand(services));
        cl.addSubcommand(new AnalyzeCommand());
        cl.addSubcommand(new MonitorCommand());
        cl.addSubcommand(new VerifyCommand());
        cl.addSubcommand(new DoctorCommand(services));
        cl.addSubcommand(new PinsCommand(services));
        cl.addSubcommand(new BenchProvidersCommand(services));
        cl.addSubcommand(new HardenCommand(services));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof InvalidInputException) {
                line.getErr().println("port853: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            line.getErr().println("port853: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ExitCodes.FAILED;
        });
        return cl;
    }
}
