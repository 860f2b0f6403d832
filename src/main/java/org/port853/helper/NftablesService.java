package org.port853.helper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.port853.helper.UnitEnablement.AtBoot;

/**
 * Whether nftables.service starts at the next boot (and so loads its configuration file), as systemd says it:
 * {@code systemctl is-enabled}, which also counts a link a distribution ships in /usr/lib and the service's own
 * WantedBy= target (sysinit.target on Debian 12 and Fedora), read as {@link UnitEnablement} reads it. Only where systemctl
 * is missing or gives no usable answer (no systemd to ask, a timeout) are the unit folders read.
 */
final class NftablesService {
    static final String UNIT = "nftables.service";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The commands that make it start at boot (none when it does already). */
    static String enableCommand(AtBoot atBoot) {
        return switch (atBoot) {
            case ON -> "";
            case OFF -> "sudo systemctl enable nftables";
            case MASKED -> "sudo systemctl unmask nftables && sudo systemctl enable nftables";
        };
    }

    private NftablesService() {
    }

    /** Asks {@code systemctl}; where it cannot answer, reads the unit folders under {@code root} (/ on a real system). */
    static AtBoot atBoot(Path systemctl, Path root) {
        return askSystemd(systemctl).orElseGet(() -> fromUnitFolders(root));
    }

    private static Optional<AtBoot> askSystemd(Path systemctl) {
        if (!Files.isExecutable(systemctl)) {
            return Optional.empty();
        }
        try {
            return UnitEnablement.ask(systemctl, UNIT, TIMEOUT);
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
