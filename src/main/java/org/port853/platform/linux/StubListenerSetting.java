package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.freedesktop.dbus.exceptions.DBusException;
import org.port853.core.DropIn;
import org.port853.core.GlobalState;

/**
 * systemd-resolved's DNSStubListener= as the privileged helper must judge it before a change that restarts resolved:
 * off when the running resolved says so, or when its files do (the restart loads them, and a stopped resolved has
 * only its files).
 */
final class StubListenerSetting {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** systemd's spellings of a false boolean (parse_boolean), which DNSStubListener= accepts for "no". */
    private static final Set<String> OFF = Set.of("no", "n", "false", "f", "off", "0");

    private StubListenerSetting() {
    }

    /** resolved's DNSStubListener= as it runs now, or null when the bus cannot say. */
    static String running() {
        try (ResolvedBus bus = ResolvedBus.connect()) {
            return BusValues.string(bus.managerProperties(CALL_TIMEOUT), "DNSStubListener");
        } catch (DBusException | IOException | RuntimeException e) {
            return null;
        }
    }

    /** Off as {@code running} reports it or as the main file and {@code dropIns} set it. */
    static boolean off(Supplier<String> running, List<DropIn> dropIns) {
        String configured = ResolvedConfFiles.effectiveKeys(dropIns).get("DNSStubListener");
        return GlobalState.stubListenerOff(running.get())
                || configured != null && OFF.contains(configured.strip().toLowerCase(Locale.ROOT));
    }
}
