package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WindowSizeTest {
    @Test
    @DisplayName("the window opens at its usual size where the screen has room for it")
    void usualSizeOnALargeScreen() {
        assertEquals(new Dimension2D(1040, 740), WindowSize.initial(new Rectangle2D(0, 0, 1920, 1050)));
    }

    @Test
    @DisplayName("on a screen smaller than that it opens as large as the screen's usable area, not beyond its edges")
    void fitsASmallScreen() {
        assertEquals(new Dimension2D(800, 560), WindowSize.initial(new Rectangle2D(0, 28, 800, 560)));
        assertEquals(new Dimension2D(720, 520), WindowSize.initial(new Rectangle2D(0, 0, 720, 520)));
    }

    @Test
    @DisplayName("it never opens below the minimum size its layout is made for")
    void neverBelowTheMinimum() {
        assertEquals(new Dimension2D(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT),
                WindowSize.initial(new Rectangle2D(0, 0, 640, 480)));
    }

    @Test
    @DisplayName("shown with the desktop's title bar on top, a window taller than the usable area is shrunk to it and "
            + "moved inside it (its title bar on screen); one that fits stays where it is")
    void keptWithinTheUsableArea() {
        Rectangle2D laptop = new Rectangle2D(0, 32, 1366, 736);
        assertEquals(new Rectangle2D(163, 32, 1040, 736),
                WindowSize.onScreen(new Rectangle2D(163, 12, 1040, 777), laptop, 720, 520));
        Rectangle2D fits = new Rectangle2D(100, 100, 1040, 777);
        assertEquals(fits, WindowSize.onScreen(fits, new Rectangle2D(0, 0, 1920, 1050), 720, 520));
        assertEquals(new Rectangle2D(0, 0, 720, 520),
                WindowSize.onScreen(new Rectangle2D(-20, -10, 760, 560), new Rectangle2D(0, 0, 640, 480), 720, 520),
                "never below the minimum");
    }
}
