package org.port853.platform.windows;

import java.util.List;
import java.util.Map;

/**
 * One program run: a fixed argument list (never a shell line) and extra environment variables. Values that come
 * from the user or the catalogue travel only as separate arguments (netsh) or inside {@code P853_ARGS} as JSON
 * that a fixed PowerShell script reads with {@code ConvertFrom-Json}: they are never PowerShell code.
 */
public record Command(List<String> argv, Map<String, String> env) {
    public Command {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), Map.of());
    }
}
