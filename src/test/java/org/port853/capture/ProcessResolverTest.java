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
}
