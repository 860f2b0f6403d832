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
        SocketOwnerLookup counting = new SocketOwnerLookup() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public Optional<Socket> find(int protocol, byte[] address, int port) {
                finds.incrementAndGet();
                return Optional.of(new Socket(4711, 0));
            }

            @Override
            public String describe(Socket socket) {
                return "python3 (42)";
            }
        };
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
}
