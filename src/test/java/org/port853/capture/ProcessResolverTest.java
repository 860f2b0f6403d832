package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcessResolverTest {
    /** Every socket is found, held by a program of this name. */
    record NamedOwner(String name) implements SocketOwnerLookup {
        @Override
        public boolean isSupported() {
            return true;
        }

        @Override
        public Optional<Socket> find(int protocol, byte[] address, int port) {
            return Optional.of(new Socket(4711, 1000));
        }

        @Override
        public String describe(Socket socket) {
            return name;
        }
    }

    /** {@code inner}, counting its socket lookups in {@code finds}. */
    static SocketOwnerLookup counting(SocketOwnerLookup inner, java.util.concurrent.atomic.AtomicInteger finds) {
        return new SocketOwnerLookup() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public Optional<Socket> find(int protocol, byte[] address, int port) {
                finds.incrementAndGet();
                return inner.find(protocol, address, port);
            }

            @Override
            public String describe(Socket socket) {
                return inner.describe(socket);
            }
        };
    }

    @Test
    @DisplayName("a program that renamed itself to an escape sequence and a line end (prctl, /proc/self/comm) is "
            + "named with them shown, so that monitor's text line cannot recolour the terminal or print a fake LEAK line")
    void aProgramNameWithControlCharactersIsShownNotSent() throws Exception {
        LinkedBlockingQueue<LeakRecord> published = new LinkedBlockingQueue<>();
        try (ProcessResolver r = new ProcessResolver(new NamedOwner("ev\u001b[31mil\nLEAK (42)"), published::add,
                (rcode, id) -> { })) {
            r.submit(new LeakCandidate(Instant.now(), "eth0", "198.18.0.4", "a.test", "A", ParsedFrame.UDP,
                    new byte[] {(byte) 198, 18, 0, 1}, 40000, true, null, 0));
            LeakRecord leak = published.poll(5, TimeUnit.SECONDS);
            assertEquals("ev\\x1b[31mil\\nLEAK (42)", leak.sender());
            assertEquals("ev\\x1b[31mil\\nLEAK (42)", leak.process());
            assertEquals("ev\\x1b[31mil\\nLEAK", leak.program());
        }
    }

    @Test
    @DisplayName("a burst from one socket is looked up once: a lookup made after a query was sent answers for it, "
            + "a query sent after the lookup is looked up again")
    void aLookupMadeAfterAQueryWasSentAnswersForIt() throws Exception {
        java.util.concurrent.atomic.AtomicInteger finds = new java.util.concurrent.atomic.AtomicInteger();
        SocketOwnerLookup counting = counting(new NamedOwner("python3 (42)"), finds);
        LinkedBlockingQueue<LeakRecord> published = new LinkedBlockingQueue<>();
        byte[] client = {(byte) 198, 18, 0, 1};
        try (ProcessResolver r = new ProcessResolver(counting, published::add, (rcode, id) -> { })) {
            Instant sent = Instant.now().minusMillis(50);
            for (int i = 0; i < 100; i++) {
                r.submit(new LeakCandidate(sent.plusNanos(i * 1000L), "eth0", "198.18.0.4", "b" + i + ".test", "A",
                        ParsedFrame.UDP, client, 40000, true, null, i));
            }
            assertEquals(1, finds.get(), "one lookup for the burst");
            r.submit(new LeakCandidate(sent, "eth0", "198.18.0.4", "other.test", "A", ParsedFrame.TCP, client, 40000,
                    true, null, 100));
            r.submit(new LeakCandidate(sent, "eth0", "198.18.0.4", "other.test", "A", ParsedFrame.UDP, client, 40001,
                    true, null, 101));
            assertEquals(3, finds.get(), "another protocol or port is another socket");
            Thread.sleep(5);
            r.submit(new LeakCandidate(Instant.now(), "eth0", "198.18.0.4", "later.test", "A", ParsedFrame.UDP,
                    client, 40000, true, null, 102));
            assertEquals(4, finds.get(), "sent after the lookup: the port may have another socket by now");
            for (int i = 0; i < 103; i++) {
                assertEquals("python3 (42)", published.poll(5, TimeUnit.SECONDS).sender());
            }
        }
    }

    /** Linux's socket owners: the kernel's socket table and /proc (the test is skipped where they cannot be read). */
    static LinuxSocketOwners linuxOwners() {
        LinuxSocketOwners linux = new LinuxSocketOwners();
        org.junit.jupiter.api.Assumptions.assumeTrue(linux.isSupported(), "sock_diag and /proc");
        return linux;
    }

    /** How this test's own JVM is named as a sender: "java (4711)". */
    static String thisProgram() {
        long pid = ProcessHandle.current().pid();
        return ProgramNames.of(pid) + " (" + pid + ")";
    }

    /** Real sockets of this JVM, the kernel's socket table and /proc: what a lookup made as a query left is worth. */
    @org.junit.jupiter.api.Nested
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    class AsTheQueryLeft {
        final LinuxSocketOwners linux = linuxOwners();
        final java.util.concurrent.atomic.AtomicInteger finds = new java.util.concurrent.atomic.AtomicInteger();
        final LinkedBlockingQueue<LeakRecord> published = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Long> updated = new LinkedBlockingQueue<>();
        final byte[] loopback = {127, 0, 0, 1};
        final String self = thisProgram();

        @Test
        @DisplayName("a query seen as it left is looked up then (real sock_diag and /proc): its leak, which comes after the "
                + "program closed the socket, still names the program, without a second lookup")
        void aSocketLookedUpAsTheQueryLeftNamesTheLeakAfterItClosed() throws Exception {
            try (ProcessResolver r = new ProcessResolver(counting(linux, finds), published::add, (rcode, id) -> updated.add(id))) {
                Instant left;
                LeakCandidate leak;
                try (java.nio.channels.DatagramChannel program = java.nio.channels.DatagramChannel.open()) {
                    program.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
                    int port = ((java.net.InetSocketAddress) program.getLocalAddress()).getPort();
                    left = Instant.now();
                    r.sent(17, loopback, port, left.getEpochSecond() * 1_000_000_000L + left.getNano());
                    leak = new LeakCandidate(left, "lo", "198.18.0.4", "gone.test", "A", ParsedFrame.UDP, loopback, port,
                            true, null, 1);
                    r.submitUpdate(new LeakCandidate(left, "lo", "198.18.0.4", "marker.test", "A", ParsedFrame.UDP,
                            loopback, port, true, "NOERROR", 0)); // behind the process lookup in the resolver's queue
                    assertEquals(0L, updated.poll(10, TimeUnit.SECONDS), "the resolver's thread got that far");
                } // the program closes its socket (and would exit) before its query's block reaches the leak worker
                r.submit(leak);
                LeakRecord named = published.poll(10, TimeUnit.SECONDS);
                assertEquals(self, named.sender(), named.toString());
                assertEquals(1, finds.get(), "the leak used the lookup made as the query left");
            }
        }

        @Test
        @DisplayName("a TCP query is sent a round trip after its connection's SYN: the lookup made at the SYN (real sock_diag) "
                + "names its leak, seen after the program closed the connection")
        void aLookupAtTheSynNamesTheConnectionsQuery() throws Exception {
            try (ProcessResolver r = new ProcessResolver(counting(linux, finds), published::add, (rcode, id) -> updated.add(id));
                 java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                int port;
                Instant syn = Instant.now();
                try (java.net.Socket program = new java.net.Socket("127.0.0.1", server.getLocalPort())) {
                    port = program.getLocalPort();
                    r.sent(6, loopback, port, syn.getEpochSecond() * 1_000_000_000L + syn.getNano());
                    r.submitUpdate(new LeakCandidate(syn, "lo", "198.18.0.4", "marker.test", "A", ParsedFrame.TCP, loopback,
                            port, true, "NOERROR", 0)); // behind the process lookup in the resolver's queue
                    assertEquals(0L, updated.poll(10, TimeUnit.SECONDS), "the resolver's thread got that far");
                }
                Thread.sleep(20);
                Instant query = Instant.now(); // after the SYN's lookup: a round trip later
                r.submit(new LeakCandidate(query, "lo", "198.18.0.4", "over-tcp.test", "A", ParsedFrame.TCP, loopback, port,
                        true, null, 1));
                LeakRecord named = published.poll(10, TimeUnit.SECONDS);
                assertEquals(self, named.sender(), named.toString());
                assertEquals(1, finds.get(), "the query used the lookup made at the SYN");
            }
        }
    }
}
