package org.port853.probe;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.port853.core.DesiredSettings;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Asks the resolver that programs on this machine use: the first name server in /etc/resolv.conf (on a
 * systemd-resolved machine the stub, 127.0.0.53), over UDP port 53 on the loopback, exactly like any
 * program. The capture then shows where resolved sent each query on.
 */
public final class SystemResolverQuerySender implements QuerySender {
    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");

    private final InetSocketAddress server;
    private final Path resolvConf;

    public SystemResolverQuerySender() {
        this(null);
    }

    /** @param server a fixed server (tests), or null for the system's first configured one */
    public SystemResolverQuerySender(InetSocketAddress server) {
        this(server, RESOLV_CONF);
    }

    /** @param resolvConf where the system's servers are read where dnsjava would read a resolv.conf */
    SystemResolverQuerySender(InetSocketAddress server, Path resolvConf) {
        this.server = server;
        this.resolvConf = resolvConf;
    }

    private InetSocketAddress resolve() {
        if (server != null) {
            return server;
        }
        List<InetSocketAddress> servers = ResolvConfServers.usedHere() ? ResolvConfServers.of(resolvConf) : configured();
        return servers.isEmpty() ? new InetSocketAddress("127.0.0.53", 53) : servers.get(0);
    }

    /**
     * dnsjava's own look (the registry on Windows). Never where it would read a resolv.conf: its fallbacks after an
     * empty one (the JDK's resolver configuration) read the file with a plain open too.
     */
    private static List<InetSocketAddress> configured() {
        ResolverConfig.refresh();
        return ResolverConfig.getCurrentConfig().servers();
    }

    @Override
    public String target() {
        InetSocketAddress s = resolve();
        return s.getAddress().getHostAddress() + ":" + s.getPort();
    }

    /**
     * Sends all queries at once (each a fresh UDP socket, like independent programs) and waits for every answer
     * or timeout, so the whole call takes about one {@code timeout} at most.
     */
    @Override
    public List<QueryOutcome> send(List<String> names, Duration timeout) {
        InetSocketAddress s = resolve();
        SimpleResolver resolver = new SimpleResolver(s);
        resolver.setTimeout(timeout);
        List<CompletableFuture<QueryOutcome>> pending = new ArrayList<>();
        for (String n : names) {
            long t0 = System.nanoTime();
            CompletableFuture<QueryOutcome> f;
            try {
                Message q = Message.newQuery(Record.newRecord(Name.fromString(n, Name.root), Type.A, DClass.IN));
                f = resolver.sendAsync(q).toCompletableFuture().handle((r, e) -> e == null
                        ? response(n, t0, r.getRcode())
                        : failed(n, t0, e, s));
            } catch (Exception e) {
                f = CompletableFuture.completedFuture(failed(n, t0, e, s));
            }
            pending.add(f);
        }
        List<QueryOutcome> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        for (int i = 0; i < pending.size(); i++) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                out.add(pending.get(i).get(left, TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(new QueryOutcome(names.get(i), false, null, timeout, "interrupted"));
            } catch (ExecutionException | TimeoutException e) {
                pending.get(i).cancel(true);
                out.add(new QueryOutcome(names.get(i), false, null, timeout, "no answer within " + timeout.toMillis()
                        + " ms"));
            }
        }
        return out;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /**
     * Only NOERROR and NXDOMAIN come from the name's servers. SERVFAIL, REFUSED and the like are the resolver giving
     * up (e.g. strict DNS over TLS whose server refuses port 853): the name was not resolved, so not answered.
     */
    private static QueryOutcome response(String name, long t0, int rcode) {
        String text = Rcode.string(rcode);
        boolean answered = rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN;
        return new QueryOutcome(name, answered, text, since(t0), answered ? null : text + " through the resolver (it gave up, or a server behind it refused)");
    }

    private static QueryOutcome failed(String name, long t0, Throwable e, InetSocketAddress server) {
        Throwable c = e;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return new QueryOutcome(name, false, null, since(t0), why(c, server), c instanceof java.net.PortUnreachableException
                ? server.getAddress().getHostAddress() + ":" + server.getPort() : null);
    }

    /** A failed query in words: the port-unreachable answer of a resolver that is not there says so. */
    static String why(Throwable c, InetSocketAddress server) {
        if (c instanceof java.net.PortUnreachableException) {
            String at = server.getAddress().getHostAddress();
            return "nothing listens on " + at + ":" + server.getPort() + (DesiredSettings.RESOLVED_STUBS.contains(at)
                    ? ", the stub of systemd-resolved: is systemd-resolved running?" : ""); // no parenthesis: Verify wraps it in one
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
