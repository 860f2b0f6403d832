package org.port853.probe.doctor;

import java.util.ArrayList;
import java.util.List;
import org.port853.core.DotMode;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;

/** Known systemd-resolved bugs that change what DoT settings mean, by version. */
public final class KnownBugs {
    /** systemd PR #41818 (merged April 2026): a strict link under a global no/opportunistic skipped certificate checks. */
    static final int LINK_STRICT_NO_VERIFY_LAST_AFFECTED = 260;

    /** Strict mode stepping down to plain UDP, fixed in systemd 249. */
    private static final String STRICT_UDP_BUG = "systemd issue #18060";

    private KnownBugs() {
    }

    /** {@code v}: the systemd version (0: unknown). */
    public static List<Check> of(ResolverState s, int v) {
        List<Check> out = new ArrayList<>();
        if (v <= 0 || s.global() == null) {
            return out;
        }
        DotMode global = s.global().effectiveDotMode();
        boolean anyStrict = org.port853.platform.linux.LinuxRules.anyStrict(s);
        // warnings ("At risk", like status's STRICT_UDP_FALLBACK where status says it): some queries may leave in
        // plaintext, not all do
        if (org.port853.platform.linux.LinuxRules.strictUdpFallbackBug(s, v)) {
            out.add(Check.warning("bug.strict-udp-fallback", null, "systemd " + v + " has " + STRICT_UDP_BUG + ": in strict mode "
                    + "resolved can step a server down from TLS to plain UDP and send queries in plaintext.", "Upgrade to systemd 249 or later (Debian 12, Ubuntu 22.04); meanwhile watch with "
                    + "'port853 verify'.").says("bug.strict-udp-fallback.affected", v));
        } else {
            out.add(Check.ok("bug.strict-udp-fallback", null, anyStrict ? "systemd " + v + " has the fix for " + STRICT_UDP_BUG
                    + ": strict mode stays on TLS." : "Strict mode is not used, so " + STRICT_UDP_BUG + " (strict mode "
                    + "stepping down to plain UDP before systemd 249) does not apply.")
                    .says(anyStrict ? "bug.strict-udp-fallback.fixed" : "bug.strict-udp-fallback.unused", v));
        }
        List<String> strictLinks = new ArrayList<>();
        for (LinkState l : s.links()) {
            if (l.dnsOverTls() == DotMode.STRICT && global != DotMode.STRICT) {
                strictLinks.add(l.name());
            }
        }
        if (!strictLinks.isEmpty() && v <= LINK_STRICT_NO_VERIFY_LAST_AFFECTED) {
            boolean one = strictLinks.size() == 1;
            out.add(Check.warning("bug.link-strict-unverified", null, (one ? "Link " : "Links ")
                    + String.join(", ", strictLinks) + (one ? " uses" : " use") + " strict DNS-over-TLS while the global "
                    + "mode is " + global.resolvedValue() + ": systemd " + v + " does not check " + (one ? "its" : "their")
                    + " servers' certificates (fixed by systemd PR #41818, April 2026).",
                    "Set DNSOverTLS=yes globally as well (Port853's strict mode does), or upgrade to a systemd with the fix.")
                    .says("bug.link-strict-unverified.affected", String.join(", ", strictLinks), global.resolvedValue(), v,
                            strictLinks.size())
                    .withFixAction(FixActions.USE_STRICT_MODE));
        } else {
            out.add(strictLinks.isEmpty()
                    ? Check.ok("bug.link-strict-unverified", null, "No link is strict under a weaker global mode, so systemd "
                    + "PR #41818 does not apply.").says("bug.link-strict-unverified.unused")
                    : Check.ok("bug.link-strict-unverified", null, "systemd " + v + " checks certificates of strict links "
                    + "(systemd PR #41818).").says("bug.link-strict-unverified.fixed", v));
        }
        return out;
    }
}
