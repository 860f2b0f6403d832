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

    /**
     * Where a shown window goes so that it stays within {@code usable}: the size above is its content's, and the
     * desktop's title bar and borders come on top (a 1366 x 768 laptop with a top bar has less than 740 + a title bar),
     * so it is shrunk to the usable area (not below the minimum) and moved inside it; unchanged where it fits.
     */
    static Rectangle2D onScreen(Rectangle2D window, Rectangle2D usable, double minWidth, double minHeight) {
        double w = fit(window.getWidth(), usable.getWidth(), Math.min(minWidth, window.getWidth()));
        double h = fit(window.getHeight(), usable.getHeight(), Math.min(minHeight, window.getHeight()));
        double x = Math.max(usable.getMinX(), Math.min(window.getMinX(), usable.getMaxX() - w));
        double y = Math.max(usable.getMinY(), Math.min(window.getMinY(), usable.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    /** {@link #onScreen} for a window just shown, on the screen it is on. */
    static void keepOnScreen(javafx.stage.Stage stage) {
        Rectangle2D now = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        Rectangle2D usable = javafx.stage.Screen.getScreensForRectangle(now).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        Rectangle2D placed = onScreen(now, usable, stage.getMinWidth(), stage.getMinHeight());
        if (!placed.equals(now)) {
            stage.setWidth(placed.getWidth());
            stage.setHeight(placed.getHeight());
            stage.setX(placed.getMinX());
            stage.setY(placed.getMinY());
        }
    }

    private static double fit(double wanted, double available, double minimum) {
        return Math.max(minimum, Math.min(wanted, available));
    }
}
