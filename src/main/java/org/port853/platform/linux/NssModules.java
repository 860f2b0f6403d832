package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which name-service modules the C library can load: nsswitch.conf may name {@code resolve} on a system without
 * libnss_resolve (Debian's libnss-resolve package is not installed by default), and glibc then goes on to the next
 * service as if it were unavailable.
 */
final class NssModules {
    /** Where glibc's loader finds libraries, per layout: Debian's multiarch directories, Fedora's lib64, plain lib. */
    private static final List<String> LIBRARY_DIRS = List.of("lib", "usr/lib", "lib64", "usr/lib64");

    private NssModules() {
    }

    static boolean installed(String service, LinuxPaths paths) {
        String file = "libnss_" + service + ".so.2";
        Path root = paths.etc().getParent();
        for (String dir : LIBRARY_DIRS) {
            Path base = root.resolve(dir);
            if (Files.exists(base.resolve(file))) {
                return true;
            }
            try (DirectoryStream<Path> multiarch = Files.newDirectoryStream(base, "*-linux-gnu*")) {
                for (Path d : multiarch) {
                    if (Files.exists(d.resolve(file))) {
                        return true;
                    }
                }
            } catch (IOException | SecurityException e) {
                // no such directory here
            }
        }
        return false;
    }
}
