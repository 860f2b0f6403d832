package org.port853.platform.windows.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Assessment;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.ProviderCatalog;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.StateSource;
import org.port853.platform.ApplyResult;
import org.port853.platform.ResolverAdapter;
import org.port853.platform.windows.AdapterDns;
import org.port853.platform.windows.WindowsDetails;
import org.port853.platform.windows.WindowsResolverAdapter;
import org.port853.platform.windows.WindowsRules;

/** The Windows demo runs the real reader, rules and planner on the bundled Windows outputs. */
class WindowsDemoAdapterTest {
    private final WindowsDemoAdapter adapter = new WindowsDemoAdapter();

    @Test
    @DisplayName("readState: the bundled machine's adapters, DoH list and NRPT rule, labelled demo")
    void state() {
        ResolverState s = adapter.readState();
        assertNull(s.problem());
        assertEquals(StateSource.DEMO, s.source());
        assertTrue(s.resolverName().endsWith("(demo)"), s.resolverName());
        WindowsDetails d = assertInstanceOf(WindowsDetails.class, s.platform());
        assertEquals(22631, d.build());
        assertEquals(List.of("Wi-Fi", "Ethernet"), d.adapters().stream().map(AdapterDns::alias).toList());
        assertEquals(List.of("192.168.1.1"), d.adapters().get(0).ipv4().addresses());
        assertTrue(d.encryption().stream().anyMatch(e -> e.server().equals("1.1.1.1")), d.encryption().toString());
        assertEquals(1, d.nrptRules().size());
        assertEquals(List.of("Wi-Fi", "Ethernet"), s.links().stream().map(l -> l.name()).toList());
    }

    @Test
    @DisplayName("assessment: the Windows reasons for an unencrypted DHCP Wi-Fi without DoT")
    void reasons() {
        Assessment a = adapter.assess(adapter.readState());
        List<String> codes = a.reasons().stream().map(Reason::code).toList();
        assertTrue(codes.containsAll(List.of("WIN_SERVER_UNENCRYPTED", "WIN_IPV6_AUTOMATIC", "WIN_DOT_UNAVAILABLE")),
                codes.toString());
        Reason plain = a.reasons().get(codes.indexOf("WIN_SERVER_UNENCRYPTED"));
        assertTrue(plain.message().contains("192.168.1.1"), plain.message());
    }

    @Test
    @DisplayName("apply, revert and recover are refused: nothing is simulated outside the Linux demo")
    void changesRefused() {
        DesiredSettings cloudflare = new DesiredSettings(ProviderCatalog.loadDefault().find("cloudflare").orElseThrow()
                .servers(), DotMode.STRICT, DnssecMode.NO, true, List.of());
        for (ApplyResult r : List.of(adapter.apply(cloudflare), adapter.revert(), adapter.recover())) {
            assertEquals(ApplyResult.Outcome.REFUSED, r.outcome());
            assertEquals(WindowsDemoAdapter.REFUSAL, r.reason());
        }
        // the preview is the real planner's (DoH entries, the NRPT rule); only the preview, nothing is written
        String actions = String.join("\n", adapter.plan(cloudflare, adapter.readState()).actions());
        assertTrue(actions.contains("DnsClientNrptRule"), actions);
    }

    @Test
    @DisplayName("the demo answers as the real adapter does: settings, not files, are changed; no resolver file; the "
            + "same rules; the same refusal of settings Windows cannot take")
    void answersAsTheRealAdapter() {
        WindowsResolverAdapter real = new WindowsResolverAdapter();
        for (ResolverAdapter a : List.of(adapter, real)) {
            assertFalse(a.changesFiles(), a.id());
            assertFalse(a.hasResolverFile(), a.id());
            assertInstanceOf(WindowsRules.class, a.rules(), a.id());
        }
        DesiredSettings cloudflare = new DesiredSettings(ProviderCatalog.loadDefault().find("cloudflare").orElseThrow()
                .servers(), DotMode.STRICT, DnssecMode.NO, true, List.of());
        DesiredSettings validating = new DesiredSettings(cloudflare.servers(), DotMode.STRICT, DnssecMode.YES, true,
                List.of());
        assertTrue(adapter.inputRefusal(cloudflare).isEmpty());
        assertTrue(adapter.inputRefusal(validating).isPresent());
        assertEquals(real.inputRefusal(validating), adapter.inputRefusal(validating));
    }
}
