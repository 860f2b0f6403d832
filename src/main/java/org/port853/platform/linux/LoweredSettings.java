package org.port853.platform.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.port853.core.DesiredSettings;
import org.port853.core.DropIn;
import org.port853.core.Sentence;
import org.port853.core.SettingElsewhere;

/**
 * What Port853's drop-in, read after the main resolved.conf and the drop-ins before it, lowers of a setting made there:
 * DNS-over-TLS or DNSSEC. Said, not refused: replacing it may be what the user wants, but someone set it on purpose.
 */
final class LoweredSettings {
    private static final List<String> DOT_LEVELS = List.of("off", "opportunistic", "strict");
    private static final List<String> DNSSEC_LEVELS = List.of("no", "allow-downgrade", "yes");

    private LoweredSettings() {
    }

    /**
     * A note for each setting {@code s} lowers, of those in {@code mainKeys} (the main file {@code mainConf}) and in the
     * drop-ins read before Port853's (one read after it that sets the same key is refused).
     */
    static List<Sentence> of(DesiredSettings s, Map<String, String> mainKeys, String mainConf, List<DropIn> dropIns) {
        List<Sentence> notes = new ArrayList<>();
        SettingElsewhere dot = setBefore("DNSOverTLS", mainKeys, mainConf, dropIns);
        int dotNow = dot == null ? -1 : level(dot.value());
        int dotThen = DOT_LEVELS.indexOf(s.mode().name().toLowerCase(Locale.ROOT));
        if (dotThen < dotNow) {
            notes.add(Sentence.of(said("DNS-over-TLS", DOT_LEVELS.get(dotNow), dot.file(), DOT_LEVELS.get(dotThen)),
                    "plan.lowers.dot", dotNow, dot.file(), dotThen));
        }
        SettingElsewhere dnssec = s.dnssec() == null ? null : setBefore("DNSSEC", mainKeys, mainConf, dropIns);
        int dnssecNow = dnssec == null ? -1 : level(dnssec.value());
        int dnssecThen = s.dnssec() == null ? -1 : DNSSEC_LEVELS.indexOf(s.dnssec().resolvedValue());
        if (dnssecThen < dnssecNow) {
            notes.add(Sentence.of(said("DNSSEC", DNSSEC_LEVELS.get(dnssecNow), dnssec.file(),
                    DNSSEC_LEVELS.get(dnssecThen)), "plan.lowers.dnssec", dnssecNow, dnssec.file(), dnssecThen));
        }
        return notes;
    }

    private static String said(String setting, String from, String file, String to) {
        return "this lowers " + setting + " from " + from + " (set in " + file + ") to " + to + ": Port853's drop-in "
                + "is read after that file, so it wins until 'port853 revert'";
    }

    /** The value of {@code key} resolved would take without Port853's drop-in, and its file; null when none sets it. */
    private static SettingElsewhere setBefore(String key, Map<String, String> mainKeys, String mainConf,
                                              List<DropIn> dropIns) {
        return ResolvedConfFiles.lastSetting(key, mainKeys, mainConf, dropIns, d -> readBeforeOurs(d.path()));
    }

    /** Read before Port853's drop-in: not after it, and not at its name (Port853's own, or replaced by it). */
    private static boolean readBeforeOurs(String path) {
        return !DropInScanner.readAfterOurs(path)
                && !java.nio.file.Path.of(path).getFileName().toString().equals(LinuxPaths.DROP_IN_NAME);
    }

    /** 0 off, 1 opportunistic or allow-downgrade, 2 on (strict, or DNSSEC=yes), for a value resolved takes. */
    static int level(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("opportunistic") || v.equals("allow-downgrade") ? 1 : ResolvedConf.isTrue(v) ? 2 : 0;
    }
}
