package org.port853.ui.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.port853.core.Provider;
import org.port853.ui.TlsFailures;
import org.port853.ui.common.I18n;
import org.port853.ui.common.InUseServers;
import org.port853.ui.common.ProviderTexts;

/**
 * The providers "Protect my DNS" sets in strict mode: the user's choice, else the recommended ones; either way without
 * a provider whose DNS-over-TLS was just seen to fail, as strict mode with it would leave the computer without DNS.
 * {@code skipped} are those left out, each with what failed; {@code noneWorks}: the recommended ones all failed as well,
 * so they are proposed all the same (nothing better is known) and the texts warn of it.
 */
public record ProtectProviders(List<Provider> providers, List<Skipped> skipped, boolean noneWorks) {
    public record Skipped(Provider provider, TlsFailures.Kind kind) {
    }

    /**
     * {@code chosen}: the user's providers (servers in use included); {@code recommended}: the catalogue's. A server in
     * use without a TLS name cannot be strict, so it is left out rather than making Protect refuse.
     */
    public static ProtectProviders of(List<Provider> chosen, List<Provider> recommended, TlsFailures failures) {
        List<Skipped> skipped = new ArrayList<>();
        List<Provider> usable = working(chosen.stream().filter(p -> !InUseServers.isEntry(p) || p.tlsName() != null)
                .toList(), failures, skipped);
        if (usable.isEmpty()) {
            usable = working(recommended, failures, skipped);
        }
        boolean noneWorks = usable.isEmpty();
        return new ProtectProviders(noneWorks ? recommended : usable, List.copyOf(skipped), noneWorks);
    }

    private static List<Provider> working(List<Provider> ps, TlsFailures failures, List<Skipped> skipped) {
        List<Provider> out = new ArrayList<>();
        for (Provider p : ps) {
            Optional<TlsFailures.Failure> failed = failures.ofAll(InUseServers.serversOf(p));
            if (failed.isPresent()) {
                skipped.add(new Skipped(p, failed.get().kind()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * "Quad9 is not used: its encrypted port did not answer just now." for each one left out, and the warning when the
     * recommended ones failed as well; empty when none was left out.
     */
    public String skippedText() {
        Stream<String> left = skipped.stream().distinct().filter(s -> !providers.contains(s.provider()))
                .map(s -> I18n.t("protect.skipped." + s.kind().name().toLowerCase(java.util.Locale.ROOT),
                        ProviderTexts.name(s.provider())));
        return Stream.concat(left, noneWorks ? Stream.of(I18n.t("protect.skipped.all")) : Stream.empty())
                .collect(Collectors.joining(" "));
    }
}
