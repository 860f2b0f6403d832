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
    /** A --provider or --server value; kept in the order typed, as the resolver prefers the first server. */
    private record Choice(boolean provider, String value) {
    }

    private final List<Choice> choices = new ArrayList<>();

    @Option(names = "--provider", paramLabel = "ID", description = "Catalogue provider (repeatable; providers and servers are used in the order given); see 'port853 providers'.")
    void providers(List<String> all) {
        follow(all, true);
    }

    @Option(names = "--server", paramLabel = "IP[:PORT]#NAME", description = "Custom DNS-over-TLS server (repeatable, in order with --provider).")
    void servers(List<String> all) {
        follow(all, false);
    }

    @Option(names = "--mode", required = true, paramLabel = "MODE", description = "strict, opportunistic or off (off: these servers without encryption; to remove Port853's settings use revert).")
    String mode;

    @Option(names = "--dnssec", paramLabel = "MODE", description = "yes, allow-downgrade or no (default: keep what the system has).")
    String dnssec;

    @Option(names = "--all-domains", description = "Route every query to these servers (Domains=~.), so per-link servers cannot bypass them.")
    boolean allDomains;

    @Option(names = "--fallback", paramLabel = "IP[:PORT]#NAME", description = "Fallback server used when no other is known (repeatable; needs #NAME in strict mode).")
    List<String> fallback = new ArrayList<>();

    /**
     * picocli calls an option's setter with all of that option's values so far, each time one is added (and with an
     * empty list when it starts over): the new ones are appended to the one ordered list.
     */
    private void follow(List<String> all, boolean provider) {
        List<Choice> mine = choices.stream().filter(c -> c.provider() == provider).toList();
        if (all.size() < mine.size()) {
            choices.removeIf(c -> c.provider() == provider);
            mine = List.of();
        }
        for (int i = mine.size(); i < all.size(); i++) {
            choices.add(new Choice(provider, all.get(i)));
        }
    }

    /** Prints a warning line on {@code err} for each --server or --fallback whose port was written without brackets. */
    public void warnOfUnbracketedPorts(picocli.CommandLine.Model.CommandSpec spec) {
        java.util.stream.Stream.concat(choices.stream().filter(c -> !c.provider()).map(Choice::value), fallback.stream())
                .flatMap(s -> org.port853.core.UnbracketedPort.warning(s).stream())
                .forEach(w -> spec.commandLine().getErr().println(Port853Command.prefix(spec) + "warning: " + w + "."));
        spec.commandLine().getErr().flush();
    }

    /** Builds validated settings or throws {@link InvalidInputException} with one sentence. */
    public DesiredSettings toSettings(ProviderCatalog catalog) {
        List<ServerAddress> list = new ArrayList<>();
        List<String> origins = new ArrayList<>(); // per server: how it was given
        List<Provider> given = new ArrayList<>();
        for (Choice c : choices) {
            if (c.provider()) {
                Provider p = provider(catalog, c.value());
                if (given.contains(p)) { // named as the user named it, not by its first server
                    throw new InvalidInputException("provider '" + Printable.of(c.value()) + "' is given twice");
                }
                given.add(p);
                for (ServerAddress s : p.servers()) {
                    list.add(s);
                    origins.add("--provider " + Printable.of(c.value()));
                }
            } else {
                list.add(ServerOptionValue.parse("--server", c.value()));
                origins.add("--server " + Printable.of(c.value()));
            }
        }
        List<ServerAddress> fb = new ArrayList<>();
        for (String s : fallback) {
            fb.add(ServerOptionValue.parse("--fallback", s));
        }
        DotMode dotMode = DotMode.parse(mode);
        if (list.isEmpty() && dotMode != DotMode.OFF) { // core's sentence names no option to give them with
            throw new InvalidInputException("DNS-over-TLS needs at least one server: give --provider ID (see 'port853 "
                    + "providers') or --server IP#NAME");
        }
        refuseAServerGivenTwoWays(list, origins, dotMode);
        DesiredSettings s = new DesiredSettings(list, dotMode, dnssec == null ? null : DnssecMode.parse(dnssec),
                allDomains, fb);
        if (s.isOff()) {
            throw new InvalidInputException(DesiredSettings.OFF_WITHOUT_SERVERS);
        }
        return s;
    }

    /**
     * A server that a --provider brings and another --provider or a --server names too: "listed twice" alone leaves
     * the user looking for a second --server that is not there, so both are named.
     */
    private static void refuseAServerGivenTwoWays(List<ServerAddress> servers, List<String> origins, DotMode mode) {
        java.util.Map<ServerAddress, String> first = new java.util.HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            ServerAddress server = DesiredSettings.canonical(servers.get(i), mode);
            String earlier = first.putIfAbsent(server, origins.get(i));
            if (earlier != null && !earlier.equals(origins.get(i))) {
                throw new InvalidInputException("server " + server + " is listed twice: by " + earlier + " and by "
                        + origins.get(i) + "; leave one of them out");
            }
        }
    }

    private static Provider provider(ProviderCatalog catalog, String id) {
        return catalog.find(id).orElseThrow(() -> new InvalidInputException("unknown provider '" + Printable.of(id)
                + "' (see 'port853 providers' for the list)" + (catalog.problems().isEmpty() ? ""
                : "; your custom providers were not loaded (" + uncapitalised(String.join(" ", catalog.problems())
                        .replaceAll("\\p{Cntrl}", "?").replaceAll("\\.$", "")) + ")")));
    }

    private static String uncapitalised(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
