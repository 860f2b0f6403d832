package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.CaptureSessions;
import org.port853.ui.common.Notifier;

/** A leak alert that could not be shown anywhere does not use up the rate limit: the next leak tries again. */
class MissedLeakAlertTest extends WindowTestBase {
    /** Can show nothing (no notification service, no pop-up): says so for every notification. */
    static final class ShowsNothing implements Notifier {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public void notify(Kind kind, String title, String text) {
            asked.add(title); // a caller that does not ask whether it was shown
        }

        @Override
        public void notify(Kind kind, String title, String text, Runnable notShown) {
            asked.add(title);
            notShown.run();
        }
    }

    @Test
    @DisplayName("a leak alert that was not shown is tried again at the next leaks")
    void missedAlertIsTriedAgain() throws Exception {
        Path dir = org.port853.core.ScratchFolders.create("port853-pcap");
        Path pcap = Fakes.writeTestPcap(dir, 20);
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(
                List.of(org.port853.core.ServerAddress.parse("9.9.9.9#dns.quad9.net")), true));
        ShowsNothing notifier = new ShowsNothing();
        open(Fakes.services(adapter, () -> CaptureSessions.replay(pcap, 10.0, true), notifier));
        waitUntil(() -> notifier.asked.stream().filter(t -> t.contains("Plaintext DNS leak")).count() >= 2);
        assertTrue(notifier.asked.size() >= 2, notifier.asked.toString());
    }
}
