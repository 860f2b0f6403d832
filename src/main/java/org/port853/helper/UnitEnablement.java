package org.port853.helper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.port853.platform.ProcessRunner;

/**
 * Whether a unit starts at the next boot, as {@code systemctl is-enabled} says it, read one way for every unit Port853
 * asks about (systemd-resolved, nftables). A link in /run (enabled-runtime, linked-runtime) is gone after a reboot, and
 * {@code systemctl enable} makes it last, as it does for a unit that is disabled or only linked. States where the unit
 * starts by other means or where enabling is not the user's step (static, indirect, generated, alias) are taken as on,
 * not Port853's to turn. masked-runtime hides what boot will see (the mask in /run is gone then, and systemctl says
 * nothing of the state under it), and a transient unit does not outlive the boot: no answer, as for anything else
 * (not-found, bad, an error, nothing, a timeout).
 */
public final class UnitEnablement {
    /** {@link #OFF}: {@code systemctl enable} turns it on; {@link #MASKED}: it must be unmasked first. */
    public enum AtBoot {
        ON, OFF, MASKED
    }

    private UnitEnablement() {
    }

    /**
     * Asks {@code systemctl is-enabled unit}; empty where it gives no usable answer.
     *
     * @throws IOException systemctl could not be started
     */
    public static Optional<AtBoot> ask(Path systemctl, String unit, Duration timeout) throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(List.of(systemctl.toString(), "is-enabled", unit), null, timeout);
        return r.timedOut() ? Optional.empty() : parse(r.stdout());
    }

    /** What {@code is-enabled} prints of a unit that does not start at the next boot (and that enable turns on). */
    public static final List<String> OFF_STATES = List.of("disabled", "enabled-runtime", "linked", "linked-runtime");

    /** What {@code is-enabled} prints (it exits non-zero for several states, so the exit code is not asked). */
    public static Optional<AtBoot> parse(String isEnabled) {
        String state = isEnabled.strip();
        if (OFF_STATES.contains(state)) {
            return Optional.of(AtBoot.OFF);
        }
        return switch (state) {
            case "enabled", "static", "indirect", "generated", "alias" -> Optional.of(AtBoot.ON);
            case "masked" -> Optional.of(AtBoot.MASKED);
            default -> Optional.empty();
        };
    }
}
