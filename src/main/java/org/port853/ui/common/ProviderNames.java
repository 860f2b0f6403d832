package org.port853.ui.common;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.Provider;
import org.port853.core.ServerAddress;

/** Matches server addresses to catalogue providers: the one place the window does that. */
public final class ProviderNames {
    /** Suggested when the user has chosen nothing: non-profit or no-logging operators, strict-capable. */
    public static final List<String> RECOMMENDED = List.of("quad9", "mullvad");

    private ProviderNames() {
    }

    /** The provider that serves {@code a} ({@link Provider#serves}: by address and TLS name), or null. */
    public static Provider providerOf(ServerAddress a, List<Provider> catalogue) {
        for (Provider p : catalogue) {
            if (p.serves(a)) {
                return p;
            }
        }
        return null;
    }

    /** The providers behind {@code servers}, in order, each once. */
    public static List<Provider> providersOf(List<ServerAddress> servers, List<Provider> catalogue) {
        List<Provider> out = new ArrayList<>();
        for (ServerAddress a : servers) {
            Provider p = providerOf(a, catalogue);
            if (p != null && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The system's servers as a draft: each matching provider once, in order, and every server that matches none
     * as an {@link InUseServers} entry, so that a draft built from the system applies the same servers. A server whose
     * name Port853 cannot write ({@link #notWritable}) is left out: as an entry without its name it would be applied
     * as another server; the Providers screen says it is left out.
     */
    public static List<Provider> draftOf(List<ServerAddress> servers, List<Provider> catalogue) {
        List<Provider> out = new ArrayList<>();
        for (ServerAddress a : servers) {
            if (a.nonHostName() != null) {
                continue;
            }
            Provider p = providerOf(a, catalogue);
            Provider entry = p != null ? p : InUseServers.entry(a);
            if (!out.contains(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * The servers of {@code servers} whose TLS name the system has as no host name Port853 can write (in Unicode, with
     * a trailing dot, not a host name at all): shown as {@link ServerAddress#toShownSyntax}, joined, or null if none.
     */
    public static String notWritable(List<ServerAddress> servers) {
        String shown = servers.stream().filter(a -> a.nonHostName() != null).map(ServerAddress::toShownSyntax).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return shown.isEmpty() ? null : shown;
    }

    /** The servers a draft asks for, in order, each once. */
    public static List<ServerAddress> serversOf(List<Provider> draft) {
        List<ServerAddress> servers = new ArrayList<>();
        for (Provider p : draft) {
            for (ServerAddress a : InUseServers.serversOf(p)) {
                if (!servers.contains(a)) {
                    servers.add(a);
                }
            }
        }
        return servers;
    }

    /**
     * "Quad9, Mullvad" (a server of no provider by its address and TLS name, {@link InUseServers#label}), or
     * {@code none} when there are no servers.
     */
    public static String describe(List<ServerAddress> servers, List<Provider> catalogue, String none) {
        List<String> names = new ArrayList<>();
        for (ServerAddress a : servers) {
            Provider p = providerOf(a, catalogue);
            String label = p == null ? InUseServers.label(a) : ProviderTexts.name(p);
            if (!names.contains(label)) {
                names.add(label);
            }
        }
        return names.isEmpty() ? none : String.join(", ", names);
    }

    public static List<Provider> recommended(List<Provider> catalogue) {
        List<Provider> out = new ArrayList<>();
        for (String id : RECOMMENDED) {
            catalogue.stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(out::add);
        }
        if (out.isEmpty() && !catalogue.isEmpty()) {
            out.add(catalogue.get(0));
        }
        return out;
    }

    public static boolean isRecommended(Provider p) {
        return RECOMMENDED.contains(p.id());
    }
}
