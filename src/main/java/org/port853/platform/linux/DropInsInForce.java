package org.port853.platform.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.port853.core.DropIn;
import org.port853.core.SettingElsewhere;
import org.port853.core.SettingsFile;
import org.port853.core.SettingsFile.Outcome;
import org.port853.core.SettingsFile.Owner;

/**
 * The drop-ins as systemd-resolved reads them, each setting marked with what became of it: a later file's value of the
 * same key wins, a list key (DNS=, Domains=, ...) adds to the files before unless a later file clears it, and a value
 * resolved cannot parse it ignores. Where the scanner found that resolved stops reading ({@link DropIn#stop}), it reads
 * none from that file on, or no file at all.
 */
final class DropInsInForce {
    private DropInsInForce() {
    }

    static List<SettingsFile> of(List<DropIn> dropIns) {
        DropIn stopper = stopper(dropIns);
        List<DropIn> read = read(dropIns);
        int stop = read.size();
        List<SettingsFile> files = new ArrayList<>();
        for (int i = 0; i < dropIns.size(); i++) {
            DropIn d = dropIns.get(i);
            List<SettingsFile.Setting> settings = new ArrayList<>();
            for (String key : d.keys().keySet().stream().sorted().toList()) {
                String value = d.keys().get(key);
                settings.add(i >= stop ? new SettingsFile.Setting(key, value, Outcome.NOT_READ, null)
                        : setting(key, value, d, read.subList(i + 1, read.size()), read));
            }
            String unread = d.error() != null || i < stop ? d.error() : (stopper.stop().readsNone()
                    ? "systemd-resolved reads no settings file because of " : "systemd-resolved stops reading at ")
                    + stopper.path();
            files.add(new SettingsFile(d.path(), d.ours() ? Owner.OURS : d.exported() ? Owner.EXPORTED : Owner.OTHER,
                    settings, unread, d.skippedLine()));
        }
        return files;
    }

    /**
     * Where resolved stops reading {@code dropIns} (in the order it reads them): the first file it fails on while it
     * opens them all (from 253), else the first it fails on; null if none.
     */
    static DropIn stopper(List<DropIn> dropIns) {
        return dropIns.stream().filter(d -> d.stop() == DropIn.Stop.ALL_FILES_AT_OPENING).findFirst()
                .or(() -> dropIns.stream().filter(d -> d.stop() != DropIn.Stop.NONE).findFirst()).orElse(null);
    }

    /**
     * The file that hides Port853's drop-in to fix first: where resolved stops now, if it hides ours (from 253 a file it
     * cannot open wins over an earlier one it cannot parse), else the first that hides ours; null if none does.
     */
    static DropIn firstHidingOurs(List<DropIn> dropIns) {
        DropIn stopper = stopper(dropIns);
        return stopper != null && stopper.hidesOurs() ? stopper
                : dropIns.stream().filter(DropIn::hidesOurs).findFirst().orElse(null);
    }

    /** Where resolved stops reading before it reaches {@code d}, one of {@code dropIns}; null where it reads d. */
    static DropIn stopBefore(List<DropIn> dropIns, DropIn d) {
        return read(dropIns).contains(d) ? null : stopper(dropIns);
    }

    /**
     * What resolved reads once Port853 has written its drop-in (apply writes it readable) or removed it (revert): a stop
     * at the file of Port853's name, one resolved cannot open or parse now, is gone then. What a later file overrides
     * after an apply, and what stays on after a revert, are judged by this; what is in force now by {@link #read}.
     */
    static List<DropIn> readOnceOursIsWritten(List<DropIn> dropIns) {
        return read(oursWritten(dropIns));
    }

    /** {@code dropIns} with the stop at the file of Port853's name gone, as an apply writes it readable. */
    private static List<DropIn> oursWritten(List<DropIn> dropIns) {
        return dropIns.stream().map(d -> d.stop() != DropIn.Stop.NONE && atOurName(d) ? d.withoutStop() : d).toList();
    }

    private static boolean atOurName(DropIn d) {
        return java.nio.file.Path.of(d.path()).getFileName().toString().equals(LinuxPaths.DROP_IN_NAME);
    }

    /**
     * Whether resolved reads the main resolved.conf with {@code dropIns} (as {@link #read} or {@link
     * #readOnceOursIsWritten} give them): not where it stops at a file that makes it ignore every settings file.
     */
    static boolean readsMainFile(List<DropIn> dropIns) {
        DropIn stopper = stopper(dropIns);
        return stopper == null || !stopper.stop().readsNone();
    }

    /** As {@link #readsMainFile}, once Port853 has written its drop-in ({@link #readOnceOursIsWritten}). */
    static boolean readsMainFileOnceOursIsWritten(List<DropIn> dropIns) {
        return readsMainFile(oursWritten(dropIns));
    }

    /**
     * The settings files resolved does not read because it stops at {@code stopper}, the first of {@code dropIns} where
     * it stops: the drop-ins after it, and where it reads no file at all the ones before it and the main file {@code
     * mainConf} too.
     */
    static List<String> unreadBecauseOf(List<DropIn> dropIns, DropIn stopper, String mainConf) {
        List<DropIn> read = read(dropIns);
        List<String> unread = new ArrayList<>();
        if (!readsMainFile(dropIns) && mainConf != null && !mainConf.equals(stopper.path())) {
            unread.add(mainConf);
        }
        dropIns.stream().filter(d -> !d.equals(stopper) && !read.contains(d) && !d.path().equals(mainConf))
                .forEach(d -> unread.add(d.path()));
        return unread;
    }

    /** The leading part of {@code dropIns} (in the order resolved reads them) that resolved reads. */
    static List<DropIn> read(List<DropIn> dropIns) {
        DropIn stopper = stopper(dropIns);
        return stopper == null ? dropIns
                : dropIns.subList(0, stopper.stop().readsNone() ? 0 : dropIns.indexOf(stopper));
    }

    private static SettingsFile.Setting setting(String key, String value, DropIn file, List<DropIn> later,
                                                List<DropIn> read) {
        if (!ResolvedConf.takesEffect(key, value)) {
            return new SettingsFile.Setting(key, value, Outcome.IGNORED, null);
        }
        String winner;
        if (ResolvedConf.LIST_KEYS.contains(key)) {
            winner = later.stream().filter(d -> d.clearedLists().contains(key)).reduce((a, b) -> b)
                    .map(DropIn::path).orElse(file.path());
        } else {
            SettingElsewhere last = ResolvedConfFiles.lastSetting(key, Map.of(), null, read, d -> true);
            winner = last == null ? file.path() : last.file();
        }
        return winner.equals(file.path()) ? new SettingsFile.Setting(key, value, Outcome.IN_FORCE, null)
                : new SettingsFile.Setting(key, value, Outcome.OVERRIDDEN, winner);
    }
}
