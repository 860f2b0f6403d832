package org.port853.probe.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;

/**
 * The global servers and DoT mode that resolved.conf and its drop-ins set: what a stopped resolver uses once started,
 * where its bus cannot say.
 */
final class ConfiguredServers {
    private ConfiguredServers() {
    }

    /** {@code keys}: the effective [Resolve] keys; entries resolved ignores (host names) or Port853 cannot probe are left out. */
    static List<ServerAddress> of(Map<String, String> keys) {
        List<ServerAddress> out = new ArrayList<>();
        String dns = keys.getOrDefault("DNS", "");
        for (String entry : dns.isBlank() ? new String[0] : dns.strip().split("\\s+")) {
            try {
                ServerAddress s = ServerAddress.parseReported(entry);
                if (!out.contains(s)) {
                    out.add(s);
                }
            } catch (InvalidInputException e) {
                // not an address: resolved skips it too
            }
        }
        return out;
    }

    /**
     * The DNSOverTLS= set; where none is, resolved's built-in default: off (its build option default-dns-over-tls is
     * "no" unless the distribution built it otherwise), not "unknown"; null when it cannot be read.
     */
    static DotMode mode(Map<String, String> keys) {
        String set = keys.get("DNSOverTLS");
        if (set == null || set.isBlank()) {
            return DotMode.OFF;
        }
        try {
            return DotMode.parse(set);
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
