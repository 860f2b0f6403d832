package org.port853.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What the Windows sample machine ({@code --demo=windows}) runs on the command line. It reads bundled outputs in
 * place of the system's, and a demo sends nothing and saves nothing: so only the commands that read the resolver's
 * state or print settings run; one that would contact servers, capture or write files is refused before it starts.
 */
public final class DemoCommands {
    static final Set<String> READ_ONLY = Set.of("status", "providers", "export");
    /** The exit code of a refused command: bad input, as for any other command line that cannot be run. */
    public static final int REFUSED = ExitCodes.BAD_INPUT;

    private DemoCommands() {
    }

    /** Why these arguments are not run in the demo, or empty when they may be. */
    public static Optional<String> refusal(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return Optional.empty(); // help and version
        }
        String command = args[0];
        if (READ_ONLY.contains(command)
                || command.equals("apply") && Arrays.asList(args).contains("--dry-run")) {
            return Optional.empty();
        }
        return Optional.of("port853 " + command + ": not in the demo. --demo=windows reads a sample machine and runs "
                + "only status, providers, export and apply --dry-run; " + command
                + " would contact servers, capture traffic or change files.");
    }
}
