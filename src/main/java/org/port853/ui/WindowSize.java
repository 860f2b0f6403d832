package org.port853.ui;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;

/**
 * The size the window opens at: its usual size, shrunk to the screen's usable area where that is smaller (a small
 * laptop screen, a large text scale), but never below the minimum the layout is made for. A window opened larger than
 * the screen has its buttons and status out of sight, and where the desktop does not fit it, out of reach.
 */
final class WindowSize {
    static final double WIDTH = 1040;
    static final double HEIGHT = 740;

    private WindowSize() {
    }

    static Dimension2D initial(Rectangle2D usable) {
        return new Dimension2D(fit(WIDTH, usable.getWidth(), MainWindow.MIN_WIDTH),
                fit(HEIGHT, usable.getHeight(), MainWindow.MIN_HEIGHT));
    }

    /** The primary screen's usable area (without panels), where the window opens. */
    static Dimension2D onPrimaryScreen() {
        return initial(javafx.stage.Screen.getPrimary().getVisualBounds());
    }

    private static double fit(double wanted, double available, double minimum) {
        return Math.max(minimum, Math.min(wanted, available));
    }
}
