package org.port853.platform.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /**
     * True only when the file says so: a {@code hosts:} line with {@code dns} and no {@code resolve} before it. A missing
     * or unreadable file, or one without a hosts line, is not taken as evidence (false).
     */
    static boolean dnsBeforeResolve(Path nsswitch) {
        List<String> lines;
        try {
            lines = Files.readAllLines(nsswitch, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
        for (String line : lines) {
            String content = line.replaceFirst("#.*", "").strip();
            if (content.startsWith("hosts:")) {
                return dnsBeforeResolve(content.substring("hosts:".length()));
            }
        }
        return false;
    }

    /** The services of one hosts line, with the {@code [STATUS=action]} blocks between them left out. */
    static boolean dnsBeforeResolve(String services) {
        for (String word : services.replaceAll("\\[[^]]*]", " ").strip().split("\\s+")) {
            if (word.equals("resolve")) {
                return false;
            }
            if (word.equals("dns")) {
                return true;
            }
        }
        return false;
    }
}
