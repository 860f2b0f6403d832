package org.port853.helper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.port853.core.Privileges;

/**
 * Entry point of the privileged helper ({@code port853-helper ACTION}, started by pkexec). The one argument is
 * the action (apply, revert, recover, harden or unharden): polkit picks its action, and so its message, by that argument, and the
 * helper refuses a document that asks for anything else. Reads the request on stdin, prints the result on
 * stdout, exits 0/1/2. Refuses to run as anyone but root, and refuses to run from code that anyone but root
 * could have written (a build tree, a home directory).
 */
public final class HelperMain {
    private HelperMain() {
    }

    public static void main(String[] args) throws IOException {
        org.port853.logging.Logs.initRootLog(org.port853.logging.Logs.HELPER_DIR);
        Response r = run(args, System.in);
        System.out.print(r.stdout());
        System.err.print(r.stderr());
        System.out.flush();
        System.exit(r.exitCode());
    }

    record Response(int exitCode, String stdout, String stderr) {
    }

    private static Response refuse(String why) {
        return new Response(2, "", "port853-helper: refused: " + why + "\n");
    }

    static Response run(String[] args, InputStream in) throws IOException {
        if (args.length != 1) {
            return refuse("takes one argument, the action (apply, revert, recover, harden or unharden), and reads one request "
                    + "document on stdin");
        }
        HelperRequest.Action action;
        try {
            // exactly as the polkit policy spells it: pkexec picks the action by argv[1], so "APPLY" would step
            // around org.port853.helper.apply and fall under pkexec's generic action
            if (!args[0].equals(args[0].toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(args[0]);
            }
            action = HelperRequest.Action.valueOf(args[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refuse("unknown action (expected apply, revert, recover, harden or unharden)");
        }
        if (!Privileges.isRoot()) {
            return refuse("must run as root (through pkexec)");
        }
        Optional<String> untrusted = TrustedCode.classPathProblem();
        if (untrusted.isPresent()) {
            return refuse("runs only from its installed, root-owned location: " + untrusted.get());
        }
        byte[] doc = readBounded(in, HelperDocuments.MAX_BYTES + 1);
        // the caller's terminal signals reach the helper too (pkexec runs it in the caller's process group)
        PrivilegedHelper.Response r = UninterruptedChange.run(() -> PrivilegedHelper.handle(doc, action,
                Requester.fromEnvironment()), () -> { }, false);
        return new Response(r.exitCode(), r.stdout(), r.stderr());
    }

    static byte[] readBounded(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }
}
