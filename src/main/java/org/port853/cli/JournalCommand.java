package org.port853.cli;

import java.util.concurrent.Callable;
import org.port853.platform.ApplyResult;
import org.port853.platform.ResolverAdapter;
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
        Results.print(spec.commandLine(), r, json, null);
        return ExitCodes.of(r);
    }
}
