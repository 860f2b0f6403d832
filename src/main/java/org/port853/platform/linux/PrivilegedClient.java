package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.port853.core.InvalidInputException;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperMain;
import org.port853.helper.HelperRequest;
import org.port853.helper.PrivilegedHelper;
import org.port853.helper.Privileges;
import org.port853.platform.ApplyResult;
import org.port853.platform.ProcessRunner;

/**
 * Sends a request to the privileged helper: in this process when already root, otherwise through pkexec and
 * our polkit action (installer/linux/org.port853.helper.policy). Nothing the user typed reaches a shell: the
 * request travels as a JSON document on the helper's stdin.
 */
public final class PrivilegedClient {
    /** Installed by the package; the polkit action names exactly this path. */
    static final Path INSTALLED_HELPER = Path.of("/opt/port853/lib/port853-helper");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    public ApplyResult send(HelperRequest request) throws IOException {
        byte[] doc = HelperDocuments.write(request);
        PrivilegedHelper.Response r = Privileges.isRoot() ? PrivilegedHelper.handle(doc) : viaPkexec(doc);
        if (r.exitCode() == 2) {
            throw new InvalidInputException(r.stderr().strip().replaceFirst("^port853-helper: (refused: )?", ""));
        }
        if (r.stdout().isBlank()) {
            String why = r.stderr().strip().replaceFirst("^port853-helper: ", "");
            if (r.exitCode() == 126 || r.exitCode() == 127) {
                why = "authorization was refused or cancelled";
            }
            return new ApplyResult(ApplyResult.Outcome.FAILED, why.isEmpty() ? "the helper failed" : why, null, null,
                    List.of(), false, Duration.ZERO);
        }
        return HelperDocuments.readResult(r.stdout());
    }

    private static PrivilegedHelper.Response viaPkexec(byte[] doc) throws IOException {
        Path pkexec = Path.of("/usr/bin/pkexec");
        if (!Files.isExecutable(pkexec)) {
            throw new IOException("pkexec is not installed (package polkitd / pkexec); run the command as root instead");
        }
        List<String> cmd = new ArrayList<>(List.of(pkexec.toString()));
        if (Files.isExecutable(INSTALLED_HELPER)) {
            cmd.add(INSTALLED_HELPER.toString());
        } else {
            // Running from a build tree: no installed helper, so pkexec asks for the generic admin action.
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(HelperMain.class.getName());
        }
        ProcessRunner.Result r = ProcessRunner.run(cmd, doc, TIMEOUT);
        return new PrivilegedHelper.Response(r.timedOut() ? 1 : r.exitCode(), r.stdout(), r.stderr());
    }
}
