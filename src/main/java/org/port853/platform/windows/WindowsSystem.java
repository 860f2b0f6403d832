package org.port853.platform.windows;

import java.nio.file.Path;
import java.time.Duration;
import org.port853.platform.windows.jna.JnaDnsProbe;
import org.port853.platform.windows.jna.JnaRegistry;
import org.port853.platform.windows.jna.ShellElevation;

/** Everything the Windows adapter touches on the machine, in one place so that tests can replace all of it. */
public record WindowsSystem(CommandRunner runner, WindowsRegistry registry, DnsProbe probe, Elevation elevation,
                            Path stateDir) {
    public static WindowsSystem real() {
        String programData = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
        return new WindowsSystem(new SystemCommandRunner(Duration.ofSeconds(30)), new JnaRegistry(), new JnaDnsProbe(),
                new ShellElevation(), Path.of(programData, "Port853"));
    }

    /**
     * Where the change engine puts its public "change pending" marker: a folder inside the state folder that
     * {@link IcaclsGuard} opens for reading to Users, since the state folder itself is for Administrators and SYSTEM.
     */
    public Path markerDir() {
        return stateDir.resolve(MARKER_FOLDER);
    }

    public static final String MARKER_FOLDER = "status";

    public WindowsStateReader reader() {
        return new WindowsStateReader(runner, registry);
    }
}
