package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.change.ItemSnapshot;
import org.port853.platform.FileChange;
import org.port853.platform.Plan;

/**
 * Decides what files a change to systemd-resolved needs, or refuses it with a reason. Used twice: unprivileged
 * for the preview, and again by the privileged helper, which trusts nothing the caller computed.
 */
public final class ResolvedPlanner {
    static final int FIRST_DOT_VERSION = LinuxRules.FIRST_DOT_VERSION;
    static final int FIRST_SNI_VERSION = LinuxRules.FIRST_SNI_VERSION;

    private final LinuxPaths paths;

    public ResolvedPlanner(LinuxPaths paths) {
        this.paths = paths;
    }

    /** Why these settings cannot work here, if they cannot. */
    public Optional<String> refusal(DesiredSettings s, int systemdVersion, List<DropIn> dropIns) {
        if (s.mode() != DotMode.OFF && systemdVersion > 0 && systemdVersion < FIRST_DOT_VERSION) {
            return Optional.of("systemd " + systemdVersion + " has no DNS-over-TLS (it arrived in 239)");
        }
        if (s.mode() == DotMode.STRICT && systemdVersion > 0 && systemdVersion < FIRST_SNI_VERSION) {
            return Optional.of("strict mode needs systemd 246 or later to check the server's certificate name; this "
                    + "system has " + systemdVersion + ". Use opportunistic mode, or upgrade");
        }
        for (DropIn d : dropIns) {
            if (d.overridesOurs()) {
                return Optional.of("the drop-in " + d.path() + " sorts after Port853's file and overrides "
                        + "its settings; remove it or rename it to sort earlier first");
            }
        }
        if (Files.isSymbolicLink(paths.ourDropIn())) {
            return Optional.of(paths.ourDropIn() + " is a symbolic link; Port853 will not write through it");
        }
        return Optional.empty();
    }

    /** The files after the change: our drop-in (absent when the settings hand control back), maybe resolv.conf. */
    public List<ItemSnapshot> targetFiles(DesiredSettings s, boolean linkResolvConf) {
        List<ItemSnapshot> files = new ArrayList<>();
        files.add(s.isOff() ? FileItemStore.absent(paths.ourDropIn())
                : FileItemStore.file(paths.ourDropIn(), DropInRenderer.render(s)));
        if (linkResolvConf) {
            files.add(FileItemStore.symlink(paths.resolvConf(), LinuxPaths.STUB_RESOLV_CONF));
        }
        return files;
    }

    /** The plan, with our drop-in as the main item ("dropIn" in documents). */
    public Plan plan(DesiredSettings s, int systemdVersion, List<DropIn> dropIns, boolean linkResolvConf) {
        return planOf(s, systemdVersion, dropIns, linkResolvConf).withItemKind("dropIn");
    }

    private Plan planOf(DesiredSettings s, int systemdVersion, List<DropIn> dropIns, boolean linkResolvConf) {
        Optional<String> refusal = refusal(s, systemdVersion, dropIns);
        if (refusal.isPresent()) {
            return Plan.refused(refusal.get());
        }
        List<FileChange> changes = new ArrayList<>();
        for (ItemSnapshot target : targetFiles(s, linkResolvConf)) {
            Path file = FileItemStore.path(target.key());
            ItemSnapshot now;
            try {
                now = FileItemStore.read(file);
            } catch (IOException e) {
                return Plan.refused("cannot read " + file + ": " + e.getMessage());
            }
            changes.add(new FileChange(file.toString(), describe(now), describe(target)));
        }
        List<String> actions = new ArrayList<>();
        if (changes.stream().anyMatch(FileChange::changes)) {
            changes.stream().filter(FileChange::changes).forEach(c -> actions.add("write " + c.path()));
            actions.add("systemctl enable " + ResolvedControl.UNIT);
            actions.add("systemctl " + (systemdVersion >= ResolvedControl.FIRST_RELOAD_VERSION ? "reload-or-restart"
                    : "restart") + " " + ResolvedControl.UNIT);
            actions.add("health check: resolve a name through systemd-resolved"
                    + (s.mode() == DotMode.STRICT ? " and require an encrypted answer" : "")
                    + "; roll back if it fails");
        }
        return new Plan(changes, actions, null);
    }

    private static String describe(ItemSnapshot f) {
        if (!f.present()) {
            return null;
        }
        String link = FileItemStore.symlinkTarget(f);
        return link != null ? "-> " + link + "\n" : f.content();
    }
}
