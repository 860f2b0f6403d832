package org.port853.probe.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rtnetlink watcher on this machine's kernel: a real link change reaches it, and close ends its reader. */
class NetworkChangesTest {
    @Test
    void aNewLinkIsAChangeAndCloseStopsTheReader() throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        String link = "p853nc" + ProcessHandle.current().pid() % 100000;
        NetworkChanges watch = NetworkChanges.start(changed::countDown);
        try {
            // a veth pair left down, without addresses or routes: no traffic, gone again below
            Process add = new ProcessBuilder("ip", "link", "add", link, "type", "veth", "peer", "name", link + "b")
                    .inheritIO().start();
            assertEquals(0, add.waitFor(), "ip link add (the tests run as root)");
            assertTrue(changed.await(5, TimeUnit.SECONDS), "the kernel's link message reached the watcher");
        } finally {
            watch.close();
            new ProcessBuilder("ip", "link", "del", link).start().waitFor();
        }
        // close() waits 2 s for a reader that looks up every second: a starved machine may need longer to end it
        long live = 1;
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); live > 0 && System.nanoTime() < until; ) {
            live = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("port853-netlink") && t.isAlive()).count();
            if (live > 0) {
                Thread.sleep(100);
            }
        }
        assertEquals(0, live, "the reader thread ended after close()");
    }
}
