package org.port853.cli;

import java.util.ArrayList;
import java.util.List;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.Printable;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;
import org.port853.core.ServerAddress;
import picocli.CommandLine.Option;

/** The options that describe desired settings; shared by apply and export. */
public final class SettingsOptions {
    @Option(names = "--provider", paramLabel = "ID", description = "Catalogue provider (repeatable, in order); see 'port853 providers'.")
    List<String> providers = new ArrayList<>();

    @Option(names = "--server", paramLabel = "IP[:PORT]#NAME", description = "Custom DNS-over-TLS server (repeatable).")
    List<String> servers = new ArrayList<>();

    @Option(names = "--mode", required = true, paramLabel = "MODE", description = "strict, opportunistic or off (off: these servers without encryption; to remove Port853's settings use revert).")
    String mode;

    @Option(names = "--dnssec", paramLabel = "MODE", description = "yes, allow-downgrade or no (default: keep what the system has).")
    String dnssec;

    @Option(names = "--all-domains", description = "Route every query to these servers (Domains=~.), so per-link servers cannot bypass them.")
    boolean allDomains;

    @Option(names = "--fallback", paramLabel = "IP[:PORT]#NAME", description = "Fallback server used when no other is known (repeatable; needs #NAME in strict mode).")
    List<String> fallback = new ArrayList<>();

    /** Builds validated settings or throws {@link InvalidInputException} with one sentence. */
    public DesiredSettings toSettings(ProviderCatalog catalog) {
        List<ServerAddress> list = new ArrayList<>();
        for (String id : providers) {
            Provider p = catalog.find(id).orElseThrow(() -> new InvalidInputException("unknown provider '" + Printable.of(id)
                    + "' (see 'port853 providers' for the list)" + (catalog.problems().isEmpty() ? ""
                    : "; your custom providers were not loaded: " + String.join(" ", catalog.problems())
                            .replaceAll("\\p{Cntrl}", "?"))));
            list.addAll(p.servers());
        }
        for (String s : servers) {
            list.add(ServerAddress.parse(s));
        }
        List<ServerAddress> fb = new ArrayList<>();
        for (String s : fallback) {
            fb.add(ServerAddress.parse(s));
        }
        DesiredSettings s = new DesiredSettings(list, DotMode.parse(mode), dnssec == null ? null : DnssecMode.parse(dnssec),
                allDomains, fb);
        if (s.isOff()) {
            throw new InvalidInputException(DesiredSettings.OFF_WITHOUT_SERVERS);
        }
        return s;
    }
}
