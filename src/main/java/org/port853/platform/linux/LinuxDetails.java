package org.port853.platform.linux;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.SettingElsewhere;
import org.port853.core.PlatformDetails;
import org.port853.core.ResolvConfState;
import org.port853.core.UnicodeTlsNames;

/**
 * What only a Linux system with systemd-resolved has: its systemd version, /etc/resolv.conf, the drop-ins, and
 * {@code downgrade}: a plaintext answer seen while DNS-over-TLS is on, or null; {@code mainConfDnsOverTls}: the
 * DNSOverTLS= value of the main resolved.conf, or null when it sets none (or was not read); {@code resolvedMasked}:
 * systemd-resolved's unit is masked, so that starting or enabling it fails until it is unmasked; {@code journalProblem}:
 * why Port853's own journal (which revert and recover need) cannot be read, or null (none, fine, or not readable by
 * this user); {@code ourDropInLink}: where the path of Port853's drop-in is a symbolic link (which Port853 does not
 * write through), what it links to; else null; {@code mainConf}: the main resolved.conf resolved reads (from systemd 253
 * on it may be outside /etc, see {@link LinuxPaths#mainConf(int)}); {@code dnsOverTlsDefault}: DNSOverTLS= where no file
 * sets it, as the main file's comment gives it ({@link ResolvedConfFiles#commentedDefault}), or null when unknown;
 * {@code filesChangedSinceStart}: a settings file was modified after systemd-resolved started
 * ({@link ResolvedConfFiles#changedSince}), so it may run other settings than they hold; {@code dropInDirectory}: where
 * the directory of Port853's drop-in is no directory (a file, a symbolic link), which it is; else null;
 * {@code mainConfPipe}: the main resolved.conf is a named pipe or device ({@link DropInScanner#isPipeOrDevice}), on
 * which resolved waits when it next starts, or from 258 for which it ignores every settings file ({@link SettingsPipe});
 * {@code pipeOursMasks}: a named pipe or device with the name of Port853's drop-in that Port853's path masks, which a
 * revert would unmask ({@link DropInScanner#pipeOursMasks}), or null; {@code unicodeTlsNames}: how this build of
 * systemd-resolved checks a TLS name written in Unicode ({@link SystemdVersion#unicodeTlsNames}); {@code
 * revertScopeUnrecorded}: a file is at Port853's drop-in path, but the scope its revert is judged by is not recorded
 * ({@link OurDropIn#scopeUnrecorded}), so the drop-in is shown as Port853's by its journal or header; {@code
 * oursByHeaderOnly}: Port853's drop-in where it is shown as Port853's by its header alone ({@link
 * OurDropIn#oursByHeaderOnly}), else null.
 */
public record LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                           boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked,
                           String journalProblem, String ourDropInLink, String mainConf, String dnsOverTlsDefault,
                           boolean filesChangedSinceStart, NoDirectory dropInDirectory, boolean mainConfPipe,
                           String pipeOursMasks, String mainConfDns, UnicodeTlsNames unicodeTlsNames,
                           boolean revertScopeUnrecorded, String oursByHeaderOnly)
        implements PlatformDetails {
    /**
     * {@code path}, where a directory should be, is a symbolic link to {@code linkTarget}, or (linkTarget null) anything
     * but a directory: Port853 writes its drop-in into neither.
     */
    public record NoDirectory(String path, String linkTarget) {
        /** What is at {@code dir} when it is no directory; empty when it is one or missing (apply creates it). */
        static java.util.Optional<NoDirectory> at(java.nio.file.Path dir) {
            if (java.nio.file.Files.isSymbolicLink(dir)) {
                String target;
                try {
                    // as a path from anywhere: a relative target is relative to the link's folder
                    target = dir.resolveSibling(java.nio.file.Files.readSymbolicLink(dir)).normalize().toString();
                } catch (java.io.IOException | SecurityException e) {
                    target = "?";
                }
                return java.util.Optional.of(new NoDirectory(dir.toString(), target));
            }
            return java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)
                    ? java.util.Optional.of(new NoDirectory(dir.toString(), null)) : java.util.Optional.empty();
        }
    }

    /** systemd-resolved's main configuration file, which the drop-ins amend. */
    static final String MAIN_CONF = "/etc/systemd/resolved.conf";
    static final LinuxDetails UNKNOWN = new LinuxDetails(0, null, List.of());

    public LinuxDetails {
        dropIns = List.copyOf(dropIns);
        unicodeTlsNames = unicodeTlsNames == null ? UnicodeTlsNames.UNKNOWN : unicodeTlsNames;
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked, String journalProblem,
                        String ourDropInLink, String mainConf, String dnsOverTlsDefault, boolean filesChangedSinceStart,
                        NoDirectory dropInDirectory, boolean mainConfPipe, String pipeOursMasks, String mainConfDns) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, resolvedMasked,
                journalProblem, ourDropInLink, mainConf, dnsOverTlsDefault, filesChangedSinceStart, dropInDirectory,
                mainConfPipe, pipeOursMasks, mainConfDns, UnicodeTlsNames.UNKNOWN);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked, String journalProblem,
                        String ourDropInLink, String mainConf, String dnsOverTlsDefault, boolean filesChangedSinceStart,
                        NoDirectory dropInDirectory, boolean mainConfPipe, String pipeOursMasks, String mainConfDns,
                        UnicodeTlsNames unicodeTlsNames, boolean revertScopeUnrecorded) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, resolvedMasked,
                journalProblem, ourDropInLink, mainConf, dnsOverTlsDefault, filesChangedSinceStart, dropInDirectory,
                mainConfPipe, pipeOursMasks, mainConfDns, unicodeTlsNames, revertScopeUnrecorded, null);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked, String journalProblem,
                        String ourDropInLink, String mainConf, String dnsOverTlsDefault, boolean filesChangedSinceStart,
                        NoDirectory dropInDirectory, boolean mainConfPipe, String pipeOursMasks, String mainConfDns,
                        UnicodeTlsNames unicodeTlsNames) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, resolvedMasked,
                journalProblem, ourDropInLink, mainConf, dnsOverTlsDefault, filesChangedSinceStart, dropInDirectory,
                mainConfPipe, pipeOursMasks, mainConfDns, unicodeTlsNames, false);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns) {
        this(systemdVersion, resolvConf, dropIns, null);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade) {
        this(systemdVersion, resolvConf, dropIns, downgrade, true);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, null);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, false);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, resolvedMasked, null);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked, String journalProblem) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, resolvedMasked,
                journalProblem, null);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked, String journalProblem,
                        String ourDropInLink) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, resolvedMasked,
                journalProblem, ourDropInLink, MAIN_CONF, null, false);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked, String journalProblem,
                        String ourDropInLink, String mainConf, String dnsOverTlsDefault, boolean filesChangedSinceStart) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, resolvedMasked,
                journalProblem, ourDropInLink, mainConf, dnsOverTlsDefault, filesChangedSinceStart, null, false);
    }

    public LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns, Downgrade downgrade,
                        boolean systemdBooted, String mainConfDnsOverTls, boolean resolvedMasked, String journalProblem,
                        String ourDropInLink, String mainConf, String dnsOverTlsDefault, boolean filesChangedSinceStart,
                        NoDirectory dropInDirectory, boolean mainConfPipe) {
        this(systemdVersion, resolvConf, dropIns, downgrade, systemdBooted, mainConfDnsOverTls, resolvedMasked,
                journalProblem, ourDropInLink, mainConf, dnsOverTlsDefault, filesChangedSinceStart, dropInDirectory,
                mainConfPipe, null, null);
    }

    /** Whether a settings file (resolved.conf or a drop-in) names DNS servers for systemd-resolved's next start. */
    public boolean serversAtNextStart() {
        // an empty DNS= empties the list the files before it gave
        org.port853.core.SettingElsewhere last = ResolvedConfFiles.lastSetting("DNS", mainKeyRead("DNS", mainConfDns),
                mainConf, DropInsInForce.read(dropIns), d -> true);
        return last != null && last.value() != null && !last.value().isBlank();
    }

    /**
     * DNSOverTLS= as systemd-resolved takes it when it next starts: the file that sets it and its value, or the built-in
     * default with no file ({@code file} null) where none sets it; null when no file changed since it started (what it
     * runs is what they held then: a restart changes nothing, so there is nothing to tell) or when that is not known
     * (the files were not read, one could not be, or the default is not known).
     */
    public SettingElsewhere encryptionAtNextStart() {
        List<DropIn> read = DropInsInForce.read(dropIns);
        if (!filesChangedSinceStart || resolvConf == null || read.stream().anyMatch(d -> d.error() != null)) {
            return null;
        }
        SettingElsewhere set = ResolvedConfFiles.lastSetting("DNSOverTLS", mainKeyRead("DNSOverTLS", mainConfDnsOverTls),
                mainConf, read, d -> true);
        return set != null ? set : dnsOverTlsDefault != null ? new SettingElsewhere(null, dnsOverTlsDefault)
                : upstreamDefaultAtNextStart() ? new SettingElsewhere(null, ResolvedFeatures.BUILT_IN_DNS_OVER_TLS) : null;
    }

    /**
     * The next start runs on systemd's own built-in DNSOverTLS= ({@link ResolvedFeatures#BUILT_IN_DNS_OVER_TLS}), as the
     * main file has no comment that gives this build's: said only where resolved reads no settings file at all, where
     * that default is all it has (a build may have changed it, which the message says).
     */
    public boolean upstreamDefaultAtNextStart() {
        return dnsOverTlsDefault == null && !DropInsInForce.readsMainFile(dropIns);
    }

    /**
     * The main file's {@code key} set to {@code value} (null: it sets none) as resolved reads it with the drop-ins as they
     * are: nothing where it stops at a file that makes it ignore every settings file.
     */
    private Map<String, String> mainKeyRead(String key, String value) {
        return value == null || !DropInsInForce.readsMainFile(dropIns) ? Map.of() : Map.of(key, value);
    }

    @Override
    public String platformId() {
        return "linux";
    }

    @Override
    public String versionText() {
        return systemdVersion > 0 ? "systemd " + systemdVersion : null;
    }

    @Override
    public ResolvConfState resolverFile() {
        return resolvConf;
    }

    /**
     * The last file in systemd's order that sets {@code DNSOverTLS=} (the one that wins), unless it is Port853's
     * drop-in; the main resolved.conf when no drop-in sets it. Null when the drop-ins were not read, or where resolved
     * reads no settings file at all.
     */
    @Override
    public String encryptionSetOutside() {
        if (resolvConf == null) {
            return null;
        }
        DropIn last = lastSettingEncryption(true, DropInsInForce.read(dropIns));
        if (last == null) { // where resolved reads no settings file, the main one does not set it either
            return DropInsInForce.readsMainFile(dropIns) ? mainConf : null;
        }
        return last.ours() ? null : last.path();
    }

    /** The drop-in at {@code file} carries the header of 'port853 export': a drop-in a fleet playbook deployed. */
    @Override
    public boolean isExportedCopy(String file) {
        DropIn d = othersDropIn(file);
        return d != null && d.exported();
    }

    /** The drop-in at {@code file} has the name of Port853's drop-in, but is not Port853's own, nor an exported copy. */
    @Override
    public boolean isAtOurPathNotOurs(String file) {
        DropIn d = othersDropIn(file);
        return d != null && !d.exported() && d.path().endsWith("/" + LinuxPaths.DROP_IN_NAME);
    }

    /** The drop-in read at {@code file} unless it is Port853's own; null when none is (or it is the main file). */
    private DropIn othersDropIn(String file) {
        return dropIns.stream().filter(d -> !d.ours() && d.path().equals(file)).findFirst().orElse(null);
    }

    /** The last file other than Port853's drop-in that sets DNS-over-TLS to something other than "no". */
    @Override
    public SettingElsewhere encryptionAfterRevert() {
        DropIn file = lastSettingEncryption(false, DropInsInForce.readOnceOursIsWritten(dropIns));
        SettingElsewhere last = file != null ? new SettingElsewhere(file.path(), file.keys().get("DNSOverTLS"))
                : mainConfDnsOverTls == null || !DropInsInForce.readsMainFileOnceOursIsWritten(dropIns) ? null
                : new SettingElsewhere(mainConf, mainConfDnsOverTls);
        return last == null || !turnsOn(last.value()) ? null : last;
    }

    private static boolean turnsOn(String dnsOverTls) {
        try {
            DotMode m = DotMode.parseOrNull(dnsOverTls);
            return m != null && m != DotMode.OFF;
        } catch (org.port853.core.InvalidInputException e) {
            return false; // a spelling Port853 does not read ("1", "on"): said nothing of rather than guessed
        }
    }

    /** The last drop-in read after Port853's that sets {@code key}; one past where resolved stops reading is not. */
    @Override
    public SettingElsewhere settingAfterOurs(String key) {
        List<DropIn> read = DropInsInForce.readOnceOursIsWritten(dropIns);
        DropIn last = null;
        for (DropIn d : read) {
            if (!d.ours() && DropInScanner.readAfterOurs(d.path())
                    && !ResolvedConf.effectiveKeysAmong(d.keys(), java.util.Set.of(key)).isEmpty()) {
                last = d;
            }
        }
        return last == null ? null : new SettingElsewhere(last.path(), last.keys().get(key),
                OverriddenByLater.of(read, last, java.util.Set.of(key)));
    }

    /**
     * The last drop-in that sets DNSOverTLS= (the one that wins), Port853's own counted only {@code withOurs}; one past
     * where resolved stops reading is not.
     */
    private static DropIn lastSettingEncryption(boolean withOurs, List<DropIn> read) {
        DropIn last = null;
        for (DropIn d : read) {
            if ((withOurs || !d.ours()) && d.keys().containsKey("DNSOverTLS")) {
                last = d;
            }
        }
        return last;
    }

    /**
     * The DNSSEC= line of Port853's drop-in; null without one, with a value resolved does not take either, or where a
     * file that sorts after ours sets DNSSEC= too: the system has that file's setting, which writing ours again would
     * only collide with (apply refuses a drop-in that another overrides). One past where resolved stops reading sets
     * nothing the system has.
     */
    @Override
    public DnssecMode ownDnssec() {
        if (DropInsInForce.readOnceOursIsWritten(dropIns).stream()
                .anyMatch(d -> d.overridesOurs() && d.keys().containsKey("DNSSEC"))) {
            return null;
        }
        return dropIns.stream().filter(DropIn::ours).map(d -> d.keys().get("DNSSEC")).filter(Objects::nonNull)
                .findFirst().map(LinuxDetails::dnssecOrNull).orElse(null);
    }

    private static DnssecMode dnssecOrNull(String value) {
        try {
            return DnssecMode.parseOrNull(value);
        } catch (org.port853.core.InvalidInputException e) {
            return null;
        }
    }

    /** The drop-ins as status lists them; the same files as {@link #jsonFields()}' dropIns. */
    @Override
    public List<org.port853.core.SettingsFile> settingsFiles() {
        return DropInsInForce.of(dropIns);
    }

    /** The documented status fields: systemdVersion, resolvConf {kind, target, nameservers, readByCLibrary}, dropIns [...]. */
    @Override
    public Map<String, Object> jsonFields() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("systemdVersion", systemdVersion);
        Map<String, Object> rc = new LinkedHashMap<>();
        if (resolvConf != null) {
            rc.put("kind", resolvConf.kind().name());
            if (resolvConf.fileType() != null) {
                rc.put("fileType", resolvConf.fileType().name());
            }
            rc.put("target", resolvConf.target());
            rc.put("nameservers", resolvConf.nameservers());
            rc.put("readByCLibrary", resolvConf.readByCLibrary());
        }
        o.put("resolvConf", rc);
        o.put("dropIns", dropIns.stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", d.path());
            m.put("ours", d.ours());
            m.put("exported", d.exported());
            m.put("overridesOurs", d.overridesOurs());
            m.put("error", d.error());
            m.put("skippedLine", d.skippedLine());
            m.put("hidesOurs", d.hidesOurs());
            return m;
        }).toList());
        return o;
    }
}
