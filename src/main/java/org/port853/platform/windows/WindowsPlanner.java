package org.port853.platform.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port853.change.ItemSnapshot;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.ProviderCatalog;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;
import org.port853.core.Words;

/**
 * Turns desired settings into the Windows items they need. Strict: every chosen server gets an encryption entry
 * with auto-upgrade and no UDP fallback (DoT where the build has it and policy allows it, else DoH with the
 * provider's template from the catalogue), one NRPT rule for "." sends all names to them, and every connected
 * adapter uses them (IPv4 and IPv6). Opportunistic: the same with UDP fallback allowed. Refuses with one
 * sentence when policy or the build makes it impossible.
 */
public final class WindowsPlanner {
    /**
     * The items to write, or a refusal (with the words the window says it by). {@code protocol} is what the entries use.
     */
    public record Result(List<ItemSnapshot> items, EncryptionEntry.Protocol protocol, String refusal, Words refusalWords) {
        public Result {
            items = List.copyOf(items);
        }

        public Result(List<ItemSnapshot> items, EncryptionEntry.Protocol protocol, String refusal) {
            this(items, protocol, refusal, null);
        }

        static Result refused(Sentence why) {
            return new Result(List.of(), null, why.english(), why.words());
        }

        /** The refusal as a plan says it. */
        public Sentence refusalSaid() {
            return new Sentence(refusal, refusalWords);
        }
    }

    private final DohTemplates templates;

    public WindowsPlanner(ProviderCatalog catalog) {
        this.templates = new DohTemplates(catalog);
    }

    public Result plan(DesiredSettings desired, WindowsDetails d) {
        if (desired.mode() == DotMode.OFF) {
            return Result.refused(Sentence.of("on Windows, turning encryption off is 'port853 revert' (it restores the "
                    + "settings from before Port853)", "refused.windows-off"));
        }
        Optional<Sentence> refusal = settingsRefusal(desired).or(() -> refusalSaid(d));
        if (refusal.isPresent()) {
            return Result.refused(refusal.get());
        }
        boolean useDot = d.usesDot();
        boolean fallback = desired.mode() == DotMode.OPPORTUNISTIC;
        List<ItemSnapshot> items = new ArrayList<>();
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (ServerAddress s : desired.servers()) {
            String ip = s.addressText();
            (s.isIpv6() ? v6 : v4).add(ip);
            if (useDot) {
                String host = (s.tlsName() == null ? "" : s.tlsName()) + ":" + s.dotPort();
                items.add(WindowsItems.of(WindowsItems.dot(ip), WindowsItems.entry(new EncryptionEntry(ip,
                        EncryptionEntry.Protocol.DOT, null, host, true, fallback))));
            } else {
                Optional<String> template = template(s);
                if (template.isEmpty()) {
                    return Result.refused(Sentence.of("no DNS-over-HTTPS template is known for " + ip + " (this Windows "
                            + "build has no DNS-over-TLS, so Port853 needs the provider's DoH template: pick a catalogue "
                            + "provider or add one with a template)", "refused.windows-no-template", ip));
                }
                Optional<Sentence> mismatch = dohRefusal(s);
                if (mismatch.isPresent()) {
                    return Result.refused(mismatch.get());
                }
                items.add(WindowsItems.of(WindowsItems.doh(ip), WindowsItems.entry(new EncryptionEntry(ip,
                        EncryptionEntry.Protocol.DOH, template.get(), null, true, fallback))));
            }
        }
        if (useDot) {
            items.add(WindowsItems.of(WindowsItems.GLOBAL_DOT, WindowsItems.canonical(Map.of("dot", true))));
        }
        List<String> all = new ArrayList<>(v4);
        all.addAll(v6);
        Optional<Sentence> unrestorable = unrestorable(d, items);
        if (unrestorable.isPresent()) {
            return Result.refused(unrestorable.get());
        }
        items.add(WindowsItems.of(WindowsItems.NRPT, WindowsItems.nrpt(List.of("."), all, NrptRule.COMMENT)));
        for (AdapterDns a : d.adapters()) {
            if (!a.up()) {
                continue;
            }
            if (!v4.isEmpty()) {
                items.add(WindowsItems.adapter(a, false, new AdapterDns.Servers(AdapterDns.Source.STATIC, v4)));
            }
            if (!v6.isEmpty() && a.ipv6Bound()) {
                items.add(WindowsItems.adapter(a, true, new AdapterDns.Servers(AdapterDns.Source.STATIC, v6)));
            }
        }
        return new Result(items, useDot ? EncryptionEntry.Protocol.DOT : EncryptionEntry.Protocol.DOH, null);
    }

    /**
     * What the preview says of each connected adapter whose IPv6 binding is off while IPv6 servers are chosen: it gets
     * the IPv4 servers only (Windows cannot set IPv6 servers on it).
     */
    public static List<Sentence> ipv4OnlyNotes(DesiredSettings desired, WindowsDetails d) {
        List<String> v4 = desired.servers().stream().filter(s -> !s.isIpv6()).map(ServerAddress::addressText).toList();
        if (v4.size() == desired.servers().size()) {
            return List.of();
        }
        String servers = String.join(", ", v4);
        return d.adapters().stream().filter(a -> a.up() && !a.ipv6Bound()).map(a -> Sentence.of("IPv6 is off on adapter "
                + a.alias() + ", so it gets only the IPv4 servers (" + servers + "); names still go to all servers "
                + "through Port853's rule for all names", "plan.windows-ipv6-off", a.alias(), servers)).toList();
    }

    /**
     * A setting the change would write that netsh shows in a word Port853 does not know as yes or no: what it is now is
     * unknown, so it could not be written back if the change failed or were reverted (netsh takes only yes or no).
     */
    private static Optional<Sentence> unrestorable(WindowsDetails d, List<ItemSnapshot> items) {
        return items.stream().flatMap(i -> WindowsItems.unrecognisedWords(d, i.key()).stream()).findFirst()
                .map(w -> Sentence.of(w.said().english() + ", so Port853 could not put that setting back as it is now "
                        + "if the change had to be undone", "refused.windows-unrecognised-word", w.said()));
    }

    /**
     * What Windows cannot take in these settings whatever the machine: DNSSEC validation, fallback servers, one address
     * twice. The one rule for applying, previewing and the PowerShell export.
     */
    public static Optional<Sentence> settingsRefusal(DesiredSettings desired) {
        return dnssecRefusal(desired).or(() -> fallbackRefusal(desired)).or(() -> sameAddressRefusal(desired));
    }

    private static Optional<Sentence> fallbackRefusal(DesiredSettings desired) {
        return desired.fallback().isEmpty() ? Optional.empty() : Optional.of(Sentence.of("Windows has no list of "
                + "fallback servers: leave out the fallback servers or add them as servers", "refused.windows-fallback"));
    }

    /** Windows keys servers and their encryption by address alone: a port or a second name cannot tell them apart. */
    private static Optional<Sentence> sameAddressRefusal(DesiredSettings desired) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ServerAddress s : desired.servers()) {
            if (!seen.add(s.addressText())) {
                return Optional.of(Sentence.of("the address " + s.addressText() + " is listed twice: Windows keeps one "
                        + "setting per server address, whatever the port or name", "refused.windows-same-address",
                        s.addressText()));
            }
        }
        return Optional.empty();
    }

    /**
     * DNSSEC validation asked for, which the Windows DNS client cannot do (it does not validate signatures itself):
     * the one rule for applying, previewing and the PowerShell export.
     */
    public static Optional<Sentence> dnssecRefusal(DesiredSettings desired) {
        if (desired.dnssec() == null || desired.dnssec() == DnssecMode.NO) {
            return Optional.empty();
        }
        return Optional.of(Sentence.of("the Windows DNS client does not validate DNSSEC itself, so DNSSEC "
                + desired.dnssec().resolvedValue() + " cannot be set on Windows; choose DNSSEC no or leave it unset (your "
                + "providers may validate for you)", "refused.windows-dnssec", desired.dnssec().resolvedValue()));
    }

    /** Why nothing can be applied on this machine, whatever the settings. */
    public static Optional<String> refusal(WindowsDetails d) {
        return refusalSaid(d).map(Sentence::english);
    }

    /** As {@link #refusal}, with the words the window says it by. */
    public static Optional<Sentence> refusalSaid(WindowsDetails d) {
        if (!d.dohAvailable() && !d.dotAvailable()) {
            return Optional.of(Sentence.of("this Windows build (" + d.build() + ") has neither DNS-over-TLS nor "
                    + "DNS-over-HTTPS (DoH needs Windows 11 or Windows Server 2022)", "refused.windows-build", d.build()));
        }
        if (d.encryptionProhibited()) {
            return Optional.of(Sentence.of("Group Policy prohibits encrypted DNS on this computer (\"Configure encrypted "
                    + "name resolution\" = Prohibit, DoHPolicy 1); ask your administrator", "refused.windows-prohibited"));
        }
        if (d.groupPolicyNrpt()) {
            return Optional.of(Sentence.of("a Group Policy NRPT key exists (HKLM\\" + RegistryPaths.GROUP_POLICY_NRPT
                    + "), so Windows would ignore Port853's rule that sends all names to the encrypted servers; ask "
                    + "your administrator to add the rule to the policy instead", "refused.windows-nrpt",
                    "HKLM\\" + RegistryPaths.GROUP_POLICY_NRPT));
        }
        boolean dot = d.usesDot();
        boolean doh = d.dohAvailable() && !d.dohBlocked();
        if (!dot && !doh) {
            return Optional.of(Sentence.of("Group Policy blocks DNS-over-HTTPS and this build has no usable DNS-over-TLS",
                    "refused.windows-blocked"));
        }
        return Optional.empty();
    }

    /** The provider's DoH template for this server, from the catalogue (custom providers included). */
    Optional<String> template(ServerAddress s) {
        return templates.template(s);
    }

    /** Why the DoH template for {@code s} would not keep its TLS name or port (one rule for apply and the export). */
    Optional<Sentence> dohRefusal(ServerAddress s) {
        return templates.refusal(s);
    }
}
