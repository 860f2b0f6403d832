package org.port853.core;

import java.nio.file.Path;
import java.util.Map;

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
     * The same rule with the environment and home given, for tests. The specification says a relative
     * {@code XDG_CONFIG_HOME} is invalid and must be ignored; so is an empty or relative {@code HOME}.
     */
    public static Path config(Map<String, String> env, String userHome) {
        Path xdg = absolute(env.get("XDG_CONFIG_HOME"));
        if (xdg != null) {
            return xdg.resolve(APP);
        }
        return home(env, userHome).resolve(".config").resolve(APP);
    }

    /** {@code $HOME} where it is an absolute path, else {@code userHome} (Java's {@code user.home}). */
    public static Path home(Map<String, String> env, String userHome) {
        Path home = absolute(env.get("HOME"));
        if (home == null) {
            home = absolute(userHome);
        }
        return home != null ? home : Path.of(userHome == null ? "" : userHome).toAbsolutePath();
    }

    /** {@code $XDG_STATE_HOME/port853}, else {@code $HOME/.local/state/port853} (state that outlives a run: pins). */
    public static Path state() {
        return state(System.getenv(), System.getProperty("user.home", ""));
    }

    public static Path state(Map<String, String> env, String userHome) {
        Path xdg = absolute(env.get("XDG_STATE_HOME"));
        if (xdg != null) {
            return xdg.resolve(APP);
        }
        return config(Map.of("HOME", env.getOrDefault("HOME", "")), userHome).getParent().getParent()
                .resolve(".local").resolve("state").resolve(APP);
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
