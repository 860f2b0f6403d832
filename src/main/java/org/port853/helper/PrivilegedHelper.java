package org.port853.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    private PrivilegedHelper() {
    }

    /** Handles a document on the platform of this machine. */
    public static Response handle(byte[] document) {
        Optional<PrivilegedPlatform> platform = PrivilegedPlatform.detect();
        HelperRequest request;
        try {
            request = HelperDocuments.parse(document);
        } catch (InvalidInputException e) {
            return new Response(2, "", "port853-helper: refused: " + e.getMessage() + "\n");
        }
        if (platform.isEmpty()) {
            return new Response(1, "", "port853-helper: this system has no resolver Port853 can change\n");
        }
        return handle(request, platform.get());
    }

    public static Response handle(HelperRequest request, PrivilegedPlatform platform) {
        try {
            ApplyResult result;
            switch (request.action()) {
                case APPLY:
                    Optional<String> refusal = platform.refusal(request.settings());
                    if (refusal.isPresent()) {
                        result = ApplyResult.of(ApplyResult.Outcome.REFUSED, refusal.get());
                        break;
                    }
                    platform.prepare();
                    result = platform.engine(LOCK_WAIT).apply(platform.targetItems(request), describe(request),
                            request.settings().mode() == DotMode.STRICT);
                    break;
                case REVERT:
                    result = platform.engine(LOCK_WAIT).revert();
                    break;
                case RECOVER:
                    result = platform.engine(LOCK_WAIT).recover();
                    break;
                default:
                    throw new IllegalStateException(request.action().name());
            }
            return new Response(result.succeeded() ? 0 : 1, HelperDocuments.writeResult(result) + "\n", "");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, request.action() + " failed", e);
            return new Response(1, "", "port853-helper: " + (e.getMessage() == null ? e.toString() : e.getMessage()) + "\n");
        }
    }

    private static String describe(HelperRequest r) {
        return "DNS-over-TLS " + r.settings().mode().name().toLowerCase(Locale.ROOT) + " with "
                + r.settings().servers().size() + " server(s)";
    }
}
