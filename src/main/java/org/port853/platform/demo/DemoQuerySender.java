package org.port853.platform.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.port853.probe.QueryOutcome;
import org.port853.probe.QuerySender;

/** Verify in demo mode: pretends every query was answered; sends nothing. */
public final class DemoQuerySender implements QuerySender {
    @Override
    public String target() {
        return "127.0.0.53:53 (demo, nothing is sent)";
    }

    @Override
    public List<QueryOutcome> send(List<String> names, Duration timeout) {
        List<QueryOutcome> out = new ArrayList<>();
        for (String n : names) {
            // a plaintext round trip to the sample router takes 20-60 ms; the same figure for every query looked staged
            long ms = 20 + java.util.concurrent.ThreadLocalRandom.current().nextLong(41);
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.add(new QueryOutcome(n, true, "NXDOMAIN", Duration.ofMillis(ms), null));
        }
        return out;
    }
}
