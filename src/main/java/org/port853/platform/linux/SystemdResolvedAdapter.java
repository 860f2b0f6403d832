package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.port853.core.DesiredSettings;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;
import org.port853.platform.ResolverAdapter;

/** systemd-resolved: reads over D-Bus, writes one drop-in through the privileged helper. */
public final class SystemdResolvedAdapter implements ResolverAdapter {
    private final LinuxPaths paths;
    private final ResolvedStateReader reader;
    private final ResolvedPlanner planner;
    private final PrivilegedClient privileged;

    public SystemdResolvedAdapter() {
        this(LinuxPaths.system(), new PrivilegedClient());
    }

    SystemdResolvedAdapter(LinuxPaths paths, PrivilegedClient privileged) {
        this.paths = paths;
        this.reader = new ResolvedStateReader(paths);
        this.planner = new ResolvedPlanner(paths);
        this.privileged = privileged;
    }

    @Override
    public String id() {
        return ResolvedStateReader.NAME;
    }

    @Override
    public boolean isSupported() {
        try {
            return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                    && Files.exists(paths.resolvedBinary());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public ResolverState readState() {
        return reader.read();
    }

    @Override
    public Plan plan(DesiredSettings desired, ResolverState current) {
        return plan(desired, current, false);
    }

    @Override
    public Plan plan(DesiredSettings desired, ResolverState current, boolean linkResolvConf) {
        boolean fixLink = linkResolvConf && current.resolvConf() != null
                && current.resolvConf().kind() != ResolvConfState.Kind.STUB;
        return planner.plan(desired, current.systemdVersion() > 0 ? current.systemdVersion() : reader.systemdVersion(),
                current.dropIns(), fixLink);
    }

    @Override
    public ApplyResult apply(DesiredSettings desired) {
        return apply(desired, false);
    }

    @Override
    public ApplyResult apply(DesiredSettings desired, boolean linkResolvConf) {
        boolean fixLink = linkResolvConf && ResolvConfInspector.inspect(paths.resolvConf()).kind()
                != ResolvConfState.Kind.STUB;
        return send(HelperRequest.apply(desired, fixLink));
    }

    @Override
    public ApplyResult revert() {
        return send(HelperRequest.of(HelperRequest.Action.REVERT));
    }

    @Override
    public ApplyResult recover() {
        return send(HelperRequest.of(HelperRequest.Action.RECOVER));
    }

    private ApplyResult send(HelperRequest r) {
        try {
            return privileged.send(r);
        } catch (IOException e) {
            return new ApplyResult(ApplyResult.Outcome.FAILED, e.getMessage(), null, null, List.of(), false,
                    Duration.ZERO);
        }
    }
}
