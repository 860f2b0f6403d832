package org.port853.cli;

import java.util.concurrent.Callable;
import org.port853.core.DesiredSettings;
import org.port853.platform.linux.FleetExport;
import org.port853.platform.windows.PowerShellExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Print the settings for other machines: the resolved drop-in, an idempotent Ansible playbook, or an idempotent PowerShell script for Windows 11.")
final class ExportCommand implements Callable<Integer> {
    enum Format { resolved, ansible, powershell }

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--format", required = true, description = "resolved, ansible or powershell.")
    Format format;

    ExportCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        DesiredSettings desired = settings.toSettings(services.catalog().get());
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case resolved -> FleetExport.dropIn(desired);
            case ansible -> FleetExport.ansiblePlaybook(desired);
            case powershell -> PowerShellExport.script(desired, services.catalog().get());
        });
        out.flush(); // print() does not auto-flush, and the launcher exits right after
        return ExitCodes.OK;
    }
}
