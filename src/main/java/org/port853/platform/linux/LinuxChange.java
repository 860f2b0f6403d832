package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.port853.change.ChangeEngine;
import org.port853.change.CreatedDirectories;
import org.port853.change.ItemSnapshot;
import org.port853.change.JournalStore;
import org.port853.change.ResolverControl;
import org.port853.change.Surroundings;
import org.port853.core.DesiredSettings;
import org.port853.core.DropIn;
import org.port853.core.Sentence;
import org.port853.helper.HelperRequest;
import org.port853.helper.PortHardening;
import org.port853.helper.PrivilegedPlatform;
import org.port853.platform.ApplyResult;
import org.port853.platform.OperatingSystem;

/** The Linux pieces the privileged helper needs, built from the real system paths only. */
public final class LinuxChange implements PrivilegedPlatform {
    static final String PROBE_NAME = "example.com";

    private final LinuxPaths paths;
    private final int systemdVersion;
    private final ResolvedPlanner planner;
    private final Supplier<String> runningStubListener;

    /** For {@link java.util.ServiceLoader}: the real system, version probed on first use. */
    public LinuxChange() {
        this(LinuxPaths.system(), -1, StubListenerSetting::running);
    }

    /** {@code runningStubListener}: resolved's DNSStubListener= as it runs, or null when that cannot be read. */
    LinuxChange(LinuxPaths paths, int systemdVersion, Supplier<String> runningStubListener) {
        this.paths = paths;
        this.systemdVersion = systemdVersion;
        this.planner = new ResolvedPlanner(paths);
        this.runningStubListener = runningStubListener;
    }

    public static LinuxChange onThisSystem() {
        LinuxPaths p = LinuxPaths.system();
        return new LinuxChange(p, SystemdVersion.probe(p), StubListenerSetting::running);
    }

    private int version() {
        return systemdVersion >= 0 ? systemdVersion : SystemdVersion.probe(paths);
    }

    @Override
    public boolean isSupported() {
        return OperatingSystem.isLinux();
    }

    @Override
    public Optional<String> refusal(DesiredSettings s) {
        return refusalSaid(s).map(Sentence::english);
    }

    @Override
    public Optional<Sentence> refusalSaid(DesiredSettings s) {
        int version = version();
        return planner.refusalSaid(s, version, DropInScanner.scan(paths, version));
    }

    /** The caller's check is not trusted: a link to a stub that does not listen is refused here too. */
    @Override
    public Optional<Sentence> refusalSaid(HelperRequest r) {
        int version = version();
        List<DropIn> dropIns = DropInScanner.scan(paths, version);
        return planner.refusalSaid(r.settings(), version, dropIns).or(() -> planner.linkRefusal(r.linkResolverFile(),
                () -> StubListenerSetting.off(runningStubListener, dropIns)));
    }

    /** {@code restoring}: what the revert writes back (ChangeEngine); only a removal of Port853's drop-in unmasks. */
    @Override
    public Optional<Sentence> revertRefusal(List<ItemSnapshot> restoring) {
        int version = version();
        boolean removesOurs = restoring.stream().anyMatch(i -> !i.present()
                && i.key().equals(FileItemStore.key(paths.ourDropIn())));
        return planner.revertRefusal(version, DropInScanner.scan(paths, version), removesOurs);
    }

    @Override
    public PortHardening hardening(Duration lockWait) {
        return new PortHardening(PortHardening.SYSTEM_FILE, List.of("nft"), paths.stateDir(), lockWait,
                paths.systemctl());
    }

    private CreatedDirectories createdDirectories() {
        return new CreatedDirectories(paths.stateDir());
    }

    @Override
    public List<ItemSnapshot> targetItems(HelperRequest r) {
        return planner.targetFiles(r.settings(), r.linkResolverFile(), version());
    }

    @Override
    public ChangeEngine engine(Duration lockWait) {
        return engine(lockWait, new ResolvedControl(paths, version(), PROBE_NAME));
    }

    ChangeEngine engine(Duration lockWait, ResolverControl resolver) {
        return new ChangeEngine(new JournalStore(paths.stateDir()),
                new FileItemStore(Set.of(paths.ourDropIn(), paths.resolvConf())), resolver, lockWait,
                () -> pristine(paths.ourDropIn()), this::shown, new DropInDirectory(), this::linkAtOurPath);
    }

    /** Apply refuses to write through a symbolic link at Port853's drop-in path (ResolvedPlanner's refused.symlink). */
    private boolean linkAtOurPath(ItemSnapshot now) {
        return now.key().equals(FileItemStore.key(paths.ourDropIn())) && FileItemStore.symlinkTarget(now) != null;
    }

    /**
     * Debian and Ubuntu ship no /etc/systemd/resolved.conf.d: it is created (0755) for our drop-in, and goes again
     * once a revert leaves it empty, if Port853 created it.
     */
    private final class DropInDirectory implements Surroundings {
        @Override
        public void prepare() throws IOException {
            createdDirectories().ensure(paths.ourDropIn().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        @Override
        public void tidy() throws IOException {
            createdDirectories().removeIfEmpty(paths.ourDropIn().getParent());
        }
    }

    /** A default route in /proc/net/route or /proc/net/ipv6_route on an interface other than lo. */
    @Override
    public boolean networkUp() {
        return NetworkRoutes.defaultRouteUp();
    }

    /** Results show our drop-in as {@code "dropIn": {"path", "content"}} (the documented --json field). */
    private ApplyResult.Item shown(ItemSnapshot s) {
        if (!s.key().equals(FileItemStore.key(paths.ourDropIn()))) {
            return null;
        }
        return new ApplyResult.Item("dropIn", paths.ourDropIn().toString(), s.present() ? s.content() : null);
    }

    /** The result item for a result that did not come from the engine (a refusal, a failed helper). */
    static ApplyResult.Item noDropIn() {
        return new ApplyResult.Item("dropIn", null, null);
    }

    /**
     * Without a journal, revert may only remove a drop-in that carries our header: a file someone else put at
     * our path (or one a previous revert restored) is not ours to delete. Apply takes the same as the baseline.
     */
    static List<ItemSnapshot> pristine(Path ourDropIn) {
        return DropInRenderer.rendered(ourDropIn) ? List.of(FileItemStore.absent(ourDropIn)) : List.of();
    }
}
