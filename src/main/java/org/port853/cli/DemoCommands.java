package org.port853.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Windows sample machine ({@code --demo=windows}) runs on the command line. It reads bundled outputs in
 * place of the system's, and a demo sends nothing and saves nothing: so only the commands that read the resolver's
 * state or print settings run; any other command is refused before it starts, saying what it would do instead.
 */
public final class DemoCommands {
    static final Set<String> READ_ONLY = Set.of("status", "providers", "export");
    /** The help footer of the commands that run on the sample machine. */
    static final String HELP = "--demo=windows: the same on a sample Windows 11 machine (bundled outputs; contacts "
            + "nothing, changes nothing).";
    /** The exit code of a refused command: bad input, as for any other command line that cannot be run. */
    public static final int REFUSED = ExitCodes.BAD_INPUT;

    /** Why each command that is not read-only on the sample machine is refused. */
    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("apply", "would change files (apply --dry-run only shows the plan, and runs)"),
            Map.entry("revert", "would change files"),
            Map.entry("recover", "would change files"),
            Map.entry("harden", "would change files and the firewall"),
            Map.entry("doctor", "would contact servers"),
            Map.entry("bench-providers", "would contact servers"),
            Map.entry("verify", "would send queries and capture traffic"),
            Map.entry("monitor", "would capture traffic"),
            Map.entry("analyze", "reads a capture file of yours, not the sample machine; run it without --demo=windows"),
            Map.entry("pins", "lists this computer's pin store, not the sample machine's (which has none); run it "
                    + "without --demo=windows (--check and --watch contact servers, --accept changes the store)"));

    private DemoCommands() {
    }

    /**
     * What to say when a command line names another demo than {@code --demo=windows} ({@code --demo} opens the window
     * on the sample Linux machine and takes no command), or empty when it names none.
     */
    public static Optional<String> otherDemo(String[] args) {
        return Arrays.stream(args).filter(a -> a.equals("--demo") || a.startsWith("--demo=") && !a.equals("--demo=windows"))
                .findFirst().map(a -> Port853Command.prefix(args) + (a.equals("--demo")
                        ? "--demo opens the window on a sample Linux machine and takes nothing else ("
                                + besideDemo(args) + ")"
                        : a + " is not a demo of the command line: --demo alone opens the window on a sample Linux "
                                + "machine") + "; on the command line, --demo=windows reads a "
                        + "sample Windows 11 machine with status, providers, export and apply --dry-run (e.g. 'port853 "
                        + "status --demo=windows').");
    }

    /** The arguments other than the first {@code --demo}, quoted. */
    private static String besideDemo(String[] args) {
        int demo = Arrays.asList(args).indexOf("--demo");
        return java.util.stream.IntStream.range(0, args.length).filter(i -> i != demo)
                .mapToObj(i -> "'" + args[i] + "'").collect(java.util.stream.Collectors.joining(" "));
    }

    /** The arguments with {@code --demo=windows} spelt as it is matched, taken in any case as modes and formats are. */
    public static String[] normalised(String[] args) {
        return Arrays.stream(args).map(a -> a.equalsIgnoreCase("--demo=windows") ? "--demo=windows" : a)
                .toArray(String[]::new);
    }

    /** Why these arguments are not run in the demo, or empty when they may be (an unknown command: its own error). */
    public static Optional<String> refusal(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return Optional.empty(); // help and version
        }
        String command = args[0];
        if (READ_ONLY.contains(command)
                || command.equals("apply") && Arrays.asList(args).contains("--dry-run")
                || !Port853Command.isCommand(command)) {
            return Optional.empty();
        }
        return Optional.of("port853 " + command + ": not in the demo. --demo=windows reads a sample machine and runs "
                + "only status, providers, export and apply --dry-run; " + command + " "
                + WHY.getOrDefault(command, "would contact servers, capture traffic or change files") + ".");
    }
}
