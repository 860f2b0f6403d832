package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test roots laid out as a system's. */
final class TestRoots {
    private TestRoots() {
    }

    /** {@link LinuxPaths#under} {@code root}, with its etc and the folder of Port853's drop-in made. */
    static LinuxPaths withDropInDirectory(Path root) throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        return paths;
    }
}
