package org.port853.platform.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates %ProgramData%\Port853 and limits it to Administrators and SYSTEM with {@code icacls}. Groups are named
 * by SID (S-1-5-32-544, S-1-5-18) because their names are localized; inheritance from %ProgramData% (which lets
 * Users create files) is removed.
 */
public final class IcaclsGuard {
    private final CommandRunner runner;
    private boolean done;

    public IcaclsGuard(CommandRunner runner) {
        this.runner = runner;
    }

    public static Command command(Path dir) {
        return Command.of("icacls", dir.toString(), "/inheritance:r", "/grant:r", "*S-1-5-32-544:(OI)(CI)F",
                "/grant:r", "*S-1-5-18:(OI)(CI)F");
    }

    public synchronized void prepare(Path dir) throws IOException {
        if (done) {
            return;
        }
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a link; refusing to use it");
        }
        Files.createDirectories(dir);
        runner.runOk(command(dir));
        done = true;
    }
}
