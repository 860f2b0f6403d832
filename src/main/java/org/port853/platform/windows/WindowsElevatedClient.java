package org.port853.platform.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;

/**
 * The unelevated side: writes the request to a fresh file in a private folder, starts the helper through UAC and
 * reads the result document it wrote. The window and the command line never run elevated themselves.
 */
public final class WindowsElevatedClient {
    private final Elevation elevation;
    private final Path workDir;
    private final List<String> selfCommand;

    /** @param selfCommand how to start Port853 itself: the launcher, or java + class path + main class */
    public WindowsElevatedClient(Elevation elevation, Path workDir, List<String> selfCommand) {
        this.elevation = elevation;
        this.workDir = workDir;
        this.selfCommand = List.copyOf(selfCommand);
    }

    public ApplyResult run(HelperRequest request) {
        String id = UUID.randomUUID().toString();
        Path req = workDir.resolve("request-" + id + ".json");
        Path res = workDir.resolve("result-" + id + ".json");
        try {
            Files.createDirectories(workDir);
            Files.write(req, HelperDocuments.write(request));
            int code = elevation.runElevated(selfCommand.get(0), parameters(req, res));
            if (!Files.exists(res)) {
                return failed("the elevated helper ended with exit code " + code + " and no result");
            }
            return HelperDocuments.readResult(Files.readString(res));
        } catch (IOException | RuntimeException e) {
            return failed(e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(req);
                Files.deleteIfExists(res);
            } catch (IOException ignored) {
                // temp files in the user's own folder
            }
        }
    }

    /** Windows command-line quoting: each argument in double quotes (paths cannot contain a double quote). */
    String parameters(Path req, Path res) {
        StringBuilder b = new StringBuilder();
        for (String a : selfCommand.subList(1, selfCommand.size())) {
            b.append(quote(a)).append(' ');
        }
        return b.append(WindowsHelperMain.Entry.FLAG).append(" --request ").append(quote(req.toString())).append(" --result ")
                .append(quote(res.toString())).toString();
    }

    private static String quote(String s) {
        if (s.indexOf('"') >= 0) {
            throw new IllegalArgumentException("an argument contains a double quote");
        }
        return "\"" + s + "\"";
    }

    private static ApplyResult failed(String why) {
        return ApplyResult.of(ApplyResult.Outcome.FAILED, why);
    }
}
