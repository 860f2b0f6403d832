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
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.add(new QueryOutcome(n, true, "NXDOMAIN", Duration.ofMillis(38), null));
        }
        return out;
    }
}
