package org.port853.platform.windows;

import java.util.List;
import java.util.Optional;
import org.port853.core.DotMode;
import org.port853.core.PlatformDetails;
import org.port853.core.SettingElsewhere;

/**
 * What the Windows DNS client does, as read without elevation: build, adapters, encryption entries, NRPT rules
 * and the Group Policy values that can override them.
 *
 * @param build            OS build number (20348 = Windows Server 2022, 22000 = Windows 11: the first with DoH), 0 when unknown
 * @param dotAvailable     {@code netsh dnsclient show global} knows DoT on this build
 * @param dotEnabled       the global DoT switch ({@code netsh dnsclient set global dot=yes}), as netsh shows it
 * @param groupPolicyNrpt  the Group Policy NRPT key exists, so Windows ignores every local NRPT rule
 * @param dohPolicy        {@code DoHPolicy}: 1 prohibit, 2 allow, 3 require; null when not set
 * @param dohBlocked       {@code DohPolicySetting} = 1 (Block DoH)
 * @param dotBlocked       {@code DotPolicySetting} = 1 (Block DoT)
 */
public record WindowsDetails(int build, String edition, String displayVersion, boolean dotAvailable,
                             YesNo dotEnabled, List<AdapterDns> adapters, List<EncryptionEntry> encryption,
                             List<NrptRule> nrptRules, boolean groupPolicyNrpt, Integer dohPolicy, boolean dohBlocked,
                             boolean dotBlocked) implements PlatformDetails {
    /** Windows Server 2022 (20348) and Windows 11 (22000) shipped the DoH client; Windows 10 stops at 19045. */
    public static final int FIRST_DOH_BUILD = 20348;
    public static final String PLATFORM_ID = "windows";

    public WindowsDetails {
        adapters = List.copyOf(adapters);
        encryption = List.copyOf(encryption);
        nrptRules = List.copyOf(nrptRules);
    }

    @Override
    public String platformId() {
        return PLATFORM_ID;
    }

    /** Programs ask the DNS client itself: no stub, no resolv.conf, no resolved.conf keys to check. */
    @Override
    public boolean hasStubResolverConfig() {
        return false;
    }

    /**
     * Microsoft documents neither whether the DNS client converts a TLS name in Unicode (a DoH template's host, a DoT
     * host) to its ASCII form nor that it checks the name as written; systemd-resolved's builds do not apply here.
     */
    @Override
    public org.port853.core.UnicodeTlsNames unicodeTlsNames() {
        return org.port853.core.UnicodeTlsNames.UNDOCUMENTED;
    }

    /** The Windows DNS client does not validate DNSSEC signatures (see {@link WindowsPlanner#dnssecRefusal}). */
    @Override
    public boolean canValidateDnssec() {
        return false;
    }

    @Override
    public String versionText() {
        return "Windows build " + build + (displayVersion.isEmpty() ? "" : " (" + displayVersion + ")");
    }

    @Override
    public org.port853.core.Words versionWords() {
        return org.port853.core.Words.of("windows-build", build, displayVersion.isEmpty() ? 0 : 1, displayVersion);
    }

    /** Added to {@code status --json} on Windows (see docs/windows.md). */
    @Override
    public java.util.Map<String, Object> jsonFields() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("windowsBuild", build);
        m.put("edition", edition);
        m.put("dotAvailable", dotAvailable);
        m.put("dotEnabled", dotEnabled.json());
        m.put("encryption", encryption.stream().map(e -> {
            java.util.Map<String, Object> x = new java.util.LinkedHashMap<>();
            x.put("server", e.server());
            x.put("protocol", e.protocol().name().toLowerCase(java.util.Locale.ROOT));
            x.put("template", e.template());
            x.put("dotHost", e.dotHost());
            x.put("autoUpgrade", e.autoUpgrade().json());
            x.put("udpFallback", e.udpFallback().json());
            return x;
        }).toList());
        m.put("nrptRules", nrptRules.stream().map(r -> java.util.Map.<String, Object>of("namespaces", r.namespaces(),
                "nameServers", r.nameServers(), "port853", r.isPort853())).toList());
        m.put("groupPolicyNrpt", groupPolicyNrpt);
        m.put("dohPolicy", dohPolicy);
        m.put("dohBlocked", dohBlocked);
        m.put("dotBlocked", dotBlocked);
        return m;
    }

    public boolean dohAvailable() {
        return build >= FIRST_DOH_BUILD;
    }

    /** Whether Port853 encrypts with DNS-over-TLS here: the build has it and Group Policy does not block it. */
    public boolean usesDot() {
        return dotAvailable && !dotBlocked;
    }

    @Override
    public boolean encryptsOverHttps() {
        return !usesDot() && dohAvailable();
    }

    public boolean encryptionProhibited() {
        return dohPolicy != null && dohPolicy == 1;
    }

    public Optional<EncryptionEntry> entry(String server, EncryptionEntry.Protocol protocol) {
        return encryption.stream().filter(e -> e.server().equals(server) && e.protocol() == protocol).findFirst();
    }

    /**
     * The entry that encrypts queries to this server (DoT preferred when the switch is on, or shown in a word Port853
     * does not know: {@link #unrecognisedWords} then says so).
     */
    public Optional<EncryptionEntry> entryFor(String server) {
        Optional<EncryptionEntry> dot = dotEnabled.isNo() ? Optional.empty() : entry(server, EncryptionEntry.Protocol.DOT);
        return dot.isPresent() ? dot : entry(server, EncryptionEntry.Protocol.DOH);
    }

    /**
     * The yes/no settings deciding whether queries to {@code servers} are encrypted that netsh shows in words Port853
     * does not know: the DoT switch where one of their DoT entries depends on it, and their entries' own.
     */
    public List<UnrecognisedWord> unrecognisedWords(java.util.Collection<String> servers) {
        List<UnrecognisedWord> out = new java.util.ArrayList<>();
        if (servers.stream().anyMatch(s -> entry(s, EncryptionEntry.Protocol.DOT).isPresent())) {
            dotSwitchUnrecognised().ifPresent(out::add);
        }
        servers.forEach(s -> entryFor(s).ifPresent(e -> out.addAll(e.unrecognised())));
        return out;
    }

    /** The DoT switch, where netsh shows it in a word Port853 does not know. */
    public Optional<UnrecognisedWord> dotSwitchUnrecognised() {
        return dotEnabled.recognised() ? Optional.empty()
                : Optional.of(new UnrecognisedWord(UnrecognisedWord.DOT_SWITCH, null, dotEnabled.word()));
    }

    /**
     * The fleet script's rule for all names is the one in force: it, not this Port853, encrypts (named by its comment,
     * as {@code Get-DnsClientNrptRule} shows it).
     */
    @Override
    public String encryptionSetOutside() {
        return fleetScriptsRule().isPresent() ? NrptRule.FLEET_COMMENT : null;
    }

    /**
     * While the fleet script's rule is in force, a revert leaves it. Once Port853's own rule replaced it, what a revert
     * puts back is in the journal, which only administrators may read: not said.
     */
    @Override
    public SettingElsewhere encryptionAfterRevert() {
        return fleetScriptsRule().map(r -> WindowsStates.mode(this, r.nameServers())).filter(m -> m != DotMode.OFF)
                .map(m -> new SettingElsewhere(NrptRule.FLEET_COMMENT, m.resolvedValue())).orElse(null);
    }

    @Override
    public boolean isFleetScripts(String place) {
        return NrptRule.FLEET_COMMENT.equals(place);
    }

    private Optional<NrptRule> fleetScriptsRule() {
        return groupPolicyNrpt ? Optional.empty() : port853Rule().filter(NrptRule::isFleetScripts);
    }

    public Optional<NrptRule> port853Rule() {
        return nrptRules.stream().filter(NrptRule::isPort853).findFirst();
    }

    public Optional<AdapterDns> adapter(String guid) {
        return adapters.stream().filter(a -> a.guid().equalsIgnoreCase(guid)).findFirst();
    }
}
