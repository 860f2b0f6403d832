package org.port853.cli;

import java.util.concurrent.Callable;
import org.port853.core.DesiredSettings;
import org.port853.core.InvalidInputException;
import org.port853.platform.SettingsExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Print the settings for other machines (they need not have Port853): the resolved drop-in, an "
        + "idempotent Ansible playbook, or an idempotent PowerShell script for Windows 11; the playbook and the script "
        + "check that a name resolves after a change and put back what they changed when it does not. What a format "
        + "cannot do as asked is said on stderr.", footer = {"", "Exit codes: 0 ok; 1 the output could not be written; 2 bad "
        + "input.", "", DemoCommands.HELP})
final class ExportCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--format", required = true, description = "resolved, ansible or powershell.")
    String format;

    @Option(names = "--link-resolv-conf", description = "Also point /etc/resolv.conf at the stub resolver (ansible: a task "
            + "that keeps a static file as /etc/resolv.conf.before-port853 and links it; resolved: the command, in a comment).")
    boolean linkResolvConf;

    ExportCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        DesiredSettings desired = settings.toSettings(services.catalog().get());
        settings.warnOfUnbracketedPorts(spec);
        java.io.PrintWriter out = spec.commandLine().getOut();
        SettingsExporter exporter = SettingsExporter.find(format).orElseThrow(() -> new InvalidInputException(
                "unknown format '" + format + "' (expected " + String.join(" or ",
                        SettingsExporter.all().stream().map(SettingsExporter::format).toList()) + ")"));
        java.util.List<String> notes = new java.util.ArrayList<>();
        String text = exporter.export(desired, linkResolvConf, notes::add);
        out.print(text);
        out.flush(); // print() does not auto-flush, and the launcher exits right after
        if (!WrittenOutput.lost(out)) { // else the launcher fails it, without a word for a reader that went away
            notes.forEach(note -> spec.commandLine().getErr().println(Port853Command.prefix(spec) + "note: " + note + "."));
        }
        return ExitCodes.OK;
    }
}
