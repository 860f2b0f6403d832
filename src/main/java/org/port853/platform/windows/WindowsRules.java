package org.port853.platform.windows;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.port853.core.FixAction;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.Severity;
import org.port853.platform.PlatformRules;

/**
 * Windows reasons and fixes. Facts: DoH client from Windows Server 2022 (20348) and Windows 11 (22000); an encryption entry applies to a server an
 * adapter or an NRPT rule uses (auto-upgrade for NRPT servers); a Group Policy NRPT key makes Windows ignore
 * local rules; {@code DoHPolicy} 1 prohibits encryption, {@code DohPolicySetting}/{@code DotPolicySetting} 1
 * block one protocol (Microsoft's netsh, cmdlet and ADMX documentation; see docs/windows.md).
 */
public final class WindowsRules implements PlatformRules {
    @Override
    public List<Reason> assess(ResolverState s) {
        return s.platform() instanceof WindowsDetails d ? assess(d) : List.of();
    }

    public List<Reason> assess(WindowsDetails d) {
        List<Reason> out = new ArrayList<>();
        if (!d.dohAvailable() && !d.dotAvailable()) {
            out.add(new Reason("WIN_NO_ENCRYPTION_CLIENT", Severity.UNENCRYPTED, "This Windows build (" + d.build()
                    + ") has no encrypted DNS client: DNS-over-HTTPS needs Windows 11 or Windows Server 2022.",
                    "Update to Windows 11, or use a DNS-over-TLS client of your own.", List.of(String.valueOf(d.build()))));
            return out;
        }
        if (d.encryptionProhibited()) {
            out.add(new Reason("WIN_POLICY_PROHIBITS", Severity.UNENCRYPTED,
                    "Group Policy \"Configure encrypted name resolution\" prohibits encryption (DoHPolicy = 1): every "
                            + "encryption entry is ignored.", "Ask your administrator to allow or require encryption."));
        }
        if (d.dohBlocked()) {
            out.add(new Reason("WIN_POLICY_BLOCKS_DOH", Severity.WARNING,
                    "Group Policy blocks DNS-over-HTTPS (DohPolicySetting = 1).",
                    d.dotAvailable() ? "Port853 uses DNS-over-TLS instead." : "Ask your administrator to allow DoH.",
                    List.of(d.dotAvailable() ? "1" : "0")));
        }
        if (d.dotBlocked() && d.dotAvailable()) {
            out.add(new Reason("WIN_POLICY_BLOCKS_DOT", Severity.INFO,
                    "Group Policy blocks DNS-over-TLS (DotPolicySetting = 1); Port853 uses DNS-over-HTTPS.", ""));
        }
        if (!d.dotAvailable()) {
            out.add(new Reason("WIN_DOT_UNAVAILABLE", Severity.INFO, "This Windows build (" + d.build()
                    + ") has no DNS-over-TLS client; Port853 uses DNS-over-HTTPS with the provider's template instead.",
                    "", List.of(String.valueOf(d.build()))));
        }
        boolean rulesIgnored = d.groupPolicyNrpt();
        if (rulesIgnored && d.port853Rule().isPresent()) {
            out.add(new Reason("WIN_NRPT_GROUP_POLICY", Severity.WARNING,
                    "A Group Policy NRPT key exists, so Windows ignores Port853's local rule for all names.",
                    "Ask your administrator to put the rule into the Group Policy NRPT, or remove the empty policy key.",
                    List.of("1")));
        } else if (rulesIgnored) {
            out.add(new Reason("WIN_NRPT_GROUP_POLICY", Severity.INFO,
                    "A Group Policy NRPT key exists, so Windows ignores local NRPT rules; Port853 can only encrypt "
                            + "the adapters' servers.", "", List.of("0")));
        }
        List<String> routed = d.port853Rule().filter(r -> !rulesIgnored && r.coversAllNames())
                .map(NrptRule::nameServers).orElse(List.of());
        Set<String> used = new LinkedHashSet<>(routed);
        boolean adaptersBypassed = !routed.isEmpty();
        if (!adaptersBypassed) {
            d.adapters().stream().filter(AdapterDns::up).forEach(a -> {
                used.addAll(a.ipv4().addresses());
                used.addAll(a.ipv6().addresses());
            });
        }
        if (used.isEmpty()) {
            out.add(new Reason(Reason.NO_SERVERS, Severity.BROKEN, "No connected adapter has a DNS server: names cannot "
                    + "resolve.", "Connect to a network or turn on encryption with a provider.", FixAction.ENABLE_DOT,
                    List.of("0"))); // 0: no file names one either (the bundle's choice)
            return out;
        }
        List<String> plain = used.stream().filter(srv -> d.entryFor(srv).isEmpty()).toList();
        if (!plain.isEmpty()) {
            boolean none = plain.size() == used.size();
            out.add(new Reason("WIN_SERVER_UNENCRYPTED", none ? Severity.UNENCRYPTED : Severity.WARNING,
                    (none ? "No DNS server this computer uses has an encryption entry: every query leaves in plaintext ("
                            : "These DNS servers have no encryption entry, so queries to them are plaintext (")
                            + String.join(", ", plain) + ").",
                    "Turn on encryption with a provider in strict mode.", FixAction.ENABLE_DOT,
                    List.of(none ? "1" : "0", String.join(", ", plain))));
        }
        List<String> fallback = used.stream().filter(srv -> d.entryFor(srv).map(e -> e.udpFallback().isYes())
                .orElse(false)).toList();
        if (!fallback.isEmpty()) {
            out.add(new Reason("OPPORTUNISTIC", Severity.WARNING, "UDP fallback is allowed for " + String.join(", ",
                    fallback) + ": when encryption fails, Windows silently sends the query in plaintext.",
                    "Switch to strict mode.", FixAction.USE_STRICT_MODE, List.of(String.join(", ", fallback))));
        }
        List<String> noUpgrade = used.stream().filter(srv -> d.entryFor(srv).map(e -> e.autoUpgrade().isNo())
                .orElse(false)).toList();
        if (!noUpgrade.isEmpty()) {
            out.add(new Reason("WIN_NO_AUTO_UPGRADE", Severity.WARNING, "The encryption entries of "
                    + String.join(", ", noUpgrade) + " do not allow auto-upgrade, so queries to them stay plaintext"
                    + (adaptersBypassed ? "." : " unless encryption is switched on for the adapter in Settings (which "
                    + "Port853 cannot read)."), "Apply again in strict mode.", FixAction.USE_STRICT_MODE,
                    List.of(String.join(", ", noUpgrade), adaptersBypassed ? "1" : "0")));
        }
        unrecognised(d, used).ifPresent(out::add);
        if (!adaptersBypassed) {
            List<String> ra = d.adapters().stream().filter(AdapterDns::up)
                    .filter(a -> a.ipv6().source() == AdapterDns.Source.AUTOMATIC)
                    .flatMap(a -> a.ipv6().addresses().stream()).filter(srv -> d.entryFor(srv).isEmpty()).toList();
            if (!ra.isEmpty()) {
                out.add(new Reason("WIN_IPV6_AUTOMATIC", Severity.WARNING, "IPv6 DNS servers learnt from router "
                        + "advertisements or DHCPv6 (" + String.join(", ", ra) + ") are not covered by encryption "
                        + "entries and can change with the network.",
                        "Apply Port853 in strict mode: its rule for all names sends every query to the chosen servers.",
                        FixAction.ENABLE_DOT, List.of(String.join(", ", ra))));
            }
        }
        return out;
    }

    /**
     * netsh shows a yes or no that decides whether queries to {@code used} are encrypted in a word Port853 does not know:
     * that is unknown, and said with the word (details: the words quoted, the servers, how many words).
     */
    private static Optional<Reason> unrecognised(WindowsDetails d, Set<String> used) {
        List<String> servers = used.stream().filter(srv -> !d.unrecognisedWords(List.of(srv)).isEmpty()).toList();
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = d.unrecognisedWords(used).stream().map(w -> "'" + w.word() + "'").distinct().toList();
        String quoted = String.join(", ", words);
        String at = String.join(", ", servers);
        return Optional.of(new Reason("WIN_YES_NO_UNRECOGNISED", Severity.WARNING, "netsh shows " + quoted + " where it "
                + "means yes or no for the encryption of " + at + ", " + (words.size() == 1 ? "a word" : "words")
                + " Port853 does not know in the language of this Windows: whether queries to " + at + " are encrypted is "
                + "unknown.", "Port853 can still revert its own change; to have the word known, report it and this "
                + "Windows' display language to the Port853 project.", List.of(quoted, at, String.valueOf(words.size()))));
    }
}
