package org.port853.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which resolver verify and the window ask: the first name server of resolv.conf, read without waiting on a pipe. */
class SystemResolverFromResolvConfTest {
    private static final Duration NO_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private String target(Path resolvConf) {
        return assertTimeoutPreemptively(NO_WAIT, () -> new SystemResolverQuerySender(null, resolvConf).target());
    }

    @Test
    void theFirstNameServerOfTheFileIsAsked() throws IOException {
        Path file = Files.writeString(dir.resolve("resolv.conf"), "# written by hand\nsearch example.test\n"
                + "nameserver 198.18.0.7\nnameserver 198.18.0.8\noptions edns0\n");
        assertEquals("198.18.0.7:53", target(file));
    }

    @Test
    void withoutNameServersTheStubIsAsked() throws IOException {
        Path file = Files.writeString(dir.resolve("resolv.conf"), "search example.test\n");
        assertEquals("127.0.0.53:53", target(file));
        assertEquals("127.0.0.53:53", target(dir.resolve("missing")));
    }

    @Test
    @DisplayName("a named pipe in place of resolv.conf is not waited on (dnsjava's own read of the file would wait)")
    void aPipeInPlaceOfTheFileIsNotWaitedOn() throws Exception {
        Path pipe = dir.resolve("resolv.conf");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
        assertEquals("127.0.0.53:53", target(pipe));
    }
}
