package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.freedesktop.dbus.exceptions.DBusException;
import org.port853.change.ResolverControl;
import org.port853.helper.UnitEnablement;
import org.port853.platform.ProcessRunner;

/**
 * Makes systemd-resolved read its files again through systemctl (fixed arguments, no shell): reload from 256,
 * restart before; then checks it with {@link ResolvedHealthCheck}.
 */
public final class ResolvedControl implements ResolverControl {
    static final String UNIT = "systemd-resolved.service";
    private static final Duration START_WAIT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SYSTEMCTL_WAIT = Duration.ofSeconds(60);

    private final LinuxPaths paths;
    private final ResolvedFeatures features;
    private final String probeName;

    public ResolvedControl(LinuxPaths paths, int systemdVersion, String probeName) {
        this.paths = paths;
        this.features = new ResolvedFeatures(systemdVersion);
        this.probeName = probeName;
    }

    /** Only where {@code systemctl enable} turns it on (static, masked, alias... are not ours to turn): {@link UnitEnablement}. */
    @Override
    public boolean offAtBoot() throws IOException {
        return UnitEnablement.ask(paths.systemctl(), UNIT, SYSTEMCTL_WAIT).orElse(null) == UnitEnablement.AtBoot.OFF;
    }

    @Override
    public void enableAtBoot() throws IOException {
        systemctl("enable", UNIT);
    }

    /**
     * Not while /etc/resolv.conf leads to systemd-resolved (a link to its stub or uplink file, or a file of its own
     * naming only the stub): after a reboot it would lead nowhere.
     */
    @Override
    public boolean disableAtBoot() throws IOException {
        if (ResolvConfInspector.usesResolved(paths.resolvConf())) {
            return false;
        }
        systemctl("disable", UNIT);
        return true;
    }

    @Override
    public boolean networkUp() {
        return NetworkRoutes.defaultRouteUp();
    }

    /** As status reads it: resolved's name on the bus, or without a bus the process table. */
    @Override
    public boolean running() {
        try (ResolvedBus bus = ResolvedBus.connect()) {
            return bus.resolvedRunning(CALL_TIMEOUT);
        } catch (DBusException | IOException e) {
            return ResolverProcess.runningHere(paths.resolvedBinary().getFileName().toString());
        }
    }

    /** /run/systemd/system exists: systemd is the init system (what systemctl itself checks). */
    @Override
    public boolean servicesRun() {
        return java.nio.file.Files.isDirectory(paths.systemdRuntime());
    }

    @Override
    public void reload() throws IOException {
        systemctl(features.reloadVerb(), UNIT);
        waitForBus();
        // a reload (256+) keeps a global routing domain that no file sets any more (seen on 257 and 262: a removed
        // Domains=~. stays in force, and with it the routing a check then passes on), so then it restarts
        if (features.reloadsInPlace() && keepsRemovedDomains()) {
            systemctl("restart", UNIT);
            waitForBus();
        }
    }

    /** The running resolver has a global domain that the configuration files no longer set. */
    private boolean keepsRemovedDomains() {
        java.util.Set<String> configured = ConfiguredDomains.of(paths, features.version());
        try (ResolvedBus bus = ResolvedBus.connect()) {
            return BusValues.domains(BusValues.value(bus.managerProperties(CALL_TIMEOUT), "Domains"), true, true)
                    .stream().map(org.port853.core.DomainEntry::toString).anyMatch(d -> !configured.contains(d));
        } catch (DBusException | IOException | RuntimeException e) {
            return false; // not readable now: the health check that follows looks at what runs
        }
    }

    private void waitForBus() throws IOException {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (ResolvedBus bus = ResolvedBus.connect()) {
                if (bus.resolvedRunning(CALL_TIMEOUT)) {
                    return;
                }
            } catch (DBusException | IOException e) {
                // the bus or the service is still coming up
            }
            sleep(100);
        }
        throw new IOException("systemd-resolved did not come back on D-Bus within " + START_WAIT.toSeconds() + " s");
    }

    @Override
    public Health check(boolean requireEncrypted) {
        return new ResolvedHealthCheck(new BusLookups(paths), new LiveTransportCapture(), features, probeName,
                ResolvedHealthCheck.WINDOW)
                .check(requireEncrypted);
    }

    private void systemctl(String verb, String unit) throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(List.of(paths.systemctl().toString(), verb, unit), null,
                SYSTEMCTL_WAIT);
        if (!r.ok()) {
            throw new IOException("systemctl " + verb + " " + unit + " failed"
                    + (r.timedOut() ? " (timed out)" : ": " + oneLine(r.stderr())));
        }
    }

    /** systemctl's complaint in one line: results are one sentence (its "See journalctl …" advice included). */
    static String oneLine(String stderr) {
        String line = stderr.strip().replaceAll("\\s*\\R\\s*", "; ");
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
