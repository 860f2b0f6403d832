package org.port853.probe.dot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.port853.core.ServerAddress;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Probes one DNS-over-TLS server: connect, handshake, certificate, then on the same connection the cold and
 * warm queries, a pipelined batch, the DNSSEC pair and the large answer (last: it may break the connection).
 */
public final class DotProbe {
    private static final int EDNS_SIZE = 4096;
    private final CertificateInspector inspector;
    private final Clock clock;

    public DotProbe(TrustAnchors anchors, Clock clock) {
        this.inspector = new CertificateInspector(anchors);
        this.clock = clock;
    }

    public ProbeReport probe(ServerAddress server, ProbeOptions options) {
        InetSocketAddress target = new InetSocketAddress(server.address(), server.dotPort());
        DotConnection c;
        try {
            c = DotConnection.open(target, server.tlsName(), options.timeout());
        } catch (DotConnection.ConnectFailure f) {
            return ProbeReport.failed(server, f.tcp(), f.tls(), f.getMessage(), millis(f.connectNanos()));
        }
        try (c) {
            CertificateReport cert = c.chain().isEmpty() ? null
                    : inspector.inspect(c.chain(), server.tlsName(), server.address(), clock.instant());
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            int failed = 0;
            String firstRcode = null;
            List<String> firstAnswers = List.of();
            String error = null;
            Boolean pipelined = null;
            Double first = null;
            try {
                for (String name : options.names()) {
                    long t = System.nanoTime();
                    Message a = c.exchange(query(name, Type.A, false, 1));
                    double ms = millis(System.nanoTime() - t);
                    if (first == null) {
                        first = ms;
                        firstRcode = Rcode.string(a.getRcode());
                        firstAnswers = answers(a);
                    }
                    if (a.getRcode() == Rcode.NOERROR) cold.add(ms); else failed++;
                }
                for (int round = 0; round < options.warmRounds(); round++) {
                    for (String name : options.names()) {
                        long t = System.nanoTime();
                        Message a = c.exchange(query(name, Type.A, false, 2));
                        double ms = millis(System.nanoTime() - t);
                        if (a.getRcode() == Rcode.NOERROR) warm.add(ms); else failed++;
                    }
                }
                pipelined = pipeline(c, options.names());
            } catch (IOException e) {
                error = "the connection broke during the queries: " + DotConnection.describe(e);
                failed++;
            }
            ProbeReport.DnssecAnswers dnssec = error == null ? dnssec(c, options) : null;
            ProbeReport.LargeAnswer large = error == null ? large(c, options) : null;
            return new ProbeReport(server, TcpOutcome.OK, TlsOutcome.OK, error, millis(c.connectNanos()),
                    millis(c.handshakeNanos()), c.session().getProtocol(), c.session().getCipherSuite(), cert, first,
                    cold, warm, failed, options.names().get(0), firstRcode, firstAnswers, pipelined, large, dnssec);
        }
    }

    /** Probes in parallel (each probe is bound by its timeouts); results keep the servers' order. */
    public List<ProbeReport> probeAll(List<ServerAddress> servers, ProbeOptions options) {
        if (servers.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, servers.size()), r -> {
            Thread t = new Thread(r, "port853-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ProbeReport>> futures = new ArrayList<>();
            for (ServerAddress s : servers) {
                futures.add(pool.submit(() -> probe(s, options)));
            }
            List<ProbeReport> out = new ArrayList<>();
            for (Future<ProbeReport> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean pipeline(DotConnection c, List<String> names) throws IOException {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            batch.add(query(names.get(i), Type.A, false, 100 + i));
        }
        List<Message> answers = c.exchange(batch);
        for (int i = 0; i < answers.size(); i++) {
            if (!answers.get(i).getQuestion().getName().equals(batch.get(i).getQuestion().getName())) {
                return false;
            }
        }
        return true;
    }

    private static ProbeReport.DnssecAnswers dnssec(DotConnection c, ProbeOptions o) {
        if (o.dnssecSigned() == null || o.dnssecBogus() == null) {
            return null;
        }
        try {
            List<Message> a = c.exchange(List.of(query(o.dnssecSigned(), Type.A, true, 200), query(o.dnssecBogus(), Type.A, true, 201)));
            return new ProbeReport.DnssecAnswers(o.dnssecSigned(), Rcode.string(a.get(0).getRcode()),
                    a.get(0).getHeader().getFlag(Flags.AD), o.dnssecBogus(), Rcode.string(a.get(1).getRcode()), null);
        } catch (IOException e) {
            return new ProbeReport.DnssecAnswers(o.dnssecSigned(), null, false, o.dnssecBogus(), null, DotConnection.describe(e));
        }
    }

    private static ProbeReport.LargeAnswer large(DotConnection c, ProbeOptions o) {
        if (o.largeName() == null) {
            return null;
        }
        String label = o.largeName() + " " + o.largeType();
        try {
            Message a = c.exchange(query(o.largeName(), QueryText.type(o.largeType()), true, 300));
            return new ProbeReport.LargeAnswer(label, a.toWire().length, a.getHeader().getFlag(Flags.TC), null);
        } catch (IOException e) {
            return new ProbeReport.LargeAnswer(label, null, false, DotConnection.describe(e));
        }
    }

    /** A recursive query with EDNS(0) and a 4096-byte buffer; with {@code dnssecOk} the DO and AD bits are set. */
    static Message query(String name, int type, boolean dnssecOk, int id) {
        Message m = Message.newQuery(Record.newRecord(QueryText.name(name), type, DClass.IN));
        m.getHeader().setID(id);
        m.addRecord(new OPTRecord(EDNS_SIZE, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        if (dnssecOk) {
            m.getHeader().setFlag(Flags.AD);
        }
        return m;
    }

    private static List<String> answers(Message m) {
        List<String> out = new ArrayList<>();
        for (Record r : m.getSection(Section.ANSWER)) {
            out.add(Type.string(r.getType()) + " " + r.rdataToString());
        }
        return out;
    }

    static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
