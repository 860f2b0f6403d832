package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
    @TempDir
    Path home;

    private final List<SingleInstance> claimed = java.util.Collections.synchronizedList(new ArrayList<>());

    @org.junit.jupiter.api.AfterEach
    void closeAll() {
        claimed.forEach(SingleInstance::close);
    }

    private SingleInstance claim(Path dir, Runnable onShow) {
        SingleInstance s = SingleInstance.claim(dir, "window", onShow);
        claimed.add(s);
        return s;
    }

    @Test
    void theFirstListensAndTheSecondIsToldToExitAfterTheFirstWasAskedToShow() throws Exception {
        Path dir = home.resolve("run/port853");
        CountDownLatch shown = new CountDownLatch(1);
        assertEquals(SingleInstance.Role.PRIMARY, claim(dir, shown::countDown).role());
        SingleInstance second = claim(dir, () -> { });
        assertEquals(SingleInstance.Role.SECONDARY, second.role());
        assertTrue(shown.await(5, TimeUnit.SECONDS), "the first window was asked to show itself");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "private");
    }

    @Test
    void eachKindHasItsOwnWindow() {
        Path dir = home.resolve("run/port853");
        assertEquals(SingleInstance.Role.PRIMARY, claim(dir, () -> { }).role());
        SingleInstance demo = SingleInstance.claim(dir, "demo", () -> { });
        claimed.add(demo);
        assertEquals(SingleInstance.Role.PRIMARY, demo.role());
    }

    @Test
    void aSocketLeftByADeadWindowIsTakenOver() throws Exception {
        Path dir = home.resolve("run/port853");
        Files.createDirectories(dir);
        Path socket = dir.resolve("window.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket)); // closed without removing the file: as after a crash
        }
        assertTrue(Files.exists(socket));
        CountDownLatch shown = new CountDownLatch(1);
        assertEquals(SingleInstance.Role.PRIMARY, claim(dir, shown::countDown).role());
        assertEquals(SingleInstance.Role.SECONDARY, claim(dir, () -> { }).role(), "the new socket answers");
        assertTrue(shown.await(5, TimeUnit.SECONDS));
    }

    @Test
    void closingRemovesTheSocket() throws Exception {
        Path dir = home.resolve("run/port853");
        SingleInstance first = claim(dir, () -> { });
        assertEquals(SingleInstance.Role.SECONDARY, claim(dir, () -> { }).role()); // bound by then
        first.close();
        assertFalse(Files.exists(dir.resolve("window.sock")));
    }

    @Test
    void aFolderThatCannotHoldTheSocketRunsAlone() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        SingleInstance blocked = claim(file.resolve("port853"), () -> { });
        assertEquals(SingleInstance.Role.ALONE, blocked.role());
        assertNotNull(blocked.problem());

        Path deep = home.resolve("d".repeat(SingleInstance.MAX_SOCKET_PATH));
        SingleInstance tooLong = claim(deep, () -> { });
        assertEquals(SingleInstance.Role.ALONE, tooLong.role());
        assertTrue(tooLong.problem().contains("longer"), tooLong.problem());
        assertFalse(Files.exists(deep), "nothing created for a socket that cannot be");
    }

    @Test
    void twoRacingStartersMakeExactlyOneWindow() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path dir = home.resolve("race" + round);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger asked = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<SingleInstance>> starters = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    starters.add(pool.submit(() -> {
                        go.await();
                        return claim(dir, asked::incrementAndGet);
                    }));
                }
                go.countDown();
                int primaries = 0;
                for (Future<SingleInstance> f : starters) {
                    SingleInstance s = f.get(20, TimeUnit.SECONDS);
                    assertTrue(s.role() != SingleInstance.Role.ALONE, String.valueOf(s.problem()));
                    primaries += s.role() == SingleInstance.Role.PRIMARY ? 1 : 0;
                }
                assertEquals(1, primaries, "round " + round);
                assertEquals(3, asked.get(), "the others asked the one window");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theRuntimeFolderWhenItIsTheUsersElseTheStateFolder() throws Exception {
        Path runtime = Files.createDirectories(home.resolve("runtime"));
        assertEquals(runtime.resolve("port853"), InstanceDirectory.of(
                Map.of("XDG_RUNTIME_DIR", runtime.toString(), "HOME", home.toString()), home.toString(), "Linux"));
        assertEquals(home.resolve(".local/state/port853"), InstanceDirectory.of(
                Map.of("HOME", home.toString()), home.toString(), "Linux"));
        assertEquals(home.resolve(".local/state/port853"), InstanceDirectory.of(
                Map.of("XDG_RUNTIME_DIR", home.resolve("missing").toString(), "HOME", home.toString()),
                home.toString(), "Linux"), "a runtime folder that is not there (so not the user's)");
        assertEquals(Path.of("C:\\Users\\a\\AppData\\Local").resolve("Port853"), InstanceDirectory.of(
                Map.of("LOCALAPPDATA", "C:\\Users\\a\\AppData\\Local"), home.toString(), "Windows 11"));
    }
}
