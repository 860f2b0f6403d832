package org.port853.core;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XdgDirsTest {
    @Test
    void xdgConfigHomeWins() {
        assertEquals(Path.of("/x/cfg/port853"),
                XdgDirs.config(Map.of("XDG_CONFIG_HOME", "/x/cfg", "HOME", "/home/u"), "/ignored"));
    }

    @Test
    void homeWhenXdgUnsetEmptyOrRelative() {
        assertEquals(Path.of("/home/u/.config/port853"), XdgDirs.config(Map.of("HOME", "/home/u"), "/ignored"));
        assertEquals(Path.of("/home/u/.config/port853"),
                XdgDirs.config(Map.of("XDG_CONFIG_HOME", "", "HOME", "/home/u"), "/ignored"));
        assertEquals(Path.of("/home/u/.config/port853"),
                XdgDirs.config(Map.of("XDG_CONFIG_HOME", "relative/cfg", "HOME", "/home/u"), "/ignored"));
    }

    @Test
    void userHomeWhenNoEnvironment() {
        assertEquals(Path.of("/srv/me/.config/port853"), XdgDirs.config(Map.of(), "/srv/me"));
        assertEquals(Path.of("/srv/me/.config/port853"), XdgDirs.config(Map.of("HOME", ""), "/srv/me"));
    }

    @Test
    void normalisesAndStaysAbsolute() {
        assertEquals(Path.of("/a/port853"), XdgDirs.config(Map.of("XDG_CONFIG_HOME", "/a/b/.."), "/h"));
        assertTrue(XdgDirs.config().isAbsolute());
        assertTrue(XdgDirs.config().endsWith("port853"));
    }

    @Test
    void stateFollowsTheSameRules() {
        assertEquals(Path.of("/x/state/port853"), XdgDirs.state(Map.of("XDG_STATE_HOME", "/x/state"), "/home/u"));
        assertEquals(Path.of("/home/a/.local/state/port853"), XdgDirs.state(Map.of("HOME", "/home/a"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/port853"),
                XdgDirs.state(Map.of("XDG_STATE_HOME", "relative", "HOME", "also-relative"), "/home/u"));
    }

    /** Root run through 'sudo -E' keeps the user's HOME and XDG folders: it makes nothing in them. */
    @Test
    void aFolderThatMayNotBeUsedFallsBackToUserHome() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", "/home/u/cfg", "XDG_STATE_HOME", "/home/u/st",
                "HOME", "/home/u");
        java.util.function.Predicate<Path> notUnderU = p -> !p.startsWith("/home/u");
        assertEquals(Path.of("/root/.config/port853"), XdgDirs.config(env, "/root", notUnderU));
        assertEquals(Path.of("/root/.local/state/port853"), XdgDirs.state(env, "/root", notUnderU));
        java.util.function.Predicate<Path> notXdg = p -> !p.startsWith("/home/u/cfg") && !p.startsWith("/home/u/st");
        assertEquals(Path.of("/home/u/.config/port853"), XdgDirs.config(env, "/root", notXdg));
        assertEquals(Path.of("/home/u/.local/state/port853"), XdgDirs.state(env, "/root", notXdg));
    }

    @Test
    void ownedByRootIsDecidedByTheNearestFolderThatExists(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path users = java.nio.file.Files.createDirectory(dir.resolve("users-home"));
        java.nio.file.Files.setAttribute(users, "unix:uid", 4242);
        assertFalse(XdgDirs.ownedByRoot(users));
        assertFalse(XdgDirs.ownedByRoot(users.resolve(".local/state")), "not made yet: its parent decides");
        Path roots = java.nio.file.Files.createDirectory(dir.resolve("roots"));
        java.nio.file.Files.setAttribute(roots, "unix:uid", 0);
        assertTrue(XdgDirs.ownedByRoot(roots.resolve(".config/port853")));
    }
}
