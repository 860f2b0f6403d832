package org.port853.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.port853.ui.apply.ApplyViewModel;

/**
 * Where the window's keyboard focus goes when JavaFX would put it somewhere unhelpful. It never lands on "Exit demo" by
 * itself (one stray Space or Enter would leave the demo): when JavaFX moves it there because nothing had it yet
 * (start-up) or because the focused control went away (disabled, hidden with its screen, a closed sheet), it goes to
 * the shown screen's primary control instead; Tab and the mouse still reach the button. A screen chosen by its shortcut
 * or the menu starts on its primary control too. When the apply sheet closes, the focus goes back to what opened it.
 */
final class FocusKeeper {
    private final Parent root;
    private final TabPane tabs;
    private final Node exitDemo;
    private final ApplyViewModel apply;
    /** What had the keyboard focus when the apply sheet opened: it gets it back when the sheet closes. */
    private Node sheetOpener;
    /** The focus was left on the screens' tabs only because the screen had no usable control yet. */
    private boolean parked;
    /** The focused control went away with its screen; JavaFX has not given the focus to another yet. */
    private boolean screenLeft;
    private final ChangeListener<Node> guard = (o, old, now) -> guard(old, now);

    /**
     * Keeps the focus of {@code root}'s scene; {@code primaryUsable} are the states on which a screen's primary control
     * becomes usable (the state read, a verification finished): a focus parked on the tabs then moves on to it.
     */
    FocusKeeper(Parent root, TabPane tabs, Node exitDemo, ApplyViewModel apply, ObservableValue<?>... primaryUsable) {
        this.root = root;
        this.tabs = tabs;
        this.exitDemo = exitDemo;
        this.apply = apply;
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.focusOwnerProperty().removeListener(guard);
            if (scene != null) {
                scene.focusOwnerProperty().addListener(guard);
                Node owner = scene.getFocusOwner();
                // a scene that held the window before this one (the skeleton, Open demo, Exit demo) keeps that
                // window's focused control until it is removed; JavaFX then gives the focus to the tabs
                if (owner == null || owner == exitDemo || !isInside(owner, root)) {
                    Platform.runLater(this::focusPrimary);
                }
            }
        });
        for (ObservableValue<?> usable : primaryUsable) {
            usable.addListener((o, a, b) -> {
                if (parked && focusOwner() == tabs) Platform.runLater(this::focusPrimary);
            });
        }
        apply.phaseProperty().addListener((o, a, p) -> {
            if (a == ApplyViewModel.Phase.IDLE && p != ApplyViewModel.Phase.IDLE) {
                sheetOpener = focusOwner();
            } else if (p == ApplyViewModel.Phase.IDLE) {
                Node opener = sheetOpener;
                sheetOpener = null;
                Platform.runLater(() -> focusBack(opener));
            }
        });
    }

    /**
     * Focuses the shown screen's primary control: the first usable one marked {@code primary-control} (on Status:
     * "Protect my DNS", else the encryption switch; on Verify: "Run"); on a screen without one its first usable
     * control; the tabs while there is none yet.
     */
    void focusPrimary() {
        if (root.getScene() == null || apply.busy()) return;
        Tab t = tabs.getSelectionModel().getSelectedItem();
        Node content = t == null ? null : t.getContent();
        Node target = null;
        if (content != null) {
            var primary = content.lookupAll(".primary-control");
            // a screen with a primary control not usable yet (the state still being read) waits for it on the tabs
            target = primary.isEmpty() ? firstFocusable(content)
                    : primary.stream().filter(FocusKeeper::focusable).findFirst().orElse(null);
        }
        if (target != null) {
            target.requestFocus();
        } else if (focusable(tabs)) {
            tabs.requestFocus();
            parked = true;
        }
    }

    private void guard(Node old, Node now) {
        if (now != tabs) parked = false;
        if (now == exitDemo && (old == null || !focusable(old))) {
            screenLeft = false;
            Platform.runLater(() -> {
                if (focusOwner() == exitDemo) focusPrimary();
            });
        } else if (now == null && old != null && onHiddenScreen(old)) {
            screenLeft = true;
        } else if (screenLeft && now != null) {
            // the focused control went away with its screen (another one chosen by a shortcut or the menu), and JavaFX
            // moved the focus on to the next control in the scene: the tabs, "Exit demo", or on Status the leak link
            // above "Protect my DNS"
            screenLeft = false;
            Platform.runLater(() -> {
                if (focusOwner() == now) focusPrimary();
            });
        }
    }

    /** {@code n} is on a screen whose tab is not the selected one (so no longer shown). */
    private boolean onHiddenScreen(Node n) {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        for (Tab t : tabs.getTabs()) {
            if (t != shown && t.getContent() != null && isInside(n, t.getContent())) return true;
        }
        return false;
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) return true;
        }
        return false;
    }

    /** After the apply sheet closed: back to what opened it, or (gone, hidden, disabled) the screen's primary control. */
    private void focusBack(Node opener) {
        if (apply.busy() || root.getScene() == null) return; // another sheet opened meanwhile
        if (opener != null && opener != exitDemo && focusable(opener)) {
            opener.requestFocus();
        } else {
            focusPrimary();
        }
    }

    private Node focusOwner() {
        Scene scene = root.getScene();
        return scene == null ? null : scene.getFocusOwner();
    }

    private static Node firstFocusable(Node n) {
        if (n.isFocusTraversable() && focusable(n)) return n;
        if (n instanceof Parent p && !(n instanceof javafx.scene.control.Control c && c.isFocusTraversable())) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = firstFocusable(c);
                if (f != null) return f;
            }
        }
        return null;
    }

    /** In a scene, shown (it and all its parents), enabled and taking the focus. */
    private static boolean focusable(Node n) {
        if (n.getScene() == null || n.isDisabled() || !n.isFocusTraversable()) return false;
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }
}
