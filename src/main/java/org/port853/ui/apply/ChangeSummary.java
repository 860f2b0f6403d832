package org.port853.ui.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.Provider;
import org.port853.core.ResolverState;
import org.port853.ui.common.I18n;
import org.port853.ui.common.SettingsDiff;

/**
 * The apply sheet's first line, in plain words: "Servers: Quad9 → Mullvad · Mode: strict · All domains", with
 * "DNSSEC: no → allow downgrade" when the change sets it.
 */
public final class ChangeSummary {
    private ChangeSummary() {
    }

    public static String describe(ResolverState before, DesiredSettings after, boolean linkResolvConf,
                                  List<Provider> catalogue) {
        if (after.isOff()) {
            return I18n.t("summary.off");
        }
        GlobalState g = before == null ? null : before.global();
        SettingsDiff changes = SettingsDiff.of(before, after, linkResolvConf, catalogue);
        List<String> parts = new ArrayList<>();
        parts.add(I18n.t("summary.servers", changes.servers() ? changes.serversBefore() + " → "
                + changes.serversAfter() : changes.serversAfter()));
        DotMode wasMode = changes.modeBefore();
        String modeNow = I18n.t("mode." + after.mode().name().toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        parts.add(!changes.mode() ? I18n.t("summary.mode", modeNow)
                : I18n.t("summary.mode", I18n.t("mode." + wasMode.name().toLowerCase(Locale.ROOT))
                .toLowerCase(Locale.ROOT) + " → " + modeNow));
        // all domains to the encrypted servers: the network's own servers that took names until now are named
        String bypassed = after.routeAllDomains() && g != null ? defaultRouteServers(before) : "";
        String domains = !after.routeAllDomains() ? I18n.t("summary.someDomains")
                : bypassed.isEmpty() ? I18n.t("summary.allDomains") : I18n.t("summary.allDomains.notLinks", bypassed);
        // before → after only between encrypted settings: turning encryption on names the routing it brings
        parts.add(g == null || changes.mode() || !changes.routing() ? domains
                : I18n.t(g.routesEverything() ? "summary.allDomains" : "summary.someDomains") + " → " + domains);
        // DNSSEC only when the change sets it to something else (null: the system's setting is left alone)
        DnssecMode wasDnssec = changes.dnssecBefore();
        if (changes.dnssec()) {
            parts.add(I18n.t("summary.dnssec", (wasDnssec == null ? "" : dnssec(wasDnssec) + " → ")
                    + dnssec(after.dnssec())));
        }
        if (changes.resolvConf()) {
            parts.add(I18n.t("summary.resolvConfFixed"));
        }
        return String.join(" · ", parts);
    }

    /**
     * What turning Port853's settings off does; where another file turns DNS-over-TLS on, it names that file, the
     * mode that stays and how to turn it off, before the change in the words the revert's result says after it. Where
     * Port853's file is taken for Port853's by its header alone, it says both outcomes: the helper decides by its journal.
     */
    public static String turningOff(ResolverState before) {
        String removed = removingOurs(before);
        return org.port853.platform.OutsideEncryption.staysOnIfOursKept(before)
                .map(kept -> I18n.t("summary.off.unconfirmed", before.platform().oursByHeaderOnly(), removed,
                        ChangeTexts.staysOn(kept)))
                .orElse(removed);
    }

    /** What removing Port853's own settings does. */
    private static String removingOurs(ResolverState before) {
        java.util.Optional<org.port853.platform.ApplyResult.EncryptionStaysOn> stays =
                org.port853.platform.OutsideEncryption.staysOnAfterRevert(before);
        if (stays.isPresent()) {
            return I18n.t("summary.off.stays", ChangeTexts.staysOn(stays.get()));
        }
        // where queries go in plaintext then: the connections' own servers (a router's, a VPN's) stay as they are
        String plain = before == null ? "" : linkServers(before, l -> true);
        return plain.isEmpty() ? I18n.t("summary.off") : I18n.t("summary.off.plain", plain);
    }

    /** The servers of the links that take names no routing domain claims by the default route (a ~. of their own keeps them). */
    private static String defaultRouteServers(ResolverState before) {
        org.port853.core.UnclaimedNames unclaimed = org.port853.core.UnclaimedNames.in(before);
        return linkServers(before, l -> unclaimed.route(l) == org.port853.core.UnclaimedNames.Route.DEFAULT_ROUTE);
    }

    /** The servers of the chosen links, each once, as "198.18.0.4 (eth0), 198.18.0.5 (wlan0)". */
    private static String linkServers(ResolverState before, java.util.function.Predicate<LinkState> chosen) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        before.links().stream().filter(chosen)
                .forEach(l -> l.servers().forEach(x -> out.add(x.addressText() + " (" + l.name() + ")")));
        return String.join(", ", out);
    }

    /** As the Providers screen labels it (not lower-cased: German nouns keep their capital). */
    private static String dnssec(DnssecMode m) {
        return I18n.t("dnssec." + m.name().toLowerCase(Locale.ROOT));
    }
}
