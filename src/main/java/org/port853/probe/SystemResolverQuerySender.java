package org.port853.probe;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private final InetSocketAddress server;

    public SystemResolverQuerySender() {
        this(null);
    }

    /** @param server a fixed server (tests), or null for the system's first configured one */
    public SystemResolverQuerySender(InetSocketAddress server) {
        this.server = server;
    }

    private InetSocketAddress resolve() {
        if (server != null) {
            return server;
        }
        ResolverConfig.refresh();
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return servers.isEmpty() ? new InetSocketAddress("127.0.0.53", 53) : servers.get(0);
    }

    @Override
    public String target() {
        InetSocketAddress s = resolve();
        return s.getAddress().getHostAddress() + ":" + s.getPort();
    }

    @Override
    public List<QueryOutcome> send(List<String> names, Duration timeout) {
        InetSocketAddress s = resolve();
        List<QueryOutcome> out = new ArrayList<>();
        SimpleResolver resolver = new SimpleResolver(s);
        resolver.setTimeout(timeout);
        for (String n : names) {
            long t0 = System.nanoTime();
            try {
                Message q = Message.newQuery(Record.newRecord(Name.fromString(n, Name.root), Type.A, DClass.IN));
                Message r = resolver.send(q);
                out.add(new QueryOutcome(n, true, Rcode.string(r.getRcode()), Duration.ofNanos(System.nanoTime() - t0), null));
            } catch (Exception e) {
                out.add(new QueryOutcome(n, false, null, Duration.ofNanos(System.nanoTime() - t0),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return out;
    }
}
