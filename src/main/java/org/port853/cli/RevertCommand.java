package org.port853.cli;

import org.port853.platform.ApplyResult;
import org.port853.platform.ResolverAdapter;
import picocli.CommandLine.Command;

@Command(name = "revert", mixinStandardHelpOptions = true, description = "Remove what Port853 wrote and restore what it replaced, byte for byte.",
        footer = {"", "Exit codes: 0 reverted, or nothing to revert; 1 failed or refused; 2 bad input; 3 reverted, but "
                + "names do not resolve with the restored settings, or a file of Port853's that someone else changed was "
                + "left as it is, or an item whose yes or no Port853 could not read was left as it is; "
                + ExitCodes.STOPPED_HELP})
final class RevertCommand extends JournalCommand {
    RevertCommand(CliServices services) {
        super(services);
    }

    @Override
    ApplyResult run(ResolverAdapter adapter) {
        return adapter.revert();
    }
}
