package org.port853.ui.common;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;

/**
 * JavaFX answers the mnemonic (Alt+letter) of a check box, radio button or toggle button by focusing it and firing a
 * bare ActionEvent at it, which neither toggles nor selects it. In a scene given to {@link #install} such a mnemonic
 * does what a click does, as on GTK. (JavaFX's own choice of the target stays: with two controls on one letter it
 * only moves the focus between them.)
 */
public final class Mnemonics {
    private static final Object INSTALLED = new Object();

    private Mnemonics() {
    }

    public static void install(Scene scene) {
        if (scene.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) return;
        scene.getMnemonics().addListener((MapChangeListener<KeyCombination, ObservableList<Mnemonic>>) c -> {
            if (c.wasAdded()) clickOnMnemonic(c.getValueAdded());
        });
        scene.getMnemonics().values().forEach(Mnemonics::clickOnMnemonic);
    }

    private static void clickOnMnemonic(ObservableList<Mnemonic> mnemonics) {
        mnemonics.addListener((ListChangeListener<Mnemonic>) c -> swap(mnemonics));
        swap(mnemonics);
    }

    /**
     * The skins add and remove their mnemonics by node: a replaced one is still removed with its control. A skin that
     * adds its own mnemonic again (the scene compares by identity, so it no longer finds it) would leave two for one
     * node, and with two JavaFX only moves the focus: one per node is kept.
     */
    private static void swap(List<Mnemonic> mnemonics) {
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < mnemonics.size(); i++) {
            Mnemonic m = mnemonics.get(i);
            Node n = m.getNode();
            if (!seen.add(n)) {
                mnemonics.remove(i--);
            } else if (!(m instanceof Click) && (n instanceof CheckBox || n instanceof ToggleButton)) {
                mnemonics.set(i, new Click((ButtonBase) n, m.getKeyCombination()));
            }
        }
    }

    private static final class Click extends Mnemonic {
        private final ButtonBase button;

        Click(ButtonBase button, KeyCombination key) {
            super(button, key);
            this.button = button;
        }

        @Override
        public void fire() {
            button.fire(); // toggles or selects, then fires the ActionEvent
        }
    }
}
