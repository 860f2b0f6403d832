package org.port853.cli;

import java.util.concurrent.Callable;
import org.port853.platform.ApplyResult;
import org.port853.platform.ResolverAdapter;
import org.port853.probe.doctor.RollbackCause;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that acts on what Port853 already changed (revert, recover) and prints the result. */
abstract class JournalCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the stable JSON document.")
    boolean json;

    JournalCommand(CliServices services) {
        this.services = services;
    }

    abstract ApplyResult run(ResolverAdapter adapter);

    /** What the probe of the servers of the change behind {@code r}, rolled back, found; null: nothing to say. */
    RollbackCause.Probed cause(CliServices services, ResolverAdapter adapter, ApplyResult r) {
        return null;
    }

    /** Whether a change of another process that this one waits for is said first (it reads the resolver's state). */
    boolean saysWhenItWaits() {
        return true;
    }

    @Override
    public Integer call() {
        ResolverAdapter adapter = services.adapter().get();
        if (saysWhenItWaits()) {
            ChangeInProgressNotice.sayIfBusy(spec, adapter::readState);
        }
        ApplyResult r = run(adapter);
        Results.print(spec.commandLine(), r, json, null, null, cause(services, adapter, r));
        return exitCode(adapter, r);
    }

    /** The exit code of {@code r}, after anything more it needs to say. */
    int exitCode(ResolverAdapter adapter, ApplyResult r) {
        return ExitCodes.of(r);
    }
}
