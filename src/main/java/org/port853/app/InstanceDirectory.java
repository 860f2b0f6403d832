package org.port853.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;
import org.port853.change.AtomicFiles;
import org.port853.core.XdgDirs;

/**
 * The per-user private folder that holds the running window's socket ({@link SingleInstance}): on Linux
 * {@code $XDG_RUNTIME_DIR/port853} when that folder is the user's, else the app's state folder; on Windows
 * {@code %LOCALAPPDATA%\Port853}.
 */
final class InstanceDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    private InstanceDirectory() {
    }

    /** This user's folder; reading it creates nothing. */
    static Path forThisUser() {
        return of(System.getenv(), System.getProperty("user.home", ""), System.getProperty("os.name", ""));
    }

    static Path of(Map<String, String> env, String userHome, String osName) {
        if (osName.startsWith("Windows")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null || local.isBlank() ? Path.of(userHome, "AppData", "Local") : Path.of(local))
                    .resolve("Port853");
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute() && ownedByThisUser(Path.of(runtime))) {
            return Path.of(runtime).resolve(XdgDirs.APP);
        }
        return XdgDirs.state(env, userHome);
    }

    /**
     * Creates {@code dir} if needed and makes sure only this user can reach into it (on POSIX systems: not a symbolic
     * link, the user's own, mode 0700), so no one else can put a socket there or ask this user's window anything.
     */
    static void makePrivate(Path dir) throws IOException {
        if (!POSIX) {
            Files.createDirectories(dir);
            return;
        }
        AtomicFiles.ensureDirectory(dir, OWNER_ONLY);
        if (!ownedByThisUser(dir)) {
            throw new IOException(dir + " belongs to " + Files.getOwner(dir).getName() + ", not to this user");
        }
        if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
    }

    private static boolean ownedByThisUser(Path p) {
        try {
            return Files.getOwner(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(thisUser());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Linux gives {@code /proc/self} the process's user: no look-up by name, which a container may not have. */
    private static UserPrincipal thisUser() throws IOException {
        Path self = Path.of("/proc/self");
        return Files.exists(self) ? Files.getOwner(self) : self.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
