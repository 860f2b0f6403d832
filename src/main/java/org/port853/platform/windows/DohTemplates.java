package org.port853.platform.windows;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;

/**
 * The DNS-over-HTTPS template Windows uses for a chosen server, and whether it keeps what was asked for. Windows
 * authenticates a DoH server by its template's host and port, never by a DoT name or port: a server asked for with a
 * name or port the template does not stand for is refused, so nobody is authenticated as something else silently.
 */
final class DohTemplates {
    private final ProviderCatalog catalog;

    DohTemplates(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The template of the provider that lists this address with this TLS name (a custom provider can so give its own
     * template for a catalogue address), else of the first provider, in catalogue order, that lists the address.
     */
    Optional<String> template(ServerAddress s) {
        return provider(s).map(Provider::dohTemplate);
    }

    /** Why {@code s} cannot be encrypted with its template as asked, or empty when the template keeps its name and port. */
    Optional<Sentence> refusal(ServerAddress s) {
        Optional<Provider> provider = provider(s);
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        String template = provider.get().dohTemplate();
        URI uri = URI.create(template.replace("{?dns}", ""));
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        String ip = s.addressText();
        if (s.port() != 0 && s.port() != 853) {
            return Optional.of(Sentence.of(s + " cannot be used as given on Windows: it encrypts DNS with DNS-over-HTTPS "
                    + "to " + template + " (port " + port + "), so port " + s.port() + " would be ignored; leave out :"
                    + s.port() + ", or add a custom provider for " + ip + " with a DoH template on that port",
                    "refused.windows-doh-port", s, template, port, s.port(), ip));
        }
        String name = s.tlsName();
        if (name == null || name.equals(host) || name.equals(provider.get().tlsName())) {
            return Optional.empty();
        }
        return Optional.of(Sentence.of(s + " cannot be used as given on Windows: it encrypts DNS with DNS-over-HTTPS to "
                + template + ", which authenticates the server as " + host + ", not as " + name + "; write " + ip + "#"
                + provider.get().tlsName() + " for that, or add a custom provider for " + ip + " with the TLS name "
                + name + " and its own DoH template", "refused.windows-doh-name", s, template, host, name, ip,
                provider.get().tlsName()));
    }

    private Optional<Provider> provider(ServerAddress s) {
        List<Provider> listing = catalog.all().stream()
                .filter(p -> p.dohTemplate() != null && !p.dohTemplate().isBlank())
                .filter(p -> p.servers().stream().anyMatch(a -> a.addressText().equals(s.addressText())))
                .toList();
        return listing.stream().filter(p -> p.tlsName().equals(s.tlsName())).findFirst()
                .or(() -> listing.stream().findFirst());
    }
}
