package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.port853.core.FixAction;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.StubListenerAdvice;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.ConfigChecks;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;

/** Status and doctor do not advise linking resolv.conf to a stub that does not listen (DNSStubListener=no). */
class StubListenerOffAdviceTest {
    static final List<ResolvConfState> BYPASSING = List.of(StubListenerOffTest.PIHOLE,
            new ResolvConfState(ResolvConfState.Kind.UPLINK, LinuxPaths.UPLINK_RESOLV_CONF, List.of("192.0.2.1")),
            new ResolvConfState(ResolvConfState.Kind.MISSING, null, List.of()));

    static Reason resolvConfReason(ResolverState s) {
        return new LinuxRules().assess(s).stream().filter(r -> r.code().startsWith("RESOLV_CONF_")).findFirst()
                .orElseThrow();
    }

    @Test
    void withTheListenerOffTheAdviceIsTheListenerOrTheFileAsItIsAndNoOneClickLink() {
        for (ResolvConfState rc : BYPASSING) {
            ResolverState s = StubListenerOffTest.state("no", rc);
            Reason r = resolvConfReason(s);
            assertNull(r.fixAction(), "no one-click link: " + r);
            assertEquals(StubListenerAdvice.of("/etc/resolv.conf").english() + ".", r.fix());
            String english = I18n.in(Locale.ENGLISH, () -> ReasonTexts.of(r, s).fix());
            assertTrue(english.contains("DNSStubListener=yes") && !english.startsWith("Point"), english);
            String german = I18n.in(Locale.GERMAN, () -> ReasonTexts.of(r, s).fix());
            assertTrue(german.contains("Stub-Listener") && !german.contains("lokalen Resolver zeigen"), german);

            Check doctor = ConfigChecks.of(s, List.of(r), Map.of()).stream()
                    .filter(c -> c.id().equals("config.resolv-conf")).findFirst().orElseThrow();
            assertNull(doctor.fixAction(), "doctor offers no link either");
            assertEquals(r.fix(), doctor.fix());
        }
    }

    @Test
    void withTheListenerOnTheLinkIsStillOffered() {
        for (ResolvConfState rc : BYPASSING) {
            ResolverState s = StubListenerOffTest.state("yes", rc);
            Reason r = resolvConfReason(s);
            assertEquals(FixAction.LINK_RESOLV_CONF, r.fixAction());
            String fix = I18n.in(Locale.ENGLISH, () -> ReasonTexts.of(r, s).fix());
            // each kind of file its own words ("Point … at", "Replace the file with a link to"), all to the stub's file
            assertTrue(fix.contains("/run/systemd/resolve/stub-resolv.conf") && !fix.contains("stub listener is off"), fix);
        }
    }
}
