package org.port853.platform.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;

/**
 * The settings a drop-in of Port853 sets, read back from its text ({@link DropInRenderer} wrote it): what an
 * interrupted change asked for, which the run that finishes it never saw.
 */
final class DropInSettings {
    private DropInSettings() {
    }

    /** Empty when the text does not say settings Port853 could have asked for. */
    static Optional<DesiredSettings> of(String dropIn) {
        Map<String, String> keys = ResolvedConf.parse(dropIn).keys();
        try {
            String dnssec = keys.get("DNSSEC");
            return Optional.of(new DesiredSettings(servers(keys.get("DNS")), DotMode.parse(keys.get("DNSOverTLS")),
                    dnssec == null ? null : DnssecMode.parse(dnssec),
                    ResolvedConf.entries(keys.get("Domains")).contains("~."), servers(keys.get("FallbackDNS"))));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static List<ServerAddress> servers(String value) {
        List<ServerAddress> out = new ArrayList<>();
        for (String s : ResolvedConf.entries(value)) {
            out.add(ServerAddress.parse(s));
        }
        return out;
    }
}
