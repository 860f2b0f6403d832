package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolvConfState.Kind;

/**
 * inspect looked at /etc/resolv.conf several times (is it a link, does it exist, is it a directory, its lines), so a
 * file replaced meanwhile gave a verdict of two states: a link's target with the lines of the file that replaced it.
 */
class ResolvConfOneLookTest {
    @TempDir
    Path dir;

    @Test
    void aFileSwappedWhileItIsInspectedGivesOneOfItsStatesNeverAMixture() throws Exception {
        Path other = Files.writeString(dir.resolve("other.conf"), "nameserver 198.18.0.1\n");
        Path own = Files.writeString(dir.resolve("own.conf"), "nameserver 198.18.0.2\n");
        Path pipe = org.port853.core.RegularFilesTest.pipe(dir.resolve("pipe"));
        Path rc = dir.resolve("resolv.conf");
        Set<ResolvConfState> states = Set.of(
                new ResolvConfState(Kind.STATIC, other.toString(), List.of("198.18.0.1")),
                new ResolvConfState(Kind.STATIC, null, List.of("198.18.0.2")),
                new ResolvConfState(Kind.SPECIAL, null, List.of(), false, org.port853.core.FileType.NAMED_PIPE));
        Files.createSymbolicLink(rc, other);
        AtomicBoolean done = new AtomicBoolean();
        Thread swapper = new Thread(() -> {
            for (int i = 0; !done.get(); i++) {
                try {
                    Path next = dir.resolve("next");
                    switch (i % 3) {
                        case 0 -> Files.createSymbolicLink(next, other);
                        case 1 -> Files.createLink(next, own);
                        default -> Files.createLink(next, pipe);
                    }
                    Files.move(next, rc, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        swapper.setDaemon(true);
        swapper.start();
        Set<String> mixed = new TreeSet<>();
        Set<ResolvConfState> seen = new java.util.HashSet<>();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                long end = System.nanoTime() + Duration.ofMillis(2000).toNanos();
                while (System.nanoTime() < end) {
                    ResolvConfState s = ResolvConfInspector.inspect(rc);
                    seen.add(s);
                    if (!states.contains(s) && s.kind() != Kind.CHANGING) { // never held still: no mixture either
                        mixed.add(s.toString());
                    }
                }
            });
        } finally {
            done.set(true);
            swapper.join();
        }
        assertTrue(mixed.isEmpty(), "verdicts of two states: " + mixed);
        assertTrue(seen.containsAll(states), "each state was seen: " + seen);
    }
}
