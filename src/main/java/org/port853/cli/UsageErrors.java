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
        if (ex instanceof UnmatchedArgumentException u && !u.isUnknownOption() && isTopLevel(u)) {
            List<String> unmatched = u.getUnmatched();
            String word = unmatched.isEmpty() ? "" : unmatched.get(0);
            List<String> suggestions = u.getSuggestions();
            return "unknown command '" + word + "'"
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
        }
        if (ex instanceof UnmatchedArgumentException u && !u.isUnknownOption() && !u.getUnmatched().isEmpty()) {
            return "unexpected argument '" + u.getUnmatched().get(0) + "'";
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            return oneLine(ex.getMessage()) + "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        return oneLine(ex.getMessage());
    }

    private static boolean isTopLevel(UnmatchedArgumentException u) {
        return u.getCommandLine().getParent() == null && !u.getCommandLine().getSubcommands().isEmpty();
    }

    private static String oneLine(String message) {
        return message == null ? "bad arguments" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
