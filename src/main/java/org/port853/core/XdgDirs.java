package org.port853.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Per-user directories after the XDG Base Directory Specification. Reading a path never creates it.
 *
 * @see <a href="https://specifications.freedesktop.org/basedir-spec/latest/">XDG Base Directory Specification</a>
 */
public final class XdgDirs {
    public static final String APP = "port853";

    private XdgDirs() {
    }

    /** {@code $XDG_CONFIG_HOME/port853}, else {@code $HOME/.config/port853}, else {@code user.home/.config/port853}. */
    public static Path config() {
        return config(System.getenv(), System.getProperty("user.home", ""));
    }

    /**
     * The same rule with the environment and home given. The specification says a relative {@code XDG_CONFIG_HOME}
     * is invalid and must be ignored; so is an empty or relative {@code HOME}; and, for root, one that is not root's
     * ({@link #mayMakeFilesIn}).
     */
    public static Path config(Map<String, String> env, String userHome) {
        return config(env, userHome, XdgDirs::mayMakeFilesIn);
    }

    static Path config(Map<String, String> env, String userHome, Predicate<Path> usable) {
        return base(env.get("XDG_CONFIG_HOME"), env, userHome, usable, ".config").resolve(APP);
    }

    /** {@code $HOME} where it is an absolute path, else {@code userHome} (Java's {@code user.home}). */
    public static Path home(Map<String, String> env, String userHome) {
        return home(env, userHome, p -> true);
    }

    /** {@code $XDG_STATE_HOME/port853}, else {@code $HOME/.local/state/port853} (state that outlives a run: pins). */
    public static Path state() {
        return state(System.getenv(), System.getProperty("user.home", ""));
    }

    public static Path state(Map<String, String> env, String userHome) {
        return state(env, userHome, XdgDirs::mayMakeFilesIn);
    }

    static Path state(Map<String, String> env, String userHome, Predicate<Path> usable) {
        return base(env.get("XDG_STATE_HOME"), env, userHome, usable, ".local/state").resolve(APP);
    }

    private static Path base(String xdgValue, Map<String, String> env, String userHome, Predicate<Path> usable,
                             String underHome) {
        Path xdg = absolute(xdgValue);
        return xdg != null && usable.test(xdg) ? xdg : home(env, userHome, usable).resolve(underHome);
    }

    private static Path home(Map<String, String> env, String userHome, Predicate<Path> usable) {
        Path home = absolute(env.get("HOME"));
        if (home == null || !usable.test(home)) {
            home = absolute(userHome);
        }
        return home != null ? home : Path.of(userHome == null ? "" : userHome).toAbsolutePath();
    }

    /**
     * Whether this process may make its folders and files in {@code dir}: any user in its own; root only in a folder
     * root owns (the nearest one that exists). Run through {@code sudo -E}, root keeps the user's {@code HOME} (and
     * {@code XDG_*} folders), and a {@code ~/.local} or {@code ~/.config} that root made there would lock the user
     * out of it: root's own home (Java's {@code user.home}) is used instead, as with plain {@code sudo}.
     */
    static boolean mayMakeFilesIn(Path dir) {
        return !Privileges.isRoot() || ownedByRoot(dir);
    }

    static boolean ownedByRoot(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null || ((Number) Files.getAttribute(existing, "unix:uid")).intValue() == 0;
        } catch (java.io.IOException | RuntimeException e) {
            return false; // cannot tell: not used, root's own home is
        }
    }

    private static Path absolute(String value) {
        if (value == null || value.isEmpty() || value.indexOf('\0') >= 0) {
            return null;
        }
        try {
            Path p = Path.of(value);
            return p.isAbsolute() ? p.normalize() : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
