package org.port853.platform.linux;

import java.nio.file.Path;
import java.util.List;

/**
 * The files and programs the systemd-resolved adapter reads and writes. Real paths in production; tests point
 * them into a temporary directory (the rig instead bind-mounts private directories over the real ones).
 */
public record LinuxPaths(List<Path> dropInDirs, Path ourDropIn, Path resolvConf, Path stateDir, Path systemctl,
                         Path resolvedBinary, Path resolvectl) {
    /** Sorts after the usual vendor and admin drop-ins (numbered or lettered) so our keys win. */
    public static final String DROP_IN_NAME = "zz-port853.conf";
    public static final String STUB_RESOLV_CONF = "/run/systemd/resolve/stub-resolv.conf";
    public static final String UPLINK_RESOLV_CONF = "/run/systemd/resolve/resolv.conf";

    /**
     * The drop-in directories in the order systemd lists them. /lib's comes last: resolved 247 and 252 as Debian builds
     * them (for split /usr) read it, and on a system whose /usr is not merged it holds packages' files of its own; where
     * /lib links to /usr/lib its files are /usr/lib's, listed once.
     */
    public static LinuxPaths system() {
        Path etcDir = Path.of("/etc/systemd/resolved.conf.d");
        Path binary = Path.of("/lib/systemd/systemd-resolved");
        if (!binary.toFile().exists()) {
            binary = Path.of("/usr/lib/systemd/systemd-resolved");
        }
        return new LinuxPaths(
                List.of(etcDir, Path.of("/run/systemd/resolved.conf.d"),
                        Path.of("/usr/local/lib/systemd/resolved.conf.d"), Path.of("/usr/lib/systemd/resolved.conf.d"),
                        Path.of("/lib/systemd/resolved.conf.d")),
                etcDir.resolve(DROP_IN_NAME), Path.of("/etc/resolv.conf"), Path.of("/var/lib/port853"),
                Path.of("/usr/bin/systemctl"), binary, Path.of("/usr/bin/resolvectl"));
    }

    /** Everything under one root directory, for unit tests. */
    public static LinuxPaths under(Path root) {
        Path etcDir = root.resolve("etc/systemd/resolved.conf.d");
        return new LinuxPaths(
                List.of(etcDir, root.resolve("run/systemd/resolved.conf.d"),
                        root.resolve("usr/local/lib/systemd/resolved.conf.d"), root.resolve("usr/lib/systemd/resolved.conf.d"),
                        root.resolve("lib/systemd/resolved.conf.d")),
                etcDir.resolve(DROP_IN_NAME), root.resolve("etc/resolv.conf"), root.resolve("var/lib/port853"),
                Path.of("/usr/bin/systemctl"), root.resolve("lib/systemd/systemd-resolved"), Path.of("/usr/bin/resolvectl"));
    }

    /**
     * The directory that exists only while systemd is the init system (sd_booted(3)): without it (a container, WSL
     * without systemd) no systemd service can be started. Under a test root: its run/systemd/system.
     */
    public Path systemdRuntime() {
        return dropInDirs.get(1).getParent().resolve("system");
    }

    /**
     * Where {@code systemctl mask} (and {@code mask --runtime}) put a link from systemd-resolved's unit to /dev/null,
     * which keeps it from starting at all (under a test root: in its etc and run).
     */
    public List<Path> resolvedMaskLinks() {
        return List.of(etc().resolve("systemd/system/" + ResolvedControl.UNIT),
                systemdRuntime().resolve(ResolvedControl.UNIT));
    }

    /**
     * Where a link to /dev/null masks {@code dropIn}: the file of its name in /etc's drop-in directory, since a package's
     * file (/usr/lib) or a runtime one (/run) comes back when edited. Empty when {@code dropIn} is in /etc's directory
     * itself (nothing can mask it; it is removed or renamed).
     */
    public java.util.Optional<Path> maskFor(Path dropIn) {
        Path etcDir = ourDropIn.getParent();
        return etcDir.equals(dropIn.getParent()) ? java.util.Optional.empty()
                : java.util.Optional.of(etcDir.resolve(dropIn.getFileName()));
    }

    /** systemd-resolved's main configuration file in /etc, where an admin writes it (under a test root: in its etc). */
    public Path mainConf() {
        return etc().resolve("systemd/resolved.conf");
    }

    /**
     * The main configuration file resolved of {@code systemdVersion} reads, before every drop-in: from 253 on the first
     * of /etc, /run, /usr/local/lib and /usr/lib (each /systemd/resolved.conf) that exists; before, the one in /etc.
     * Where none exists: the one in /etc.
     */
    public Path mainConf(int systemdVersion) {
        if (new ResolvedFeatures(systemdVersion).searchesMainFile()) {
            for (Path dropInDir : dropInDirs) {
                Path candidate = dropInDir.resolveSibling("resolved.conf");
                if (java.nio.file.Files.exists(candidate)) {
                    return candidate;
                }
            }
        }
        return mainConf();
    }

    /** The C library's name-service order, whose hosts line says whether lookups read /etc/resolv.conf. */
    public Path nsswitch() {
        return etc().resolve("nsswitch.conf");
    }

    /** The /etc that holds our drop-in's directory (under a test root: that root's etc), for passwd and group. */
    public Path etc() {
        return ourDropIn.getParent().getParent().getParent();
    }
}
