package org.port853.platform.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How the C library looks names up, from the {@code hosts:} line of /etc/nsswitch.conf: whether its {@code dns}
 * module, which sends every lookup to the servers /etc/resolv.conf names, comes before systemd-resolved's own
 * {@code resolve} module (nss-resolve). Debian and Ubuntu ship {@code hosts: files ... dns}, so there nearly every
 * program follows /etc/resolv.conf; Fedora asks {@code resolve} first, and then only programs that read the file
 * themselves (dig, some browsers' and runtimes' own resolvers) follow it.
 */
final class NsswitchHosts {
    private NsswitchHosts() {
    }

    /** glibc's own hosts line where /etc/nsswitch.conf is missing or has none (nss/nss_database.c). */
    static final String GLIBC_DEFAULT = "dns [!UNAVAIL=return] files";

    /**
     * Does the C library of the system at {@code paths} ask {@code dns} before a working {@code resolve} module? A
     * {@code resolve} whose module (libnss_resolve.so.2) is not installed is skipped, as glibc skips it.
     */
    static boolean dnsBeforeResolve(LinuxPaths paths) {
        return dnsBeforeResolve(paths.nsswitch(), NssModules.installed("resolve", paths));
    }

    /**
     * By the {@code hosts:} line of {@code nsswitch}, or glibc's default where the file or the line is missing. An
     * unreadable file is not taken as evidence (false).
     */
    static boolean dnsBeforeResolve(Path nsswitch, boolean resolveInstalled) {
        List<String> lines;
        try {
            lines = org.port853.core.RegularFiles.readString(nsswitch).lines().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return dnsBeforeResolve(GLIBC_DEFAULT, resolveInstalled);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
        for (String line : lines) {
            String content = line.replaceFirst("#.*", "").strip();
            if (content.startsWith("hosts:")) {
                return dnsBeforeResolve(content.substring("hosts:".length()), resolveInstalled);
            }
        }
        return dnsBeforeResolve(GLIBC_DEFAULT, resolveInstalled);
    }

    /** The services of one hosts line, with the {@code [STATUS=action]} blocks between them left out. */
    static boolean dnsBeforeResolve(String services, boolean resolveInstalled) {
        for (String word : services.replaceAll("\\[[^]]*]", " ").strip().split("\\s+")) {
            if (word.equals("resolve") && resolveInstalled) {
                return false;
            }
            if (word.equals("dns")) {
                return true;
            }
        }
        return false;
    }
}
