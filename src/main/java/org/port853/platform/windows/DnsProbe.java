package org.port853.platform.windows;

import java.time.Duration;

/** One lookup through the system resolver (DnsQueryEx on Windows); tests replace it. */
public interface DnsProbe {
    record Answer(boolean ok, String detail) {
    }

    Answer query(String name, Duration timeout);
}
