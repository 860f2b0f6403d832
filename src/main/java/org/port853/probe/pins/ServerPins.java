package org.port853.probe.pins;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.time.Duration;
import org.port853.probe.dot.QuickProbes;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.Provider;
import org.port853.core.ServerAddress;
import org.port853.platform.ApplyResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.RollbackCause;
import org.port853.probe.dot.ProbeReport;

/**
 * The user's server pins (pins are the user's state: the privileged helper never writes them). Records the SPKI
 * pins of the servers a change has just put in place: each server with a TLS name gets its provider's published
 * pin where the catalogue lists one, otherwise the key it shows now (trust on first use); a recorded pin is
 * compared instead. Re-checks every recorded pin for the watcher. Never throws: a probe or store failure is
 * reported, it never undoes a change.
 */
public final class ServerPins {
    /** One server's pin after the change. */
    public record Recorded(String server, PinVerdict verdict) {
        public Check check() {
            return verdict.toCheck(server);
        }
    }

    /** The servers' pins; {@code problem} says why some could not be recorded (null when all went through). */
    public record Result(List<Recorded> pins, String problem) {
        public static final Result NONE = new Result(List.of(), null);

        public Result {
            pins = List.copyOf(pins);
        }

        public boolean keyChanged() {
            return pins.stream().anyMatch(p -> p.verdict().changed());
        }
    }

    private final Function<List<ServerAddress>, List<ProbeReport>> prober;
    private final Path file;
    private final Supplier<List<Provider>> providers;
    private final Clock clock;

    /**
     * @param prober    probes the servers (a quick DoT probe; may block for its timeouts)
     * @param file      the user's pin store
     * @param providers where published pins come from (the catalogue and the user's providers)
     */
    public ServerPins(Function<List<ServerAddress>, List<ProbeReport>> prober, Path file, Supplier<List<Provider>> providers,
                      Clock clock) {
        this.prober = prober;
        this.file = file;
        this.providers = providers;
        this.clock = clock;
    }

    /** This user's store, probed with the configured trust anchors (quick probes, {@code timeout} each). */
    public static ServerPins system(Supplier<List<Provider>> providers, Duration timeout) {
        return new ServerPins(QuickProbes.prober(timeout), PinStore.userFile(), providers,
                Clock.systemUTC());
    }

    /** Names why a change towards encryption was rolled back, with the same probes. */
    public RollbackCause rollbackCause() {
        return new RollbackCause(prober, clock);
    }

    /**
     * The DNS-over-TLS checks of {@code servers} as strict mode would need them (port 853, the handshake, the
     * certificate), with the same probes: a check again of servers that just failed.
     */
    public List<Check> tlsChecks(List<ServerAddress> servers) {
        return org.port853.probe.doctor.ServerChecks.ofAll(prober.apply(servers), DotMode.STRICT, clock.instant());
    }

    public Path file() {
        return file;
    }

    /** The pins each server of the providers publishes. */
    public static Map<ServerAddress, List<String>> publishedPins(List<Provider> providers) {
        Map<ServerAddress, List<String>> out = new LinkedHashMap<>();
        for (Provider p : providers) {
            if (!p.spkiPins().isEmpty()) {
                p.servers().forEach(s -> out.putIfAbsent(s, p.spkiPins()));
            }
        }
        return out;
    }

    /** Did the change leave {@code desired}'s servers in use (so their pins are to be recorded)? */
    public static boolean serversInUse(ApplyResult r) {
        return r.outcome() == ApplyResult.Outcome.APPLIED || r.outcome() == ApplyResult.Outcome.UNCHANGED
                || r.outcome() == ApplyResult.Outcome.NOT_COVERED;
    }

    /**
     * The servers whose key is checked: those with a TLS name, when encryption is on, in the store's canonical form
     * (port 853, DNS-over-TLS's own, left out: {@code IP:853#name} is {@code IP#name}).
     */
    public static List<ServerAddress> pinnable(DesiredSettings desired) {
        List<ServerAddress> out = new ArrayList<>();
        if (desired == null || desired.mode() == DotMode.OFF) {
            return out;
        }
        for (List<ServerAddress> list : List.of(desired.servers(), desired.fallback())) {
            for (ServerAddress s : list) {
                ServerAddress canonical = s.withoutDotPort();
                if (s.tlsName() != null && !out.contains(canonical)) {
                    out.add(canonical);
                }
            }
        }
        return out;
    }

    /**
     * Records (or compares) the pins of {@code desired}'s servers after {@code result}; nothing when it failed.
     * {@code answering}: the resolver's current server after the change (the one its check went through), or null. In
     * strict mode the resolver has just accepted that server's certificate itself, and only that one's: another server
     * of the change may never have been asked, so its key is recorded only when its certificate passes the probe's own
     * checks (an interceptor's key is never enrolled).
     */
    public Result afterChange(ApplyResult result, DesiredSettings desired, ServerAddress answering) {
        boolean strict = desired.mode() == DotMode.STRICT;
        return serversInUse(result) ? record(pinnable(desired), s -> strict && sameServer(s, answering)) : Result.NONE;
    }

    /** The resolver's current server in the state {@code read} gives, or null when there is none or it cannot be read. */
    public static ServerAddress currentServer(java.util.function.Supplier<org.port853.core.ResolverState> read) {
        try {
            org.port853.core.ResolverState s = read.get();
            return s == null || s.global() == null ? null : s.global().currentServer();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Same address and DNS-over-TLS port (the resolver may report the server without its TLS name). */
    private static boolean sameServer(ServerAddress a, ServerAddress b) {
        return b != null && a.address().equals(b.address()) && a.dotPort() == b.dotPort()
                && (b.tlsName() == null || b.tlsName().equalsIgnoreCase(a.tlsName()));
    }

    /** The servers (as the store writes them) whose last check saw a key other than their pin, not yet accepted. */
    public List<String> changedServers() throws IOException {
        return PinStore.load(file).changedServers();
    }

    /** The user accepts the key {@code server} showed at the last check as its pin ({@link Pinning#accept}); saved. */
    public Pinning.Acceptance accept(ServerAddress server) throws IOException {
        PinStore store = PinStore.load(file);
        Pinning.Acceptance a = Pinning.accept(store, server, clock.instant());
        if (a == Pinning.Acceptance.ACCEPTED) {
            store.save();
        }
        return a;
    }

    /** Probes every server that has a recorded pin and compares (the watcher's check). */
    public Result recheckRecorded() {
        List<ServerAddress> servers = new ArrayList<>();
        try {
            for (PinRecord r : PinStore.load(file).all()) {
                servers.add(ServerAddress.parse(r.server()));
            }
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), "the pins could not be read: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return record(servers);
    }

    /**
     * Records the pins of servers without one (of a certificate that passes the probe's checks), compares the others;
     * saves the store.
     */
    public Result record(List<ServerAddress> servers) {
        return record(servers, s -> false);
    }

    /** {@code vouched}: the resolver has just accepted that server's certificate itself (see {@link Pinning}). */
    private Result record(List<ServerAddress> servers, java.util.function.Predicate<ServerAddress> vouched) {
        if (servers.isEmpty()) {
            return Result.NONE;
        }
        List<Recorded> out = new ArrayList<>();
        try {
            PinStore store = PinStore.load(file);
            Map<ServerAddress, List<String>> published = publishedPins(providers.get());
            List<ProbeReport> reports = prober.apply(servers);
            java.util.Set<String> vouchedKeys = vouchedKeys(reports, vouched);
            for (ProbeReport r : reports) {
                PinVerdict v = Pinning.check(store, r, published.getOrDefault(r.server(), List.of()), clock.instant(),
                        vouched.test(r.server()) || vouchedKeys.contains(nameAndKey(r)));
                out.add(new Recorded(r.server().toString(), v));
            }
            store.save();
            return new Result(out, null);
        } catch (IOException | RuntimeException e) {
            return new Result(out, notRecorded(e));
        }
    }

    /**
     * The TLS names and keys of the servers the resolver vouched for: another address of the change that shows the same
     * key for the same name (a provider's IPv6 address beside its IPv4 one) holds the same private key, so the resolver's
     * check stands for it too; a different key is judged on its own.
     */
    private static java.util.Set<String> vouchedKeys(List<ProbeReport> reports,
                                                    java.util.function.Predicate<ServerAddress> vouched) {
        java.util.Set<String> out = new java.util.HashSet<>();
        reports.stream().filter(r -> vouched.test(r.server())).map(ServerPins::nameAndKey)
                .filter(java.util.Objects::nonNull).forEach(out::add);
        return out;
    }

    /** "dot.test sha256-key" for a report with a TLS name and a certificate; null otherwise. */
    private static String nameAndKey(ProbeReport r) {
        String name = r.server().tlsName();
        return name == null || r.certificate() == null ? null
                : name.toLowerCase(java.util.Locale.ROOT) + " " + r.certificate().pin();
    }

    /** Why the store could not be written, in words: a bare FileSystemException says only a path. */
    private String notRecorded(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String where = f.getFile() == null ? file.toString() : f.getFile();
            String why = e instanceof java.nio.file.NoSuchFileException ? where + " does not exist"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied on " + where
                    : where + ": " + f.getReason();
            return "the servers' pins could not be recorded in " + file + " (" + why + "); set XDG_STATE_HOME to a "
                    + "directory you can write";
        }
        return "the servers' pins could not be recorded: " + (e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
