package org.port853.platform.linux;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.port853.core.DropIn;
import org.port853.core.SettingElsewhere;

/** The [Resolve] keys of the main resolved.conf (drop-ins come with the state's DropIn list). */
public final class ResolvedConfFiles {
    private ResolvedConfFiles() {
    }

    /** The keys of the main file this system's resolved reads (its version unknown here: the newest search). */
    public static Map<String, String> mainFileKeys() {
        return mainFileKeys(LinuxPaths.system(), 0);
    }

    /** The main file's keys under {@code paths}; none when it is missing or cannot be read. */
    static Map<String, String> mainFileKeys(LinuxPaths paths, int systemdVersion) {
        return ResolvedConf.parse(mainFileText(paths, systemdVersion)).keys();
    }

    /** The main file's text; empty when it is missing or cannot be read (then it sets nothing). */
    static String mainFileText(LinuxPaths paths, int systemdVersion) {
        try {
            return org.port853.core.RegularFiles.readString(paths.mainConf(systemdVersion));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The value the main file's comment gives for {@code key} ("#DNSOverTLS=no"; {@code mainText}: its text):
     * systemd ships resolved.conf with each setting commented out at its built-in default. Null when there is no such
     * comment, more than one (an administrator's own, such as a setting commented out again, may say anything), or a
     * value resolved would not take.
     */
    static String commentedDefault(String mainText, String key) {
        List<String> found = new java.util.ArrayList<>();
        for (String line : mainText.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("#") && l.substring(1).strip().startsWith(key + "=")) {
                found.add(l.substring(l.indexOf('=') + 1).strip());
            }
        }
        return found.size() == 1 && ResolvedConf.takesEffect(key, found.get(0)) ? found.get(0) : null;
    }

    /**
     * Whether a settings file may have changed since resolved started at {@code started}: the main file, a drop-in
     * directory (a file added, removed or replaced) or a drop-in (links followed) was modified after it. False when
     * the start is not known, or nothing can be read: then nothing is said of files it has not read.
     */
    static boolean changedSince(java.time.Instant started, LinuxPaths paths, int systemdVersion, List<DropIn> dropIns) {
        if (started == null) {
            return false;
        }
        List<java.nio.file.Path> files = new java.util.ArrayList<>(paths.dropInDirs());
        files.add(paths.mainConf(systemdVersion));
        dropIns.forEach(d -> files.add(java.nio.file.Path.of(d.path())));
        for (java.nio.file.Path f : files) {
            try {
                if (java.nio.file.Files.getLastModifiedTime(f).toInstant().isAfter(started)) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // missing (no such directory), or not readable: no sign of a change
            }
        }
        return false;
    }

    /**
     * The value of {@code key} that resolved takes from the main file {@code mainConf} (its keys {@code mainKeys}) and
     * the drop-ins {@code counted} of {@code dropIns} (the last that sets a value it can parse wins), and its file; null
     * when none sets it.
     */
    static SettingElsewhere lastSetting(String key, Map<String, String> mainKeys, String mainConf, List<DropIn> dropIns,
                                        Predicate<DropIn> counted) {
        SettingElsewhere last = ResolvedConf.takesEffect(key, mainKeys.get(key))
                ? new SettingElsewhere(mainConf, mainKeys.get(key)) : null;
        for (DropIn d : dropIns) {
            if (counted.test(d) && d.keys().containsKey(key) && ResolvedConf.takesEffect(key, d.keys().get(key))) {
                last = new SettingElsewhere(d.path(), d.keys().get(key));
            }
        }
        return last;
    }

    /**
     * The effective [Resolve] keys: the main file's, then {@code dropIns}' in the order resolved reads them; a value
     * resolved cannot parse ("Cache=sometimes") it ignores, keeping what came before; a list key (DNS=, Domains=,
     * DNSStubListenerExtra=, ...) adds to what the files before set, unless it clears it. Where resolved stops reading
     * ({@link DropInsInForce#read}), the files from there on set nothing, nor does the main file where it reads none.
     */
    public static Map<String, String> effectiveKeys(List<DropIn> dropIns) {
        return effectiveKeys(mainFileKeys(), dropIns);
    }

    /** As above, from the main file's keys. */
    static Map<String, String> effectiveKeys(Map<String, String> mainKeys, List<DropIn> dropIns) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (DropInsInForce.readsMainFile(dropIns)) {
            putTaken(keys, mainKeys);
        }
        DropInsInForce.read(dropIns).forEach(d -> {
            d.clearedLists().forEach(k -> keys.put(k, "")); // what it sets after clearing comes next
            putTaken(keys, d.keys());
        });
        return keys;
    }

    private static void putTaken(Map<String, String> into, Map<String, String> from) {
        from.forEach((k, v) -> {
            if (ResolvedConf.takesEffect(k, v)) {
                into.put(k, ResolvedConf.assigned(k, into.get(k), v));
            }
        });
    }
}
