package org.port853.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.port853.core.ResolvConfState;
import org.port853.core.Assessment;
import org.port853.platform.ResolverAdapter;
import org.port853.core.LinkState;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.probe.pins.ChangedKeys;
import org.port853.probe.pins.PinStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the system resolver does now, with a verdict and its reasons.",
        footer = {"", "Exit codes: 0 ok, whatever the verdict (a script reads assessment.verdict from --json); 1 failed; 2 "
                + "bad input.", "", DemoCommands.HELP})
final class StatusCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the stable JSON document.")
    boolean json;

    /** The user's pin store, read only (tests use their own). */
    Path pinFile = PinStore.userFile();

    StatusCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        ResolverAdapter adapter = services.adapter().get();
        ResolverState s = adapter.readState();
        Assessment a = ChangedKeys.assessed(adapter.assessWithLookup(s), s, changedKeys());
        PrintWriter out = spec.commandLine().getOut();
        RefusedChanges refused = RefusedChanges.of(a, adapter.rules());
        if (json) {
            out.println(Json.write(Json.status(s, a, refused)));
            return ExitCodes.OK;
        }
        out.println("Verdict: " + a.verdict().name().replace('_', ' '));
        Reason blocking = refused.blocking();
        if (blocking != null) { // said first and once, as the window's banner over its switch says it
            out.println(refused.heading());
        }
        a.reasons().stream().filter(r -> r != blocking).forEach(r -> out.println("  - " + r.message()
                + (refused.fixRefused(r) ? "" : fixLine(r))));
        String version = s.platform().versionText();
        if (s.global() == null) {
            // no settings to list: still which resolver, which version and why, as --json says
            out.println("Resolver: " + s.resolverName() + " (" + (version == null ? "" : version + ", ")
                    + (!s.installed() ? "not installed" : !s.running() ? "not running" : "its settings could not be read")
                    + ")");
        } else {
            out.println("Resolver: " + s.resolverName() + " (" + (version == null ? "" : version + ", ") + "read via "
                    + s.source().jsonName() + ")");
            out.println("DNS-over-TLS: " + s.global().dnsOverTls() + ", DNSSEC: " + s.global().dnssec());
            out.println("Servers: " + list(s.global().servers()));
            if (!s.global().fallbackServers().isEmpty()) {
                out.println("Fallback servers: " + list(s.global().fallbackServers()));
            }
            out.println("Current server: " + (s.global().currentServer() == null ? "none yet" : s.global().currentServer()));
            out.println("Domains: " + domains(s.global().domains()));
            for (LinkState l : s.links()) {
                if (!l.servers().isEmpty() || !l.domains().isEmpty()) {
                    out.println("Link " + l.name() + ": " + list(l.servers()) + ", DoT "
                            + (l.dnsOverTls() == null ? "unset" : l.dnsOverTls()) + ", default route "
                            + (l.defaultRoute() ? "yes" : "no") + ", domains " + domains(l.domains()));
                }
            }
        }
        if (s.platform().resolverFile() != null) {
            var file = s.platform().resolverFile();
            out.println("/etc/resolv.conf: " + file.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (file.kind() == ResolvConfState.Kind.SPECIAL ? " (not a regular file: " + file.specialName() + ")" : "")
                    + (file.target() == null ? "" : " -> " + file.target())
                    + (file.nameservers().isEmpty() ? "" : " (nameserver " + String.join(" ", file.nameservers()) + ")")
                    + (s.resolverFileLeadsNowhere() ? ", which does not answer while " + s.resolverName()
                            + " is stopped: programs cannot resolve names" : ""));
        }
        out.print(SettingsFilesText.of(s.platform().settingsFiles()));
        return ExitCodes.OK;
    }

    /**
     * The pin store's unaccepted key changes; none, said on stderr, when it cannot be read, and none without pins (the
     * sample machine of the demo: this computer's store is not its).
     */
    private List<String> changedKeys() {
        if (services.pins() == null) {
            return List.of();
        }
        try {
            return PinStore.load(pinFile).changedServers();
        } catch (IOException e) {
            spec.commandLine().getErr().println(Port853Command.prefix(spec) + e.getMessage()
                    + "; whether a server's key changed is not known");
            return List.of();
        }
    }

    static String fixLine(Reason r) {
        return r.fix() == null ? "" : "\n    Fix: " + org.port853.platform.RootAdvice.forThisUser(r.fix());
    }

    /** "~. (all names)" for the routing domain that takes every name; "none" for no domains. */
    private static String domains(java.util.List<org.port853.core.DomainEntry> domains) {
        return domains.isEmpty() ? "none" : domains.stream().map(d -> d + (d.routesEverything() ? " (all names)" : ""))
                .collect(Collectors.joining(" "));
    }

    private static String list(java.util.List<ServerAddress> servers) {
        return servers.isEmpty() ? "none" : servers.stream().map(ServerAddress::toShownSyntax).collect(Collectors.joining(" "));
    }
}
