package org.port853.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.port853.change.ChangeEngine;
import org.port853.core.ApplyDescription;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.platform.ApplyResult;

/**
 * The only code that runs as root. Reads one request document, validates it again, carries it out through
 * the platform's change engine, and answers with a result document. Exit codes: 0 done, 1 failed or rolled
 * back, 2 refused input.
 */
public final class PrivilegedHelper {
    private static final Logger LOG = Logger.getLogger(PrivilegedHelper.class.getName());

    /** What the helper printed and how it exited. */
    public record Response(int exitCode, String stdout, String stderr) {
    }

    static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    /** How long the boot-time recovery waits for the network before it leaves the change for later. */
    static final Duration BOOT_PATIENCE = Duration.ofMinutes(5);

    private PrivilegedHelper() {
    }

    /** Handles a document on the platform of this machine, for a root process that runs the command itself. */
    public static Response handle(byte[] document) {
        return handle(document, null, Requester.fromEnvironment());
    }

    /**
     * @param expected the action the caller was authorized for (pkexec's argument), or null when root runs the
     *                 command directly; a document asking for another action is refused
     */
    public static Response handle(byte[] document, HelperRequest.Action expected, Requester who) {
        HelperRequest request;
        try {
            request = HelperDocuments.parse(document);
        } catch (InvalidInputException e) {
            return new Response(2, "", "port853-helper: refused: " + e.getMessage() + "\n");
        }
        if (expected != null && request.action() != expected) {
            return new Response(2, "", "port853-helper: refused: the document asks for " + name(request.action())
                    + " but the helper was started for " + name(expected) + "\n");
        }
        Optional<PrivilegedPlatform> platform = PrivilegedPlatform.detect();
        if (platform.isEmpty()) {
            return new Response(1, "", "port853-helper: this system has no resolver Port853 can change\n");
        }
        return handle(request, platform.get(), who);
    }

    private static String name(HelperRequest.Action a) {
        return a.name().toLowerCase(Locale.ROOT);
    }

    public static Response handle(HelperRequest request, PrivilegedPlatform platform, Requester who) {
        try {
            ApplyResult result;
            switch (request.action()) {
                case APPLY:
                    result = platform.engine(LOCK_WAIT).applyUnless(() -> platform.refusalSaid(request),
                            () -> platform.targetItems(request), describe(request),
                            request.settings().mode() == DotMode.STRICT);
                    break;
                case REVERT:
                    result = platform.engine(LOCK_WAIT).revertUnless(platform::revertRefusal);
                    break;
                case RECOVER:
                    result = platform.engine(LOCK_WAIT).recover(request.atBoot() ? new ChangeEngine.Patience(
                            BOOT_PATIENCE, Duration.ofSeconds(10), 3, platform::networkUp) : ChangeEngine.Patience.NONE,
                            platform::revertRefusal);
                    break;
                case HARDEN:
                    result = platform.hardening(LOCK_WAIT).apply();
                    break;
                case UNHARDEN:
                    result = platform.hardening(LOCK_WAIT).revert();
                    break;
                default:
                    throw new IllegalStateException(request.action().name());
            }
            AuditLog.record(who, name(request.action()) + (request.settings() == null ? "" : " (" + describe(request)
                    + ")"), result.outcome().name(), result.reason());
            return new Response(result.succeeded() ? 0 : 1, HelperDocuments.writeResult(result) + "\n", "");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, request.action() + " failed", e);
            AuditLog.record(who, name(request.action()), "ERROR", e.getMessage());
            return new Response(1, "", "port853-helper: " + (e.getMessage() == null ? e.toString() : e.getMessage()) + "\n");
        }
    }

    /** The journal's description of a change; the window reads it back (PendingTexts). */
    private static String describe(HelperRequest r) {
        return new ApplyDescription(ApplyDescription.DOT, r.settings().mode(), r.settings().servers().size()).text();
    }
}
