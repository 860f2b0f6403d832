package org.port853.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.port853.core.InvalidInputException;
import org.port853.platform.ApplyResult;
import org.port853.platform.linux.LinuxChange;

/**
 * The only code that runs as root. Reads one request document, validates it again, carries it out through
 * the {@link ChangeEngine}, and answers with a result document. Exit codes: 0 done, 1 failed or rolled back,
 * 2 refused input.
 */
public final class PrivilegedHelper {
    /** What the helper printed and how it exited. */
    public record Response(int exitCode, String stdout, String stderr) {
    }

    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private PrivilegedHelper() {
    }

    public static Response handle(byte[] document) {
        HelperRequest request;
        try {
            request = HelperDocuments.parse(document);
        } catch (InvalidInputException e) {
            return new Response(2, "", "port853-helper: refused: " + e.getMessage() + "\n");
        }
        try {
            LinuxChange linux = LinuxChange.onThisSystem();
            ApplyResult result;
            switch (request.action()) {
                case APPLY:
                    Optional<String> refusal = linux.refusal(request.settings());
                    if (refusal.isPresent()) {
                        result = new ApplyResult(ApplyResult.Outcome.REFUSED, refusal.get(), null, null, List.of(),
                                false, Duration.ZERO);
                        break;
                    }
                    linux.prepareDirectories();
                    result = linux.engine(LOCK_WAIT).apply(linux.targetFiles(request),
                            describe(request), request.settings().mode() == org.port853.core.DotMode.STRICT);
                    break;
                case REVERT:
                    result = linux.engine(LOCK_WAIT).revert();
                    break;
                case RECOVER:
                    result = linux.engine(LOCK_WAIT).recover();
                    break;
                default:
                    throw new IllegalStateException(request.action().name());
            }
            return new Response(result.succeeded() ? 0 : 1, HelperDocuments.writeResult(result) + "\n", "");
        } catch (IOException | RuntimeException e) {
            return new Response(1, "", "port853-helper: " + (e.getMessage() == null ? e.toString() : e.getMessage()) + "\n");
        }
    }

    private static String describe(HelperRequest r) {
        return "DNS-over-TLS " + r.settings().mode().name().toLowerCase(Locale.ROOT) + " with "
                + r.settings().servers().size() + " server(s)";
    }
}
