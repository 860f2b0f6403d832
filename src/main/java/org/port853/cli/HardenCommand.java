package org.port853.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.port853.platform.ApplyResult;
import org.port853.probe.doctor.Hardening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "harden", mixinStandardHelpOptions = true, description = "Drop DNS (port 53) arriving on non-loopback interfaces with an nftables table "
        + "(inet port853), through the privileged helper; --revert removes it, --dry-run shows it.")
final class HardenCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Option(names = "--revert", description = "Remove the rule.")
    boolean revert;

    @Option(names = "--dry-run", description = "Show what would be done; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result document (as apply --json).")
    boolean json;

    HardenCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        ApplyResult r = dryRun
                ? ApplyResult.of(ApplyResult.Outcome.PLANNED, revert ? "would delete table inet " + Hardening.TABLE
                        + " and remove " + Hardening.FILE : Hardening.preview())
                : services.adapter().get().harden(!revert);
        Results.print(spec.commandLine(), r, json, null);
        if (!json) {
            PrintWriter to = r.succeeded() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            r.actions().forEach(a -> to.println("  " + a));
        }
        return ExitCodes.of(r);
    }
}
