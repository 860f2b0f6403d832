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
}
