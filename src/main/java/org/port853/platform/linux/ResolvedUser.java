package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.port853.core.RegularFiles;

/**
 * The user systemd-resolved reads its configuration as. Its unit runs it as User=systemd-resolve (247 to 262), and
 * started as root it drops to that user before it reads resolved.conf (checked in the rig on 247, 252, 257, 262).
 * Port853 reads drop-ins as root, so it asks the POSIX owner, group and mode whether this user could open one.
 */
record ResolvedUser(int uid, Set<Integer> gids) {
    static final String NAME = "systemd-resolve";
    private static final String WHO = "systemd-resolved's user " + NAME;

    /**
     * From {@code etc}/passwd and {@code etc}/group; empty when there is no such user, or when either file is there but
     * no regular file (a named pipe would make the read wait for a writer) or cannot be read: then nothing is checked.
     */
    static Optional<ResolvedUser> of(Path etc) {
        try {
            for (String line : lines(etc.resolve("passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && f[0].equals(NAME)) {
                    Set<Integer> gids = new HashSet<>(Set.of(Integer.parseInt(f[3])));
                    for (String g : groupLines(etc.resolve("group"))) {
                        String[] gf = g.split(":", -1);
                        if (gf.length >= 4 && List.of(gf[3].split(",")).contains(NAME)) {
                            gids.add(Integer.parseInt(gf[2]));
                        }
                    }
                    return Optional.of(new ResolvedUser(Integer.parseInt(f[2]), Set.copyOf(gids)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no user we can name, or its groups unknown: check nothing rather than guess
        }
        return Optional.empty();
    }

    private static List<String> lines(Path file) throws IOException {
        return RegularFiles.readString(file).lines().toList();
    }

    /** No group file: the user is in its primary group only. */
    private static List<String> groupLines(Path group) throws IOException {
        try {
            return lines(group);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /**
     * Why this user cannot open {@code file} (links followed), or empty if it can: it must enter every directory above
     * it below {@code root} (the file system root, or a test's root) and read the file. POSIX ACLs are not consulted.
     */
    Optional<String> cannotRead(Path file, Path root) {
        return check(file, root, 4, "not readable by " + WHO);
    }

    /** As {@link #cannotRead} for a drop-in directory, which resolved must read and enter to list its files. */
    Optional<String> cannotList(Path dir, Path root) {
        return check(dir, root, 5, "in a directory " + WHO + " cannot list");
    }

    /** As {@link #cannotList}, said of the directory itself. */
    Optional<String> cannotListItself(Path dir, Path root) {
        return check(dir, root, 5, WHO + " cannot list it");
    }

    private Optional<String> check(Path p, Path root, int bits, String refused) {
        try {
            Path real = p.toRealPath();
            Path top = root.toRealPath();
            for (Path dir = real.getParent(); dir != null && dir.startsWith(top) && !dir.equals(top);
                    dir = dir.getParent()) {
                if (!may(dir, 1)) {
                    return Optional.of("in " + dir + ", which " + WHO + " cannot enter (" + describe(dir) + ")");
                }
            }
            return may(real, bits) ? Optional.empty() : Optional.of(refused + " (" + describe(real) + ")");
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // the plain read reports what is wrong with it
        }
    }

    /** POSIX: only the owner's bits apply to the owner, only the group's to a member, else the others'. */
    private boolean may(Path p, int bits) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid");
        int shift = (int) a.get("uid") == uid ? 6 : gids.contains((int) a.get("gid")) ? 3 : 0;
        return ((int) a.get("mode") >> shift & bits) == bits;
    }

    private static String describe(Path p) throws IOException {
        return String.format("mode %04o, owner %s", (int) Files.getAttribute(p, "unix:mode") & 07777,
                Files.getOwner(p).getName());
    }
}
