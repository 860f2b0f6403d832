package org.port853.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.FixAction;
import org.port853.core.InvalidInputException;
import org.port853.core.GlobalState;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.StateSource;
import org.port853.platform.linux.LinuxDetails;

class OneClickChangesTest {
    static ResolverState state(String stubListener) {
        return state(stubListener, List.of());
    }

    /** Encryption off, with {@code servers} set globally (none: nothing of the system's to write back). */
    static ResolverState state(String stubListener, List<org.port853.core.ServerAddress> servers) {
        GlobalState g = new GlobalState(servers, List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(),
                stubListener, "foreign");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STATIC, null, List.of("127.0.0.1")),
                        List.of()));
    }

    static final List<Provider> QUAD9 = List.of(ProviderCatalog.bundled().find("quad9").orElseThrow());

    @Test
    void protectLinksResolvConfOnlyWhileTheStubListens() {
        assertTrue(OneClickChanges.protect(state("yes"), QUAD9).linkResolvConf());
        assertFalse(OneClickChanges.protect(state("no"), QUAD9).linkResolvConf(),
                "DNSStubListener=no: the link would leave programs without DNS (and the plan refuses it)");
        assertTrue(OneClickChanges.protect(null, QUAD9).linkResolvConf(), "unknown state: as before");
    }

    @Test
    void theLinkFixIsRefusedWhileTheStubListenerIsOff() {
        List<org.port853.core.ServerAddress> plain = List.of(org.port853.core.ServerAddress.parse("192.0.2.1"));
        assertTrue(OneClickChanges.fix(FixAction.LINK_RESOLV_CONF, state("yes", plain), QUAD9).linkResolvConf());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OneClickChanges.fix(FixAction.LINK_RESOLV_CONF, state("no", plain), QUAD9));
        assertTrue(e.getMessage().contains("DNSStubListener=no"), e.getMessage());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("with encryption off and no servers set there are no settings to write beside the "
            + "link: the fix is refused before a preview (rig walkthrough: Fix resolv.conf on a fresh system failed with "
            + "the helper's '--mode off writes the chosen servers ... needs at least one')")
    void theLinkFixIsRefusedWithNothingToWrite() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OneClickChanges.fix(FixAction.LINK_RESOLV_CONF, state("yes"), QUAD9));
        assertEquals(org.port853.ui.common.I18n.t("fix.resolvConf.needsSettings"), e.getMessage());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a fix that keeps the system's servers is refused where one has a TLS name Port853 "
            + "cannot write (dns_x.example): written back, it would lose its name")
    void aFixThatWouldDropANameIsRefused() {
        List<org.port853.core.ServerAddress> odd = List.of(org.port853.core.ServerAddress.parse("192.0.2.1"),
                org.port853.core.ServerAddress.parseReported("192.0.2.2#dns_x.example"));
        for (FixAction f : List.of(FixAction.LINK_RESOLV_CONF, FixAction.USE_STRICT_MODE, FixAction.ENABLE_DOT)) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> OneClickChanges.fix(f, state("yes", odd), QUAD9), f.name());
            assertTrue(e.getMessage().contains("192.0.2.2#dns_x.example has a TLS name Port853 cannot write"),
                    e.getMessage());
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a fix that keeps a system server whose name is in Unicode writes it in its ASCII "
            + "form, which every build of resolved verifies, and is not taken for a change that changes nothing")
    void aFixKeepsANameInUnicodeInItsAsciiForm() {
        org.port853.core.ServerAddress unicode = org.port853.core.ServerAddress.parseReported("192.0.2.2#b\u00fccher.example");
        org.port853.core.ServerAddress ascii = org.port853.core.ServerAddress.parse("192.0.2.2#xn--bcher-kva.example");
        for (FixAction f : List.of(FixAction.LINK_RESOLV_CONF, FixAction.USE_STRICT_MODE, FixAction.ENABLE_DOT)) {
            OneClickChanges.Change c = OneClickChanges.fix(f, state("yes", List.of(unicode)), QUAD9);
            assertEquals(List.of(ascii), c.settings().servers(), f.name());
            assertNull(c.settings().servers().get(0).unicodeName(), f.name());
        }
        OneClickChanges.Change both = OneClickChanges.fix(FixAction.USE_STRICT_MODE, state("yes", List.of(unicode,
                ascii)), QUAD9);
        assertEquals(List.of(ascii), both.settings().servers(), "the system lists it in both spellings: written once");
        GlobalState g = new GlobalState(List.of(unicode), List.of(), null, DotMode.STRICT, DnssecMode.NO, false,
                List.of(), "yes", "stub");
        ResolverState strict = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null,
                null, new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB,
                "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of()));
        assertFalse(OneClickChanges.inPlace(OneClickChanges.fix(FixAction.USE_STRICT_MODE, strict, QUAD9), strict),
                "writing the ASCII form changes what resolved checks");
    }

    /** A strict Quad9 system with DNSSEC allow-downgrade; {@code ourKeys}: the keys Port853's drop-in sets. */
    static ResolverState protectedState(java.util.Map<String, String> ourKeys) {
        List<org.port853.core.ServerAddress> servers = org.port853.ui.common.ProviderNames.serversOf(QUAD9);
        GlobalState g = new GlobalState(servers, List.of(), servers.get(0), DotMode.STRICT, DnssecMode.ALLOW_DOWNGRADE,
                true, List.of(new org.port853.core.DomainEntry(".", true)), "yes", "stub");
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null,
                new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                        List.of("127.0.0.53")), List.of(new org.port853.core.DropIn(
                        "/etc/systemd/resolved.conf.d/zz-port853.conf", true, false, ourKeys, null))));
    }

    @Test
    void protectAndTheFixesKeepTheSystemsDnssecWithoutWritingIt() {
        ResolverState s = protectedState(java.util.Map.of("DNS", "x", "DNSOverTLS", "yes"));
        assertNull(OneClickChanges.protect(s, QUAD9).settings().dnssec(), "no DNSSEC line the user never chose");
        assertNull(OneClickChanges.fix(FixAction.USE_STRICT_MODE, s, QUAD9).settings().dnssec());
        assertTrue(OneClickChanges.inPlace(OneClickChanges.protect(s, QUAD9), s), "in place: nothing to offer");
        ResolverState chosenBefore = protectedState(java.util.Map.of("DNS", "x", "DNSSEC", "allow-downgrade"));
        assertEquals(DnssecMode.ALLOW_DOWNGRADE, OneClickChanges.protect(chosenBefore, QUAD9).settings().dnssec(),
                "a DNSSEC setting Port853's drop-in holds (an earlier choice) is kept");
        assertTrue(OneClickChanges.inPlace(OneClickChanges.protect(chosenBefore, QUAD9), chosenBefore));
    }
}
