package org.port853.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a command line that cannot be parsed is answered: one sentence on stderr starting {@code port853 COMMAND: }
 * (as every other error), one line pointing at that command's {@code --help}, exit 2. No usage dump: the
 * sentence says what was wrong, and the help is one command away.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(Port853Command.said(line.getCommandSpec(), sentence(ex)));
        err.println("See '" + line.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.BAD_INPUT;
    }

    /** picocli's message as a sentence of ours: an unknown command or argument named as such, one line. */
    static String sentence(ParameterException ex) {
        // "--mdoe strict" leaves --mode missing, and picocli reports that first: the misspelt word is the news
        if (ex instanceof CommandLine.MissingParameterException) {
            CommandLine.ParseResult parsed = ex.getCommandLine().getParseResult();
            List<String> unmatched = parsed == null ? List.of() : parsed.unmatched();
            if (!unmatched.isEmpty()) { // the first is the misspelt option, what follows it likely its value
                String word = unmatched.get(0);
                return "unknown option: '" + word + "'" + didYouMean(nearOptions(ex.getCommandLine(), word));
            }
        }
        if (ex instanceof UnmatchedArgumentException u && !u.isUnknownOption() && isTopLevel(u)) {
            List<String> unmatched = u.getUnmatched();
            String word = unmatched.isEmpty() ? "" : unmatched.get(0);
            return "unknown command '" + word + "'" + didYouMean(near(word, u.getCommandLine().getSubcommands().keySet()));
        }
        if (ex instanceof UnmatchedArgumentException u && !u.isUnknownOption() && !u.getUnmatched().isEmpty()) {
            return "unexpected argument '" + u.getUnmatched().get(0) + "'";
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            // picocli lists an unknown option's value as one more option ("'--servers', '192.0.2.1'")
            List<String> options = u.getUnmatched().stream().filter(w -> w.startsWith("-")).toList();
            List<String> named = options.isEmpty() ? u.getUnmatched() : options;
            return "unknown option" + (named.size() == 1 ? "" : "s") + ": '" + String.join("', '", named) + "'"
                    + didYouMean(nearOptions(ex.getCommandLine(), named.get(0)));
        }
        return oneLine(ex.getMessage());
    }

    private static List<String> nearOptions(CommandLine line, String word) {
        return near(word, line.getCommandSpec().options().stream().filter(o -> !o.hidden())
                .flatMap(o -> java.util.Arrays.stream(o.names()))
                .filter(n -> n.startsWith("--")).sorted().toList());
    }

    /**
     * The names that the word begins or is within two typos of; picocli's letter-pair likeness offers far ones
     * ("undo": doctor, "rollback": providers, "--verbose": --version).
     */
    private static List<String> near(String word, java.util.Collection<String> names) {
        return word.isEmpty() ? List.of()
                : names.stream().filter(n -> n.startsWith(word) || typos(word, n) <= 2).toList();
    }

    private static String didYouMean(List<String> names) {
        return names.isEmpty() ? "" : "; did you mean " + String.join(" or ", names) + "?";
    }

    /**
     * Edits from one word to the other, a swap of two neighbouring letters counting as one ("--mdoe" is one from
     * "--mode", which picocli's letter-pair likeness does not find).
     */
    static int typos(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean isTopLevel(UnmatchedArgumentException u) {
        return u.getCommandLine().getParent() == null && !u.getCommandLine().getSubcommands().isEmpty();
    }

    private static String oneLine(String message) {
        return message == null ? "bad arguments" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
