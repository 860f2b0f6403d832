package org.port853.probe.dot;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.xbill.DNS.Message;

/**
 * One DNS-over-TLS connection (RFC 7858): TCP to port 853, a TLS handshake that records the server's chain
 * without judging it, then queries with the two-byte length prefix of DNS over TCP (RFC 1035 4.2.2). Several
 * queries are written back to back and their answers matched by id, in whatever order they come (pipelining,
 * RFC 7766 6.2.1.1). Not thread-safe.
 */
public final class DotConnection implements AutoCloseable {
    /** A failed step: which phase, and the outcome of that phase. */
    public static final class ConnectFailure extends Exception {
        private final TcpOutcome tcp;
        private final TlsOutcome tls;
        private final long connectNanos;

        ConnectFailure(TcpOutcome tcp, TlsOutcome tls, long connectNanos, String message) {
            super(message);
            this.tcp = tcp;
            this.tls = tls;
            this.connectNanos = connectNanos;
        }

        public TcpOutcome tcp() {
            return tcp;
        }

        public TlsOutcome tls() {
            return tls;
        }

        public long connectNanos() {
            return connectNanos;
        }
    }

    private final SSLSocket socket;
    private final Socket tcp;
    private final DataInputStream in;
    private final OutputStream out;
    private final List<X509Certificate> chain;
    private final long connectNanos;
    private final long handshakeNanos;
    private final Map<Integer, Message> early = new HashMap<>();

    private DotConnection(SSLSocket socket, Socket tcp, List<X509Certificate> chain, long connectNanos,
                          long handshakeNanos) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.chain = chain;
        this.connectNanos = connectNanos;
        this.handshakeNanos = handshakeNanos;
    }

    /**
     * Connects and shakes hands. {@code sni} may be null (no SNI is sent, as resolved does without #name).
     * The timeout bounds the TCP connect, the handshake, and later each read.
     */
    public static DotConnection open(InetSocketAddress target, String sni, Duration timeout) throws ConnectFailure {
        int millis = (int) Math.max(1, timeout.toMillis());
        Socket tcp = new Socket();
        long t0 = System.nanoTime();
        try {
            tcp.setTcpNoDelay(true);
            tcp.connect(target, millis);
        } catch (IOException e) {
            closeQuietly(tcp);
            throw new ConnectFailure(tcpOutcome(e), TlsOutcome.NOT_ATTEMPTED, System.nanoTime() - t0, describe(e));
        }
        long connected = System.nanoTime();
        RecordingTrustManager recorder = new RecordingTrustManager();
        SSLSocket ssl = null;
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {recorder}, null);
            ssl = (SSLSocket) ctx.getSocketFactory().createSocket(tcp, target.getHostString(), target.getPort(), true);
            SSLParameters params = ssl.getSSLParameters();
            params.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
            ssl.setSSLParameters(params);
            ssl.setSoTimeout(millis);
            ssl.startHandshake();
            long done = System.nanoTime();
            return new DotConnection(ssl, tcp, recorder.chain(), connected - t0, done - connected);
        } catch (GeneralSecurityException e) {
            closeQuietly(ssl == null ? tcp : ssl);
            throw new IllegalStateException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(ssl == null ? tcp : ssl);
            throw new ConnectFailure(TcpOutcome.OK, tlsOutcome(e), connected - t0, describe(e));
        }
    }

    /** Sends all queries at once, then reads until each has its answer. Answers come back in query order. */
    public List<Message> exchange(List<Message> queries) throws IOException {
        for (Message q : queries) {
            byte[] wire = q.toWire();
            byte[] framed = new byte[wire.length + 2];
            framed[0] = (byte) (wire.length >>> 8);
            framed[1] = (byte) wire.length;
            System.arraycopy(wire, 0, framed, 2, wire.length);
            out.write(framed);
        }
        out.flush();
        ackPromptly();
        List<Message> answers = new ArrayList<>();
        for (Message q : queries) {
            int id = q.getHeader().getID();
            Message a = early.remove(id);
            while (a == null) {
                Message next = readOne();
                if (next.getHeader().getID() == id) {
                    a = next;
                } else {
                    early.put(next.getHeader().getID(), next);
                }
            }
            answers.add(a);
        }
        return answers;
    }

    /**
     * Acknowledges what arrives next at once instead of after the delayed-ACK timeout (about 40 ms on Linux). A
     * TLS 1.3 server sends its session tickets right after the handshake; a server with Nagle's algorithm on (unbound
     * does so on 853) then holds the answer until the tickets are acknowledged, and the client's kernel, in its
     * interactive mode after the handshake, delays that ACK. Linux resets quick-ACK mode by itself, so it is set again
     * after every write. Where the option is missing (other systems) nothing changes.
     */
    private void ackPromptly() {
        try {
            if (QUICKACK) {
                tcp.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // an optimisation only
        }
    }

    private static final boolean QUICKACK = quickAckSupported();

    private static boolean quickAckSupported() {
        try (Socket s = new Socket()) {
            return s.supportedOptions().contains(jdk.net.ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    public Message exchange(Message query) throws IOException {
        return exchange(List.of(query)).get(0);
    }

    private Message readOne() throws IOException {
        int length = in.readUnsignedShort();
        byte[] wire = new byte[length];
        in.readFully(wire);
        return new Message(wire);
    }

    public SSLSession session() {
        return socket.getSession();
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public long connectNanos() {
        return connectNanos;
    }

    public long handshakeNanos() {
        return handshakeNanos;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do with a socket we are dropping
        }
    }

    static TcpOutcome tcpOutcome(IOException e) {
        if (e instanceof SocketTimeoutException) return TcpOutcome.TIMED_OUT;
        if (e instanceof NoRouteToHostException) return TcpOutcome.UNREACHABLE;
        if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage());
            return m.contains("refused") ? TcpOutcome.REFUSED : m.contains("timed out") ? TcpOutcome.TIMED_OUT : TcpOutcome.UNREACHABLE;
        }
        return TcpOutcome.UNREACHABLE;
    }

    static TlsOutcome tlsOutcome(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) return TlsOutcome.TIMED_OUT;
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof SocketException && (m.contains("reset") || m.contains("broken pipe"))) return TlsOutcome.RESET;
            if (t instanceof EOFException || m.contains("terminated the handshake") || m.contains("closed")) {
                return TlsOutcome.CLOSED;
            }
        }
        return e instanceof SSLException ? TlsOutcome.FAILED : TlsOutcome.RESET;
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
