package org.port853.helper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.port853.platform.ProcessRunner;

/**
 * Whether nftables.service starts at the next boot (and so loads its configuration file), as systemd says it:
 * {@code systemctl is-enabled}, which also counts a link a distribution ships in /usr/lib and the service's own
 * WantedBy= target (sysinit.target on Debian 12 and Fedora). Only where systemctl is missing or gives no usable answer
 * (no systemd to ask, a timeout) are the unit folders read.
 */
final class NftablesService {
    static final String UNIT = "nftables.service";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** {@link #OFF}: {@code systemctl enable} turns it on; {@link #MASKED}: it must be unmasked first. */
    enum AtBoot {
        ON, OFF, MASKED;

        /** The commands that make it start at boot (none when it does already). */
        String enableCommand() {
            return switch (this) {
                case ON -> "";
                case OFF -> "sudo systemctl enable nftables";
                case MASKED -> "sudo systemctl unmask nftables && sudo systemctl enable nftables";
            };
        }
    }

    private NftablesService() {
    }

    /** Asks {@code systemctl}; where it cannot answer, reads the unit folders under {@code root} (/ on a real system). */
    static AtBoot atBoot(Path systemctl, Path root) {
        return askSystemd(systemctl).orElseGet(() -> fromUnitFolders(root));
    }

    /**
     * What {@code is-enabled} prints, as boot sees it. A link in /run (enabled-runtime, linked-runtime) is gone after
     * a reboot, and {@code systemctl enable} makes it last. States where the unit starts by other means or where
     * enabling is not the user's step (static, indirect, generated, alias) are not ours to judge: taken as on, as
     * ResolvedControl leaves them alone too. masked-runtime hides what boot will see (the mask in /run is gone then, and
     * systemctl says nothing of the state under it): no answer, as for anything else (not-found, an error, nothing).
     */
    static Optional<AtBoot> parse(String isEnabled) {
        return switch (isEnabled.strip()) {
            case "enabled", "static", "indirect", "generated", "alias" -> Optional.of(AtBoot.ON);
            case "disabled", "enabled-runtime", "linked", "linked-runtime" -> Optional.of(AtBoot.OFF);
            case "masked" -> Optional.of(AtBoot.MASKED);
            default -> Optional.empty();
        };
    }

    private static Optional<AtBoot> askSystemd(Path systemctl) {
        if (!Files.isExecutable(systemctl)) {
            return Optional.empty();
        }
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of(systemctl.toString(), "is-enabled", UNIT), null, TIMEOUT);
            return r.timedOut() ? Optional.empty() : parse(r.stdout());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Without systemd to ask: masked by a link to /dev/null in /etc, on by a link in a {@code *.wants} folder of /etc,
     * /usr/lib or /lib (a distribution's own; /lib is a folder of its own where /usr is not merged), else off.
     */
    static AtBoot fromUnitFolders(Path root) {
        Path etcUnits = root.resolve("etc/systemd/system");
        if (masked(etcUnits.resolve(UNIT))) {
            return AtBoot.MASKED;
        }
        for (String units : List.of("etc/systemd/system", "usr/lib/systemd/system", "lib/systemd/system")) {
            if (wanted(root.resolve(units))) {
                return AtBoot.ON;
            }
        }
        return AtBoot.OFF;
    }

    private static boolean masked(Path unit) {
        try {
            return Files.isSymbolicLink(unit) && Files.readSymbolicLink(unit).equals(Path.of("/dev/null"));
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean wanted(Path units) {
        try (var dirs = Files.newDirectoryStream(units, "*.wants")) {
            for (Path d : dirs) {
                if (Files.exists(d.resolve(UNIT), LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
