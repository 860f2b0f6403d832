package org.port853.change;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Directories Port853 created for its files (Debian ships neither /etc/systemd/resolved.conf.d nor /etc/nftables.d),
 * listed in the state directory, so that undoing Port853's change removes them again once they are empty, and never
 * removes one that was there before.
 */
public final class CreatedDirectories {
    static final String FILE_NAME = "created-directories";

    private final Path stateDir;

    public CreatedDirectories(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** Creates {@code dir} (its parents too) unless it exists, and remembers it when this call created it. */
    public void ensure(Path dir, Set<PosixFilePermission> mode) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
            List<String> listed = listed();
            if (!listed.contains(d.toString())) {
                listed.add(d.toString()); // before creating: a crash in between leaves a line that removal ignores
                save(listed);
            }
        }
        AtomicFiles.ensureDirectory(d, mode);
    }

    /** Removes {@code dir} when this class created it and it is empty now; a directory with files in it stays. */
    public void removeIfEmpty(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        List<String> listed = listed();
        if (!listed.contains(d.toString())) {
            return;
        }
        try {
            if (!Files.isSymbolicLink(d)) {
                Files.delete(d);
            }
        } catch (DirectoryNotEmptyException e) {
            return; // someone else's files live there now: it stays, and so does the line, for a later revert
        } catch (NoSuchFileException e) {
            // gone already
        }
        listed.remove(d.toString());
        save(listed);
    }

    private List<String> listed() throws IOException {
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private void save(List<String> listed) throws IOException {
        Path file = stateDir.resolve(FILE_NAME);
        if (listed.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        AtomicFiles.ensureDirectory(stateDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        AtomicFiles.write(file, String.join("\n", listed) + "\n", AtomicFiles.PUBLIC);
    }
}
