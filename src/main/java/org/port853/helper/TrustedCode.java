package org.port853.helper;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether code may run as root: a file qualifies only if it and every directory above it belong to root
 * and no group or other user may write them. Otherwise the user who can write it could make root run anything.
 */
public final class TrustedCode {
    private TrustedCode() {
    }

    /** Empty when {@code p} is trustworthy, else the one-sentence reason why not. */
    public static Optional<String> problem(Path p) {
        Path at = p.toAbsolutePath().normalize();
        try {
            for (Path x = at; x != null; x = x.getParent()) {
                Object uid = Files.getAttribute(x, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (!Integer.valueOf(0).equals(uid)) {
                    return Optional.of(x + " does not belong to root");
                }
                if (Files.isSymbolicLink(x)) {
                    // a root-owned link: what it points at must pass the same test
                    Path target = x.getParent() == null ? Files.readSymbolicLink(x)
                            : x.getParent().resolve(Files.readSymbolicLink(x));
                    Optional<String> t = problem(target);
                    if (t.isPresent()) {
                        return t;
                    }
                    continue;
                }
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(x, LinkOption.NOFOLLOW_LINKS);
                if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                    return Optional.of(x + " can be written by users other than root");
                }
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.of("the owner of " + at + " cannot be checked (" + e.getMessage() + ")");
        }
    }

    /** The jars and directories this JVM loads classes from. */
    public static List<Path> classPath() {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(Path.of(e.endsWith("*") ? e.substring(0, e.length() - 1) : e));
            }
        }
        try {
            out.add(Path.of(TrustedCode.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            out.add(Path.of("/nonexistent-code-source"));
        }
        return out;
    }

    /** Empty when every class path entry is trustworthy, else the first reason why not. */
    public static Optional<String> classPathProblem() {
        for (Path p : classPath()) {
            Optional<String> why = problem(p);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }
}
