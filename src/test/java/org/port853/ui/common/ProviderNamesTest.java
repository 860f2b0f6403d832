package org.port853.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;
import org.port853.core.ServerAddress;

/** A server is a provider's by its address and its TLS name: the provider's name for it, or none. */
class ProviderNamesTest {
    private final List<Provider> catalogue = ProviderCatalog.bundled().all();
    private final Provider cloudflare = ProviderCatalog.bundled().find("cloudflare").orElseThrow();

    @BeforeEach
    void english() {
        I18n.use(java.util.Locale.ENGLISH);
    }

    @AfterEach
    void systemLanguage() {
        I18n.use(null);
    }

    private Provider of(String server) {
        return ProviderNames.providerOf(ServerAddress.parse(server), catalogue);
    }

    @Test
    @DisplayName("the provider's address under its name, at its port or none, or without a name is the provider's")
    void theProvidersOwnServers() {
        assertEquals(cloudflare, of("1.1.1.1#cloudflare-dns.com"));
        assertEquals(cloudflare, of("[2606:4700:4700::1111]:853#cloudflare-dns.com"));
        assertEquals(cloudflare, of("1.1.1.1"), "plaintext or opportunistic: no name is checked, the assessment says so");
    }

    @Test
    @DisplayName("a server under another name the provider's certificates are valid for is the provider's, and Port853 "
            + "still writes the provider's own name")
    void anotherNameOfTheProviderIsTheProvider() {
        assertEquals(cloudflare, of("1.1.1.1#one.one.one.one"));
        assertEquals(cloudflare, of("[2606:4700:4700::1001]#one.one.one.one"));
        assertEquals("Cloudflare", ProviderNames.describe(List.of(ServerAddress.parse("1.1.1.1#one.one.one.one")),
                catalogue, "none"));
        assertEquals(List.of(cloudflare), ProviderNames.draftOf(List.of(ServerAddress.parse("1.0.0.1#one.one.one.one")),
                catalogue));
        assertTrue(cloudflare.servers().stream().allMatch(s -> s.tlsName().equals("cloudflare-dns.com")),
                cloudflare.servers().toString());
        assertNull(of("1.1.1.2#one.one.one.one"), "another Cloudflare service's address");
    }

    @Test
    @DisplayName("the provider's address under another name, or at another port, is no provider's")
    void anotherNameOrPortIsNotTheProvider() {
        assertNull(of("1.1.1.1#evil.example"));
        assertNull(of("1.1.1.1#security.cloudflare-dns.com"), "another Cloudflare service's name, not this address's");
        assertNull(of("1.1.1.1:5353#cloudflare-dns.com"));
        for (String asWritten : List.of("evil_x.example", "cloudflare-dns.com.")) {
            ServerAddress odd = ServerAddress.reported(org.port853.core.IpAddresses.parse("1.1.1.1"), 0, asWritten);
            assertNull(ProviderNames.providerOf(odd, catalogue), "a name that is no host name is a name too: "
                    + asWritten);
        }
    }

    @Test
    @DisplayName("a draft built from the system keeps a server under another name as it is, so applying keeps its name")
    void theDraftKeepsTheName() {
        List<ServerAddress> system = List.of(ServerAddress.parse("1.1.1.1#evil.example"),
                ServerAddress.parse("1.0.0.1#cloudflare-dns.com"));
        List<Provider> draft = ProviderNames.draftOf(system, catalogue);
        assertEquals(List.of("1.1.1.1 · evil.example", cloudflare.displayName()),
                draft.stream().map(Provider::displayName).toList());
        assertTrue(ProviderNames.serversOf(draft).contains(system.get(0)), ProviderNames.serversOf(draft).toString());
        assertEquals(List.of(cloudflare), ProviderNames.providersOf(system, catalogue));
    }

    @Test
    @DisplayName("a server whose name Port853 cannot write is left out of the draft and said, not kept without its name")
    void aServerWhoseNameCannotBeWrittenIsLeftOutAndSaid() {
        // "DNS=1.0.0.1#dot.example. 9.9.9.9#dns_x.example 1.1.1.1#evil.example": as an entry without its name, applying
        // would write 1.0.0.1 bare (or match a provider by its address alone)
        List<ServerAddress> system = List.of(ServerAddress.parseReported("1.0.0.1#dot.example."),
                ServerAddress.parseReported("9.9.9.9#dns_x.example"), ServerAddress.parse("1.1.1.1#evil.example"));
        List<Provider> draft = ProviderNames.draftOf(system, catalogue);
        assertEquals(List.of(ServerAddress.parse("1.1.1.1#evil.example")), ProviderNames.serversOf(draft));
        assertEquals("1.0.0.1#dot.example., 9.9.9.9#dns_x.example", ProviderNames.notWritable(system));
        assertEquals(null, ProviderNames.notWritable(List.of(system.get(2))));
    }

    @Test
    @DisplayName("a server of no provider is described by its address and name, never by the provider its address is")
    void describedWithItsName() {
        assertEquals("1.1.1.1 (evil.example), Cloudflare", ProviderNames.describe(List.of(
                ServerAddress.parse("1.1.1.1#evil.example"), ServerAddress.parse("1.0.0.1#cloudflare-dns.com")),
                catalogue, "none"));
        assertEquals("198.18.0.2", ProviderNames.describe(List.of(ServerAddress.parse("198.18.0.2")), catalogue, "none"));
        assertEquals("198.18.0.2 (dns_x.example)", ProviderNames.describe(List.of(
                ServerAddress.parseReported("198.18.0.2#dns_x.example")), catalogue, "none"), "named as shown, not bare");
        assertFalse(ProviderNames.describe(List.of(ServerAddress.parse("1.1.1.1#evil.example")), catalogue, "none")
                .contains("Cloudflare"));
    }
}
