package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.freedesktop.dbus.exceptions.DBusException;
import org.port853.change.ResolverControl;
import org.port853.platform.ProcessRunner;

/**
 * Restarts systemd-resolved through systemctl (fixed arguments, no shell) and checks it with a lookup over
 * D-Bus whose reply flags prove whether the answer came over an encrypted transport.
 */
public final class ResolvedControl implements ResolverControl {
    static final String UNIT = "systemd-resolved.service";
    /** systemd-resolved learned to reload its configuration (SIGHUP / reload) in 256. */
    static final int FIRST_RELOAD_VERSION = 256;
    private static final Duration START_WAIT = Duration.ofSeconds(10);
    private static final Duration CHECK_WINDOW = Duration.ofSeconds(4);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final LinuxPaths paths;
    private final int systemdVersion;
    private final String probeName;

    public ResolvedControl(LinuxPaths paths, int systemdVersion, String probeName) {
        this.paths = paths;
        this.systemdVersion = systemdVersion;
        this.probeName = probeName;
    }

    @Override
    public void ensureEnabled() throws IOException {
        systemctl("enable", UNIT);
    }

    @Override
    public void reload() throws IOException {
        systemctl(systemdVersion >= FIRST_RELOAD_VERSION ? "reload-or-restart" : "restart", UNIT);
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
        long deadline = System.nanoTime() + CHECK_WINDOW.toNanos();
        String last = "no answer";
        try (ResolvedBus bus = ResolvedBus.connect()) {
            do {
                ResolvedBus.Lookup l = bus.resolveHostname(probeName, CALL_TIMEOUT);
                if (l.answered() && (l.confidential() || !requireEncrypted)) {
                    return new Health(true, l.confidential(), "resolved " + probeName
                            + (l.confidential() ? " over an encrypted connection" : " without encryption"), null);
                }
                last = l.answered() ? probeName + " resolved, but not over an encrypted connection"
                        : "resolving " + probeName + " failed: " + l.error();
                sleep(250);
            } while (System.nanoTime() < deadline);
        } catch (DBusException e) {
            last = "the system D-Bus is not reachable: " + e.getMessage();
        }
        return new Health(false, false, last, null);
    }

    private void systemctl(String verb, String unit) throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(List.of(paths.systemctl().toString(), verb, unit), null,
                Duration.ofSeconds(60));
        if (!r.ok()) {
            throw new IOException("systemctl " + verb + " " + unit + " failed"
                    + (r.timedOut() ? " (timed out)" : ": " + r.stderr().strip()));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
