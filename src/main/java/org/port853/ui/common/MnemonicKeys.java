package org.port853.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;
import javafx.stage.Window;

/**
 * Alt+letter for a window, in place of JavaFX 21's own handling, which gets three things wrong here:
 * <ul>
 * <li>it takes the first registered key that matches, and "_Protect" (Alt+'P') and "Add your own _provider" (Alt+'p')
 *     are two keys: with Protect's screen hidden, Alt+P on Providers did nothing;</li>
 * <li>it sends an action event, which presses a button but does not tick a check box or toggle Pause;</li>
 * <li>a key it handled never reaches the menu bar, which then takes the Alt key's release for a lone Alt and
 *     selects the File menu (the next Escape or Down went to the menu).</li>
 * </ul>
 * This filter, ahead of the scene, looks at every key the letter matches in either case, acts on the one shown (or
 * moves the focus between several, as JavaFX does), and tells the menu bar that a key came with the Alt.
 */
public final class MnemonicKeys {
    private static final String INSTALLED = MnemonicKeys.class.getName();

    private MnemonicKeys() {
    }

    /** Installs the filter on {@code window} once (a stage that shows one window after another keeps one). */
    public static void install(Window window) {
        if (window.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        boolean[] handled = {false};
        window.addEventFilter(KeyEvent.KEY_PRESSED, e -> handled[0] = pressed(window.getScene(), e));
        // the character typed with a key handled here: JavaFX would look it up again (by its character) and move the
        // focus a second time
        window.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (handled[0]) {
                handled[0] = false;
                e.consume();
            }
        });
    }

    private static boolean isMnemonicKey(KeyEvent e) {
        return e.isAltDown() && !e.isControlDown() && !e.isMetaDown() && e.getCode() != KeyCode.ALT;
    }

    /** Acts on a mnemonic key; true when it did (the event is consumed). */
    private static boolean pressed(Scene scene, KeyEvent e) {
        if (scene == null || !isMnemonicKey(e) || e.getText() == null || e.getText().isEmpty()) {
            return false;
        }
        List<Mnemonic> targets = shown(scene, e);
        if (targets.isEmpty()) {
            return false;
        }
        e.consume();
        if (targets.size() == 1) {
            act(targets.get(0));
        } else {
            focusNext(targets);
        }
        // the menu bar forgets its lone Alt only when it sees another key pressed; it did not see this one
        Event.fireEvent(scene, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.UNDEFINED, false, false, false, false));
        return true;
    }

    /** The mnemonics of this key, in either case, whose controls are shown and enabled in this scene. */
    private static List<Mnemonic> shown(Scene scene, KeyEvent e) {
        List<Mnemonic> found = new ArrayList<>();
        for (Map.Entry<KeyCombination, javafx.collections.ObservableList<Mnemonic>> entry : scene.getMnemonics().entrySet()) {
            if (!entry.getKey().match(e)) continue;
            for (Mnemonic m : entry.getValue()) {
                Node n = m.getNode();
                if (n != null && n.getScene() == scene && !n.isDisabled() && treeVisible(n) && !found.contains(m)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
        }
        return true;
    }

    private static void act(Mnemonic m) {
        Node n = m.getNode();
        if (n.isFocusTraversable()) n.requestFocus();
        if (n instanceof MenuButton) {
            m.fire(); // the menu bar's menus open as JavaFX opens them
        } else if (n instanceof ButtonBase b) {
            b.fire(); // ticks a check box, selects a radio button, toggles Pause; presses a button
        }
        // a field named by its label takes the focus only (an action event would run its Enter action)
    }

    private static void focusNext(List<Mnemonic> targets) {
        List<Node> nodes = targets.stream().map(Mnemonic::getNode).filter(Node::isFocusTraversable).toList();
        if (nodes.isEmpty()) return;
        int focused = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).isFocused()) focused = i;
        }
        nodes.get((focused + 1) % nodes.size()).requestFocus();
    }
}
