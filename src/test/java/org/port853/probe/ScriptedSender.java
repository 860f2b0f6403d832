package org.port853.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Answers (or not) every query and lets the test play the network's part for each name. */
class ScriptedSender implements QuerySender {
    final boolean answer;
    final BiConsumer<String, Integer> network;
    final List<String> sent = new ArrayList<>();
    Duration timeoutSeen;

    ScriptedSender(boolean answer, BiConsumer<String, Integer> network) {
        this.answer = answer;
        this.network = network;
    }

    @Override public String target() { return "127.0.0.53:53"; }

    @Override
    public List<QueryOutcome> send(List<String> names, Duration timeout) {
        timeoutSeen = timeout;
        List<QueryOutcome> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            sent.add(n);
            network.accept(n, i);
            out.add(answer ? new QueryOutcome(n, true, "NOERROR", Duration.ofMillis(4), null)
                    : new QueryOutcome(n, false, null, timeout, "timed out"));
        }
        return out;
    }
}
