package org.port853.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.port853.platform.demo.DemoQuerySender;
import org.port853.probe.QueryOutcome;
import org.port853.probe.QuerySender;

/**
 * Verify in the demo: sends nothing, and the demo's capture shows the test queries where the sample machine would
 * send them (in plaintext to its link's server before the demo's fix, encrypted after it), so Verify tells the same
 * story as the Traffic screen and the header.
 */
final class DemoProbe implements QuerySender {
    private final QuerySender answers = new DemoQuerySender();
    private volatile DemoCapture capture;

    /** The window's capture factory: each capture it makes is the one this probe's queries show up in. */
    AppServices.CaptureFactory captures(Supplier<DemoCapture> make) {
        return () -> {
            DemoCapture c = make.get();
            capture = c;
            return c;
        };
    }

    @Override
    public String target() {
        return answers.target();
    }

    @Override
    public List<QueryOutcome> send(List<String> names, Duration timeout) {
        List<QueryOutcome> out = answers.send(names, timeout);
        DemoCapture c = capture;
        if (c != null) {
            c.queriesSent(names);
        }
        return out;
    }
}
