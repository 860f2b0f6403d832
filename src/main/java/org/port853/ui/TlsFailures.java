package org.port853.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.port853.core.Assessment;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;

/**
 * Servers whose DNS-over-TLS was just seen to fail: a probe of them (Diagnostics, the cause of a rolled-back change)
 * or resolved's own journal (it gave up TLS with a server in opportunistic mode). Strict mode with such a server would
 * leave the computer without DNS, so Protect does not propose it. A finding stands for {@link #STANDS}; a later probe
 * in which the server passes ends it at once. Kept by address and port: a failing port 853 fails every name there.
 * JavaFX thread only.
 */
public final class TlsFailures {
    /** How long a failure counts as "just now". */
    public static final Duration STANDS = Duration.ofMinutes(15);

    /** What failed: nothing answered on port 853 (or the handshake was cut off), the certificate, the handshake. */
    public enum Kind { NO_ANSWER, CERTIFICATE, HANDSHAKE, DOWNGRADED }

    public record Failure(Kind kind, Instant at) {
    }

    /** resolved's journal line naming the server it stopped asking over TLS. */
    private static final Pattern JOURNAL_SERVER = Pattern.compile("instead of TLS for DNS server (\\S+?)\\.?$");

    private final ObservableMap<String, Failure> failures = FXCollections.observableHashMap();
    /** One view kept: it listens to the map weakly, so a view made per call would drop its listeners when collected. */
    private final ObservableMap<String, Failure> seen = FXCollections.unmodifiableObservableMap(failures);
    private final Clock clock;

    public TlsFailures() {
        this(Clock.systemUTC());
    }

    public TlsFailures(Clock clock) {
        this.clock = clock;
    }

    /**
     * A probe's checks: each server whose DNS-over-TLS check failed is recorded; a server it reached with a certificate
     * that passed is forgotten.
     */
    public void checked(List<Check> checks) {
        Instant now = clock.instant();
        for (Check c : checks) {
            if (c.server() == null) {
                continue;
            }
            Kind kind = kindOf(c);
            String where = where(c.server());
            if (where == null) {
                continue;
            }
            if (kind != null) {
                failures.put(where, new Failure(kind, now));
            } else if (c.id().equals("dot.reachable") && c.status() == CheckStatus.OK
                    && checks.stream().noneMatch(o -> c.server().equals(o.server()) && kindOf(o) != null)) {
                failures.remove(where);
            }
        }
    }

    /**
     * The state's reasons: resolved's journal saying it stopped asking a server over TLS, or a lookup that came back
     * without encryption from the global servers in opportunistic mode when there is only one ({@code s}'s): that one
     * fell back.
     */
    public void assessed(Assessment a, ResolverState s) {
        if (a == null) {
            return;
        }
        for (Reason r : a.reasons()) {
            if (r.code().equals("DOT_DOWNGRADED_JOURNAL") && !r.details().isEmpty()) {
                Matcher m = JOURNAL_SERVER.matcher(r.details().get(0).strip());
                fellBack(m.find() ? where(m.group(1)) : null);
            } else if (r.code().equals("DOT_DOWNGRADED") && r.details().size() == 2 && r.details().get(1).equals("0")
                    && s != null && s.global() != null && s.global().servers().size() == 1) {
                fellBack(where(s.global().servers().get(0)));
            }
        }
    }

    private void fellBack(String where) {
        if (where != null && !failures.containsKey(where)) {
            failures.put(where, new Failure(Kind.DOWNGRADED, clock.instant()));
        }
    }

    /** The failure of {@code a} seen within {@link #STANDS}, if any. */
    public Optional<Failure> of(ServerAddress a) {
        Failure f = failures.get(where(a));
        return f == null || f.at().plus(STANDS).isBefore(clock.instant()) ? Optional.empty() : Optional.of(f);
    }

    /** Changes whenever a failure is recorded or forgotten. */
    public ObservableMap<String, Failure> all() {
        return seen;
    }

    private static Kind kindOf(Check c) {
        if (c.status() != CheckStatus.FAILURE) {
            return null;
        }
        if (c.id().equals("dot.reachable")) {
            String wording = c.words().isEmpty() ? "" : c.words().get(0).wording();
            return wording.equals("dot.reachable.tls-failed") ? Kind.HANDSHAKE : Kind.NO_ANSWER;
        }
        if (c.id().equals("tls.version")) {
            return Kind.HANDSHAKE;
        }
        return c.id().startsWith("tls.") ? Kind.CERTIFICATE : null;
    }

    private static String where(String server) {
        try {
            return where(ServerAddress.parse(server));
        } catch (RuntimeException e) {
            return null; // not a server this window could propose
        }
    }

    private static String where(ServerAddress a) {
        return a.dotEndpoint();
    }
}
