package org.port853.core;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
