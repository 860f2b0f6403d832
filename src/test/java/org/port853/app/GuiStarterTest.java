package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GuiStarterTest {
    @Test
    void noDisplayOnLinuxIsOneClearSentence() {
        String p = GuiStarter.displayProblem(Map.of(), "Linux", null);
        assertTrue(p.contains("no graphical display") && p.contains("port853 --help"), p);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a Wayland session without XWayland is told that, not 'Unable to open DISPLAY; DISPLAY=null'")
    void waylandWithoutXWayland() {
        String p = GuiStarter.displayProblem(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null);
        assertTrue(p != null && p.contains("XWayland") && p.contains("port853 --help"), p);
    }

    @Test
    void x11WaylandMonocleAndOtherSystemsStart() {
        assertNull(GuiStarter.displayProblem(Map.of("DISPLAY", ":0"), "Linux", null));
        assertNull(GuiStarter.displayProblem(Map.of("WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":0"), "Linux", null),
                "a Wayland session with XWayland");
        assertNull(GuiStarter.displayProblem(Map.of(), "Linux", "Monocle"));
        assertNull(GuiStarter.displayProblem(Map.of(), "Windows 11", null));
    }

    @Test
    void badDisplayIsOneSentenceWithoutStackTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavafx.cachedir=" + System.getProperty("javafx.cachedir", System.getProperty("java.io.tmpdir")),
                "-cp", System.getProperty("java.class.path"), "org.port853.app.Launcher");
        pb.environment().put("DISPLAY", ":247"); // no X server there
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("HOME", home.toString()); // its log and single-window socket in the test's folder
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("XDG_RUNTIME_DIR", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        org.junit.jupiter.api.Assertions.assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("the graphical display could not be opened"), out);
        assertTrue(!out.contains("Exception") && !out.contains("\tat ") && !out.contains("Unsupported JavaFX"), out);
    }
}
