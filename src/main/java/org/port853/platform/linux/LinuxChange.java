package org.port853.platform.linux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.port853.core.DesiredSettings;
import org.port853.helper.ChangeEngine;
import org.port853.helper.FileSnapshot;
import org.port853.helper.HelperRequest;
import org.port853.helper.JournalStore;

/** The Linux pieces the privileged helper needs, built from the real system paths only. */
public final class LinuxChange {
    static final String PROBE_NAME = "example.com";

    private final LinuxPaths paths;
    private final int systemdVersion;
    private final ResolvedPlanner planner;

    LinuxChange(LinuxPaths paths, int systemdVersion) {
        this.paths = paths;
        this.systemdVersion = systemdVersion;
        this.planner = new ResolvedPlanner(paths);
    }

    public static LinuxChange onThisSystem() {
        LinuxPaths p = LinuxPaths.system();
        return new LinuxChange(p, SystemdVersion.probe(p));
    }

    public Optional<String> refusal(DesiredSettings s) {
        return planner.refusal(s, systemdVersion, DropInScanner.scan(paths));
    }

    /** Debian and Ubuntu ship no /etc/systemd/resolved.conf.d: create it (0755) for our drop-in. */
    public void prepareDirectories() throws java.io.IOException {
        org.port853.helper.AtomicFiles.ensureDirectory(paths.ourDropIn().getParent(),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public List<FileSnapshot> targetFiles(HelperRequest r) {
        return planner.targetFiles(r.settings(), r.linkResolvConf());
    }

    public ChangeEngine engine(Duration lockWait) {
        return new ChangeEngine(new JournalStore(paths.stateDir()),
                new ResolvedControl(paths, systemdVersion, PROBE_NAME), this::owned, lockWait,
                pristine());
    }

    /**
     * Without a journal, revert may only remove a drop-in that carries our header: a file someone else put at
     * our path (or one a previous revert restored) is not ours to delete.
     */
    private List<FileSnapshot> pristine() {
        try {
            FileSnapshot now = FileSnapshot.read(paths.ourDropIn());
            boolean ours = now.content() != null && now.content().startsWith(DropInRenderer.HEADER);
            return ours ? List.of(FileSnapshot.absent(paths.ourDropIn())) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private boolean owned(Path p) {
        return p.equals(paths.ourDropIn()) || p.equals(paths.resolvConf());
    }
}
