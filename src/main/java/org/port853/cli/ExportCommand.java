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

@Command(name = "export", mixinStandardHelpOptions = true, description = "Print the settings for other machines: the resolved drop-in, or an idempotent Ansible playbook.")
final class ExportCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--format", required = true, description = "resolved or ansible.")
    String format;

    ExportCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        DesiredSettings desired = settings.toSettings(services.catalog().get());
        java.io.PrintWriter out = spec.commandLine().getOut();
        SettingsExporter exporter = SettingsExporter.find(format).orElseThrow(() -> new InvalidInputException(
                "unknown format '" + format + "' (expected " + String.join(" or ",
                        SettingsExporter.all().stream().map(SettingsExporter::format).toList()) + ")"));
        out.print(exporter.export(desired));
        out.flush(); // print() does not auto-flush, and the launcher exits right after
        return ExitCodes.OK;
    }
}
