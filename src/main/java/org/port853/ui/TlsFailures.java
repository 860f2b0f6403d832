package org.port853.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.port853.core.Assessment;
import org.port853.core.FeatureLevelChange;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.CheckStatus;

/**
 * Servers whose DNS-over-TLS was just seen to fail: a probe of them (Diagnostics, the cause of a rolled-back change)
 * or resolved's own journal (it gave up TLS with a server in opportunistic mode). Strict mode with such a server would
 * leave the computer without DNS, so Protect does not propose it. A finding stands for {@link #STANDS}; a later probe
 * in which the server passes ends it at once, and that pass stands as long. Kept by address and port: a failing port 853
 * fails every name there. JavaFX thread only.
 */
public final class TlsFailures {
    /** How long a failure counts as "just now". */
    public static final Duration STANDS = Duration.ofMinutes(15);

    /** What failed: nothing answered on port 853, the certificate, the handshake (also one cut off or left hanging). */
    public enum Kind { NO_ANSWER, CERTIFICATE, HANDSHAKE, DOWNGRADED }

    public record Failure(Kind kind, Instant at) {
    }

    private final Map<String, Failure> failures = new HashMap<>();
    /** When each server last passed a probe. */
    private final Map<String, Instant> passes = new HashMap<>();
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper();
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
        checked(checks, clock.instant());
    }

    /** {@link #checked(List)} for checks run at {@code now}. */
    public void checked(List<Check> checks, Instant now) {
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
                failed(where, new Failure(kind, now));
            } else if (passed(c)
                    && checks.stream().noneMatch(o -> c.server().equals(o.server()) && kindOf(o) != null)) {
                failures.remove(where);
                passes.put(where, now);
                changed();
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
                fellBack(FeatureLevelChange.parse(r.details().get(0)).filter(FeatureLevelChange::leftTls)
                        .map(c -> where(c.server())).orElse(null));
            } else if (r.code().equals("DOT_DOWNGRADED") && r.details().size() == 2 && r.details().get(1).equals("0")
                    && s != null && s.global() != null && s.global().servers().size() == 1) {
                fellBack(where(s.global().servers().get(0)));
            }
        }
    }

    /**
     * A failure seen before keeps its kind and time while it stands; an expired one is replaced. A pass that stands
     * outweighs it: the journal's line has no time, and the same line is read again at every refresh after the pass.
     */
    private void fellBack(String where) {
        if (where != null && standing(where).isEmpty() && !passedLately(where)) {
            failed(where, new Failure(Kind.DOWNGRADED, clock.instant()));
        }
    }

    private void failed(String where, Failure f) {
        failures.put(where, f);
        passes.remove(where);
        changed();
    }

    private boolean passedLately(String where) {
        Instant at = passes.get(where);
        return at != null && stands(at);
    }

    /** The failure of {@code a} seen within {@link #STANDS}, if any. */
    public Optional<Failure> of(ServerAddress a) {
        return standing(where(a));
    }

    /**
     * The failure of a provider with {@code servers}: one of them failed within {@link #STANDS} and none passed
     * (an IPv6 address failing on a network without IPv6 says nothing of the IPv4 one that passed).
     */
    public Optional<Failure> ofAll(Collection<ServerAddress> servers) {
        if (servers.stream().anyMatch(a -> passedLately(where(a)))) {
            return Optional.empty();
        }
        return servers.stream().map(this::of).flatMap(Optional::stream).findFirst();
    }

    private Optional<Failure> standing(String where) {
        return Optional.ofNullable(failures.get(where)).filter(f -> stands(f.at()));
    }

    /** A finding made at {@code at} still counts: it is no older than {@link #STANDS}. */
    private boolean stands(Instant at) {
        return !at.isBefore(clock.instant().minus(STANDS));
    }

    /**
     * Drops the findings older than {@link #STANDS} and announces it: what Protect proposes may change with that alone.
     * Lookups already pass over such findings; this is what tells the Status row to read again.
     */
    public void forgetExpired() {
        boolean dropped = failures.values().removeIf(f -> !stands(f.at()));
        dropped |= passes.values().removeIf(at -> !stands(at));
        if (dropped) {
            changed();
        }
    }

    private void changed() {
        changes.set(changes.get() + 1);
    }

    /** Counts up whenever a finding is recorded or forgotten. */
    public ReadOnlyLongProperty changes() {
        return changes.getReadOnlyProperty();
    }

    /** What a pin check says after a handshake that showed the pinned key, or one recorded now (its certificate passed). */
    private static final java.util.Set<String> PIN_PASSES = java.util.Set.of("pin.spki.matches",
            "pin.spki.recorded-published", "pin.spki.recorded-first-use");

    /** The server's DNS-over-TLS worked: port 853 answered with a handshake (doctor's check, or a pin check's). */
    private static boolean passed(Check c) {
        if (c.status() != CheckStatus.OK) {
            return false;
        }
        return c.id().equals("dot.reachable")
                || c.id().equals("pin.spki") && !c.words().isEmpty() && PIN_PASSES.contains(c.words().get(0).wording());
    }

    private static Kind kindOf(Check c) {
        if (c.status() != CheckStatus.FAILURE) {
            return null;
        }
        if (c.id().equals("dot.reachable")) {
            String wording = c.words().isEmpty() ? "" : c.words().get(0).wording();
            return switch (wording) {
                // no route to the address family (IPv6 on an IPv4-only network): nothing about the server's TLS
                case "dot.reachable.no-route" -> null;
                case "dot.reachable.tls-failed", "dot.reachable.tls-reset", "dot.reachable.tls-closed",
                     "dot.reachable.tls-timeout" -> Kind.HANDSHAKE;
                default -> Kind.NO_ANSWER;
            };
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
