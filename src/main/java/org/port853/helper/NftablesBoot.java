package org.port853.helper;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the nftables boot configuration loads a rule file again: nftables.service loads only
 * {@code /etc/nftables.conf} ({@code /etc/sysconfig/nftables.conf} on Fedora and RHEL), and Debian's starts with
 * {@code flush ruleset} and includes nothing, so a table loaded by hand is gone after a reboot unless that file
 * includes it and the service is enabled (it is not by default on Debian).
 */
final class NftablesBoot {
    private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s+\"([^\"]+)\"");

    private NftablesBoot() {
    }

    /**
     * The boot configuration for {@code ruleFile} in {@code <etc>/nftables.d/}: {@code <etc>/sysconfig/nftables.conf}
     * where that is there (the Red Hat family's unit loads it), else {@code <etc>/nftables.conf}.
     */
    static Path configFor(Path ruleFile) {
        Path etc = ruleFile.toAbsolutePath().getParent().getParent();
        Path redHat = etc.resolve("sysconfig").resolve("nftables.conf");
        return Files.isRegularFile(redHat) ? redHat : etc.resolve("nftables.conf");
    }

    /** nftables.service is enabled at boot: a link to it in one of {@code <etc>/systemd/system/*.wants}. */
    static boolean serviceEnabled(Path ruleFile) {
        Path units = ruleFile.toAbsolutePath().getParent().getParent().resolve("systemd").resolve("system");
        try (var dirs = Files.newDirectoryStream(units, "*.wants")) {
            for (Path d : dirs) {
                if (Files.exists(d.resolve("nftables.service"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** {@code config} has an include line (absolute path or glob) that names {@code ruleFile}; false when unreadable. */
    static boolean includes(Path config, Path ruleFile) {
        try (var lines = Files.lines(config)) {
            return lines.map(INCLUDE::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .filter(p -> p.startsWith("/"))
                    .anyMatch(p -> FileSystems.getDefault().getPathMatcher("glob:" + p).matches(ruleFile.toAbsolutePath()));
        } catch (IOException | java.io.UncheckedIOException | SecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
