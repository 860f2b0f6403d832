package org.port853.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.port853.platform.ApplyResult;
import org.port853.platform.FileChange;
import org.port853.platform.Plan;
import org.port853.probe.doctor.Hardening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "harden", mixinStandardHelpOptions = true, description = "Drop DNS (port 53) arriving on non-loopback interfaces with an nftables table "
        + "(inet port853), through the privileged helper; --revert removes it, --dry-run shows it.",
        footer = {"", "Exit codes: 0 done, unchanged or planned (--dry-run); 1 failed, refused or rolled back; 2 bad "
                + "input; 3 the rule lasts only until the next reboot, or after --revert the nftables boot file still "
                + "includes the removed rule file, so it fails to load."})
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
    public Integer call() throws IOException {
        if (dryRun) {
            return dryRun();
        }
        ApplyResult r = services.adapter().get().harden(!revert);
        Results.print(spec.commandLine(), r, json, null);
        if (!json) {
            PrintWriter to = r.succeeded() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            r.actions().forEach(a -> to.println("  " + a));
        }
        return ExitCodes.of(r);
    }

    /** The plan as apply --dry-run gives it: outcome PLANNED, the file's item and diff, the actions. */
    private int dryRun() throws IOException {
        Path file = Path.of(Hardening.FILE);
        String before = Files.isRegularFile(file) ? Files.readString(file) : null;
        String after = revert ? null : Hardening.ruleset();
        Plan plan = new Plan(List.of(new FileChange(Hardening.FILE, before, after)), Hardening.plannedActions(revert, before != null),
                null, "nftables");
        ApplyResult r = new ApplyResult(ApplyResult.Outcome.PLANNED, "dry run: nothing was changed",
                new ApplyResult.Item("nftables", Hardening.FILE, after), plan.actions(), false, Duration.ZERO);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(Json.result(r, plan)));
        } else {
            out.print(plan.diff());
            plan.actions().forEach(a -> out.println("* " + a));
            if (!revert) {
                out.println(Hardening.PERSISTENCE + " Undo: port853 harden --revert.");
            }
            out.println("Dry run: nothing was changed.");
        }
        if (!revert && !nftInstalled()) {
            spec.commandLine().getErr().println(Port853Command.prefix(spec) + "note: nft is not installed here (the "
                    + "package nftables), so this change would fail: install nftables first");
        }
        return ExitCodes.OK;
    }

    /** nft on the PATH (the helper runs it by name), or where Debian and Fedora put it. */
    private static boolean nftInstalled() {
        return nftIn(java.util.stream.Stream.concat(
                java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
                java.util.stream.Stream.of("/usr/sbin", "/sbin")).filter(d -> !d.isEmpty()).map(Path::of).toList());
    }

    static boolean nftIn(List<Path> dirs) {
        return dirs.stream().anyMatch(d -> Files.isExecutable(d.resolve("nft")));
    }
}
