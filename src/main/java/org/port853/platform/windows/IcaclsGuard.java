package org.port853.platform.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates %ProgramData%\Port853 and limits it to Administrators and SYSTEM with {@code icacls}. Groups are named
 * by SID (S-1-5-32-544, S-1-5-18) because their names are localized; inheritance from %ProgramData% (which lets
 * Users create files) is removed. Its {@code status} folder (the change engine's "change pending" marker) adds read
 * for Users (S-1-5-32-545), so that an unelevated {@code port853 status} sees an interrupted change; Windows does not
 * check traversal of the parent by default (SeChangeNotifyPrivilege, "Bypass traverse checking", is granted to
 * Everyone).
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

    /** Lets Users read (never write) the marker folder; Administrators and SYSTEM come from the parent. */
    public static Command readableCommand(Path markerDir) {
        return Command.of("icacls", markerDir.toString(), "/grant:r", "*S-1-5-32-545:(OI)(CI)RX");
    }

    public synchronized void prepare(Path dir, Path markerDir) throws IOException {
        if (done) {
            return;
        }
        for (Path d : new Path[] {dir, markerDir}) {
            if (Files.isSymbolicLink(d)) {
                throw new IOException(d + " is a link; refusing to use it");
            }
        }
        Files.createDirectories(dir);
        runner.runOk(command(dir));
        Files.createDirectories(markerDir);
        runner.runOk(readableCommand(markerDir));
        done = true;
    }
}
