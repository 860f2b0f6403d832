package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.port853.core.InvalidInputException;
import org.port853.core.Printable;
import org.port853.core.Sentence;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.helper.PrivilegedHelper;
import org.port853.core.Privileges;
import org.port853.helper.TrustedCode;
import org.port853.helper.UninterruptedChange;
import org.port853.platform.ApplyResult;
import org.port853.platform.ProcessRunner;

/**
 * Sends a request to the privileged helper: in this process when already root, otherwise through pkexec and
 * our polkit actions (installer/linux/org.port853.helper.policy), and only to the installed, root-owned helper:
 * pkexec never runs code from a build tree or a user's home. Nothing the user typed reaches a shell: the
 * request travels as a JSON document on the helper's stdin.
 */
public final class PrivilegedClient {
    /** Installed by the package (root-owned, 0755); the polkit actions name exactly this path. */
    public static final Path INSTALLED_HELPER = Path.of("/usr/lib/port853/lib/port853-helper");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path helper;
    private final Path pkexec;

    public PrivilegedClient() {
        this(INSTALLED_HELPER, Path.of("/usr/bin/pkexec"));
    }

    PrivilegedClient(Path helper, Path pkexec) {
        this.helper = helper;
        this.pkexec = pkexec;
    }

    public ApplyResult send(HelperRequest request) throws IOException {
        byte[] doc = HelperDocuments.write(request);
        if (!Privileges.isRoot()) {
            Optional<Sentence> why = unavailable();
            if (why.isPresent()) {
                return ApplyResult.of(ApplyResult.Outcome.FAILED, why.get());
            }
        }
        PrivilegedHelper.Response r = UninterruptedChange.run(() -> Privileges.isRoot() ? PrivilegedHelper.handle(doc)
                : viaPkexec(doc, request.action()), () -> System.err.println("port853: a DNS change cannot be stopped "
                + "half-way: Port853 stops once it is finished or rolled back, in a few seconds "
                + (UninterruptedChange.stopDeferred() ? "(after saying how it ended)"
                : "('port853 status' shows the outcome)")), true);
        if (r.exitCode() == 2) {
            throw new InvalidInputException(r.stderr().strip().replaceFirst("^port853-helper: (refused: )?", ""));
        }
        if (r.stdout().isBlank()) {
            String why = r.stderr().strip().replaceFirst("^port853-helper: ", "");
            if (r.exitCode() == 126 || r.exitCode() == 127) {
                return ApplyResult.of(ApplyResult.Outcome.FAILED, notAuthorized(r.exitCode(), r.stderr()));
            }
            return why.isEmpty() ? ApplyResult.of(ApplyResult.Outcome.FAILED, Sentence.of("the helper failed", "result.helper-failed"))
                    : ApplyResult.of(ApplyResult.Outcome.FAILED, Sentence.of(why, "result.helper-error", why));
        }
        return HelperDocuments.readResult(r.stdout());
    }

    /**
     * Why pkexec did not run the helper (exit 126: the password dialog was dismissed; 127: not authorized, or no
     * dialog could be shown at all), in words that tell the user what to do; nothing was changed in any case.
     */
    static Sentence notAuthorized(int exitCode, String stderr) {
        String said = stderr == null ? "" : stderr;
        if (exitCode == 126) {
            return Sentence.of("the password dialog was closed without authorizing; nothing was changed",
                    "result.auth-dismissed");
        }
        if (said.contains("authentication agent")) {
            return Sentence.of("no password dialog could be shown: this session runs no polkit authentication agent "
                    + "(desktop sessions start one); nothing was changed", "result.no-auth-agent");
        }
        if (said.contains("Not authorized")) {
            return Sentence.of("polkit does not allow this user to change the DNS settings (Not authorized); nothing "
                    + "was changed", "result.not-authorized");
        }
        String first = Printable.of(said.strip().lines().findFirst().orElse(""));
        if (said.contains("Error getting authority")) { // no polkitd on the system bus, or no system bus at all
            return Sentence.of("polkit, which asks for the password, is not running (pkexec: " + first + "); nothing was "
                    + "changed: start it (sudo systemctl start polkit) or run the command with sudo", "result.no-polkit",
                    first);
        }
        return first.isEmpty() ? Sentence.of("authorization was refused or cancelled; nothing was changed",
                "result.auth-failed") : Sentence.of("authorization failed (pkexec: " + first + "); nothing was changed",
                "result.auth-failed-said", first);
    }

    /** Why this machine cannot run the helper through pkexec, if it cannot. */
    Optional<Sentence> unavailable() {
        if (!Files.exists(helper)) {
            return Optional.of(Sentence.of("changing DNS settings needs root and Port853's helper is not installed ("
                    + helper + "); run the command with sudo", "refused.no-helper", helper));
        }
        Optional<String> untrusted = TrustedCode.problem(helper);
        if (untrusted.isPresent()) {
            return Optional.of(Sentence.of("Port853's helper " + helper + " is not safe to run as root (" + untrusted.get()
                    + "); reinstall the package, or run the command with sudo", "refused.helper-untrusted", helper,
                    untrusted.get()));
        }
        if (!Files.isExecutable(pkexec)) {
            return Optional.of(Sentence.of("pkexec is not installed (package pkexec); run the command with sudo instead",
                    "refused.no-pkexec"));
        }
        return Optional.empty();
    }

    private PrivilegedHelper.Response viaPkexec(byte[] doc, HelperRequest.Action action) throws IOException {
        // The action is pkexec's argv1: polkit picks its action (and message) by it, and the helper checks it.
        ProcessRunner.Result r = ProcessRunner.run(List.of(pkexec.toString(), helper.toString(),
                action.name().toLowerCase(java.util.Locale.ROOT)), doc, TIMEOUT);
        return new PrivilegedHelper.Response(r.timedOut() ? 1 : r.exitCode(), r.stdout(), r.stderr());
    }
}
