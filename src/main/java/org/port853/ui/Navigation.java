package org.port853.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Which screen the window shows. Screens and menus ask this model to go somewhere; the window's tabs follow it.
 * A new screen (e.g. Diagnostics) is one more {@link MainWindow.Screen} value and one more tab.
 */
public final class Navigation {
    private final ObjectProperty<MainWindow.Screen> current = new SimpleObjectProperty<>(MainWindow.Screen.STATUS);

    public void go(MainWindow.Screen s) {
        current.set(s);
    }

    public ObjectProperty<MainWindow.Screen> currentProperty() {
        return current;
    }
}
