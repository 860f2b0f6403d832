package org.port853.cli;

import org.port853.platform.ApplyResult;
import org.port853.platform.ResolverAdapter;
import picocli.CommandLine.Command;

@Command(name = "revert", mixinStandardHelpOptions = true, description = "Remove what Port853 wrote and restore what it replaced, byte for byte.")
final class RevertCommand extends JournalCommand {
    RevertCommand(CliServices services) {
        super(services);
    }

    @Override
    ApplyResult run(ResolverAdapter adapter) {
        return adapter.revert();
    }
}
