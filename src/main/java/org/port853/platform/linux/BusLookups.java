package org.port853.platform.linux;

import java.time.Duration;
import org.freedesktop.dbus.exceptions.DBusException;
import org.port853.core.ResolverState;

/** {@link ResolvedHealthCheck.Lookups} over the system bus, one connection per lookup. */
final class BusLookups implements ResolvedHealthCheck.Lookups {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** resolved tries a link's servers several times before it gives up on a name: let it say so itself. */
    private static final Duration LINK_TIMEOUT = Duration.ofSeconds(12);
    private final ResolvedStateReader reader;

    BusLookups(LinuxPaths paths) {
        this.reader = new ResolvedStateReader(paths);
    }

    @Override
    public ResolvedBus.Lookup resolve(String name, long flags) {
        try (ResolvedBus bus = ResolvedBus.connect()) {
            return bus.resolveHostname(name, flags, CALL_TIMEOUT);
        } catch (DBusException e) {
            return ResolvedBus.Lookup.failed("the system D-Bus is not reachable: " + e.getMessage(), null);
        }
    }

    @Override
    public ResolvedBus.Lookup resolveOn(int ifindex, String name, long flags) {
        try (ResolvedBus bus = ResolvedBus.connect()) {
            return bus.resolveHostname(ifindex, name, flags, LINK_TIMEOUT);
        } catch (DBusException e) {
            return ResolvedBus.Lookup.failed("the system D-Bus is not reachable: " + e.getMessage(), null);
        }
    }

    @Override
    public ResolverState state() {
        ResolverState s = reader.read();
        return s.global() == null ? null : s;
    }
}
