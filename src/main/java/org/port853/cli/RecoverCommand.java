package org.port853.cli;

import org.port853.platform.ApplyResult;
import org.port853.platform.ResolverAdapter;
import picocli.CommandLine.Command;

@Command(name = "recover", description = "Finish a change that was interrupted: health check, then keep it or roll it back.")
final class RecoverCommand extends JournalCommand {
    RecoverCommand(CliServices services) {
        super(services);
    }

    @Override
    ApplyResult run(ResolverAdapter adapter) {
        return adapter.recover();
    }
}
