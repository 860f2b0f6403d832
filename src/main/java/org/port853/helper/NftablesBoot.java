package org.port853.helper;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether the nftables boot configuration loads a rule file again (whether the service that loads it starts at boot:
 * {@link NftablesService}): nftables.service loads only
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
        Path etc = etcOf(ruleFile);
        Path redHat = etc.resolve("sysconfig").resolve("nftables.conf");
        return Files.isRegularFile(redHat) ? redHat : etc.resolve("nftables.conf");
    }

    /** The root the system's folders are under: / for {@code /etc/nftables.d/<file>}. */
    static Path rootOf(Path ruleFile) {
        return etcOf(ruleFile).getParent();
    }

    private static Path etcOf(Path ruleFile) {
        return ruleFile.toAbsolutePath().getParent().getParent();
    }

    /** {@code config} has an include line (absolute path or glob) that names {@code ruleFile}; false when unreadable. */
    static boolean includes(Path config, Path ruleFile) {
        return includesOf(config, ruleFile).findAny().isPresent();
    }

    /**
     * {@code config} includes {@code ruleFile} by its own name, not by a glob: without the file, loading {@code config}
     * fails as a whole ("File not found"), where a glob that matches nothing loads the rest.
     */
    static boolean includesByName(Path config, Path ruleFile) {
        return includesOf(config, ruleFile).anyMatch(p -> p.equals(ruleFile.toAbsolutePath().toString()));
    }

    /** The include lines' paths in {@code config} that match {@code ruleFile} (none when unreadable). */
    private static Stream<String> includesOf(Path config, Path ruleFile) {
        try (var lines = Files.lines(config)) {
            return lines.map(INCLUDE::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .filter(p -> p.startsWith("/"))
                    .filter(p -> FileSystems.getDefault().getPathMatcher("glob:" + p).matches(ruleFile.toAbsolutePath()))
                    .toList().stream();
        } catch (IOException | java.io.UncheckedIOException | SecurityException | IllegalArgumentException e) {
            return Stream.empty();
        }
    }
}
