package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the resolver's process runs for this machine, when the bus cannot say (the process table is the only
 * witness then). Only a process in this process's network namespace counts: a systemd-resolved in a container or a
 * test namespace on the same host is not the resolver of this machine, and counting it made the diagnosis change
 * with whatever else happened to run ("could not be read" instead of "installed but not running").
 */
final class ResolverProcess {
    private ResolverProcess() {
    }

    static boolean runningHere(String binaryName) {
        return runningHere(binaryName, Path.of("/proc"));
    }

    static boolean runningHere(String binaryName, Path proc) {
        String ours = namespace(proc.resolve("self/ns/net"));
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/" + binaryName)).orElse(false))
                .anyMatch(p -> sameNamespace(ours, namespace(proc.resolve(p.pid() + "/ns/net"))));
    }

    /**
     * A namespace that cannot be read (another user's process, without the privilege to look) counts as ours: this
     * machine's resolver runs as its own user, and an unprivileged reader must still see it.
     */
    private static boolean sameNamespace(String ours, String theirs) {
        return ours == null || theirs == null || ours.equals(theirs);
    }

    /** The namespace's identity, e.g. {@code net:[4026531840]}; null when it cannot be read. */
    private static String namespace(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
