package org.port853.core;

import java.util.Map;

/**
 * The platform-specific part of a {@link ResolverState}: Linux adds the systemd version, /etc/resolv.conf and
 * the drop-ins; Windows its own facts. The neutral faces (window, command line) use only these methods.
 */
public interface PlatformDetails {
    /** Short stable id, e.g. {@code linux}, {@code windows}. */
    String platformId();

    /** The resolver's version for people, e.g. "systemd 252"; null when unknown. */
    default String versionText() {
        return null;
    }

    /** How the resolver checks a certificate against a TLS name written in Unicode. */
    default UnicodeTlsNames unicodeTlsNames() {
        return UnicodeTlsNames.UNKNOWN;
    }

    /** How the window says {@link #versionText} in the user's language; null: it says the English. */
    default Words versionWords() {
        return null;
    }

    /**
     * Where programs that bypass the resolver read their DNS servers from (Linux: /etc/resolv.conf); null on
     * platforms without such a file.
     */
    default ResolvConfState resolverFile() {
        return null;
    }

    /**
     * Whether the resolver is set up as systemd-resolved is: a local stub listener, reached through
     * {@link #resolverFile}, and resolved.conf keys such as {@code Cache=} and {@code ReadEtcHosts=}. The doctor checks
     * those only where this holds; the Windows DNS client has none of them.
     */
    default boolean hasStubResolverConfig() {
        return true;
    }

    /**
     * Whether Port853's changes encrypt DNS over HTTPS here rather than over TLS (a Windows build without a usable
     * DNS-over-TLS client): the window names the switch and its changes by what they turn on.
     */
    default boolean encryptsOverHttps() {
        return false;
    }

    /**
     * Where the resolver's DNS-over-TLS mode is set when settings other than Port853's own set it (a file, e.g.
     * /etc/systemd/resolved.conf or another drop-in): Port853's revert leaves it as it is. Null when Port853's
     * settings set it, or when the platform cannot tell.
     */
    default String encryptionSetOutside() {
        return null;
    }

    /**
     * What would still turn DNS-over-TLS on once Port853's own settings are removed (another file, e.g.
     * /etc/systemd/resolved.conf), so that turning encryption off can say so before it is done; null when nothing
     * would, or when the platform cannot tell.
     */
    default SettingElsewhere encryptionAfterRevert() {
        return null;
    }

    /**
     * Port853's own settings file, where it is taken for Port853's by its header alone (the record of what a revert
     * removes is missing and this user cannot read Port853's journal): the helper's revert, which decides by the journal,
     * keeps it where it was edited since Port853 wrote it. Null where that is known.
     */
    default String oursByHeaderOnly() {
        return null;
    }

    /**
     * The file read after Port853's own settings that sets {@code key} (resolved's key name: DNSOverTLS, DNSSEC) to a
     * value in force, so that it wins whatever Port853 writes: a fix that would change {@code key} through Port853 is
     * refused, and the advice names this file instead; null when none does, or the platform cannot tell.
     */
    default SettingElsewhere settingAfterOurs(String key) {
        return null;
    }

    /**
     * Whether {@code file} (one this platform names, e.g. by {@link #encryptionSetOutside()} or
     * {@link #encryptionAfterRevert()}) is a copy of Port853's settings that a fleet tool deployed from 'port853 export'
     * (not written by this Port853): a revert leaves it, and must say why in those words rather than as someone else's
     * file.
     */
    default boolean isExportedCopy(String file) {
        return false;
    }

    /**
     * Whether {@code file} has the name of Port853's own settings but is neither Port853's (as it wrote them) nor an
     * exported copy ({@link #isExportedCopy}): written by hand or by another tool, or edited since; a revert leaves it,
     * and must not call it a file outside Port853's name.
     */
    default boolean isAtOurPathNotOurs(String file) {
        return false;
    }

    /**
     * Whether {@code place} (one this platform names, e.g. by {@link #encryptionSetOutside()}) is a setting that Port853's
     * fleet script made (on Windows the rule for all names of 'port853 export --format powershell'), not this Port853:
     * a revert leaves it, and must say that undoing the script is what turns it off.
     */
    default boolean isFleetScripts(String place) {
        return false;
    }

    /**
     * The DNSSEC setting Port853's own settings make now (a choice made earlier, which a later change that leaves
     * DNSSEC to the system keeps); null when the system's own setting is in force.
     */
    default DnssecMode ownDnssec() {
        return null;
    }

    /**
     * Whether the resolver can validate DNSSEC itself when told to (systemd-resolved can; the Windows DNS client
     * cannot), so that turning validation on is advice worth giving.
     */
    default boolean canValidateDnssec() {
        return true;
    }

    /**
     * The resolver's settings files beside its main one, in the order it reads them, with what each sets and which of
     * those settings are in force; none where the platform has no such files or they were not read.
     */
    default java.util.List<SettingsFile> settingsFiles() {
        return java.util.List.of();
    }

    /**
     * Fields the platform adds to the documented {@code status --json} document, in order; values are strings,
     * numbers, booleans, null, lists and maps of those.
     */
    default Map<String, Object> jsonFields() {
        return Map.of();
    }

    /** No platform details (no supported resolver). */
    PlatformDetails NONE = () -> "none";
}
