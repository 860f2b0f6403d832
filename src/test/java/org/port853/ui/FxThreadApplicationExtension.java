package org.port853.ui;

import java.util.Collection;
import java.util.function.Predicate;
import javafx.scene.Node;
import org.hamcrest.Matcher;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.service.query.NodeQuery;

/**
 * TestFX's extension (it is also the {@code FxRobot} tests are given) with look-ups run on the JavaFX thread. TestFX
 * walks the scene graph on the test's thread, so a look-up that races a layout pass can fail: CI once saw
 * {@code robot.lookup("#apply-summary").query()} throw "Index 4 out of bounds for length 3". {@code clickOn(query)}
 * looks up through these methods too.
 */
public class FxThreadApplicationExtension extends ApplicationExtension {
    @Override
    public NodeQuery fromAll() {
        return FxThreadQuery.of(super::fromAll);
    }

    @Override
    public NodeQuery from(Node... parentNodes) {
        return FxThreadQuery.of(() -> super.from(parentNodes));
    }

    @Override
    public NodeQuery from(Collection<Node> parentNodes) {
        return FxThreadQuery.of(() -> super.from(parentNodes));
    }

    @Override
    public NodeQuery from(NodeQuery nodeQuery) {
        return FxThreadQuery.of(() -> super.from(nodeQuery));
    }

    @Override
    public NodeQuery lookup(String query) {
        return FxThreadQuery.of(() -> super.lookup(query));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Matcher<T> matcher) {
        return FxThreadQuery.of(() -> super.lookup(matcher));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Predicate<T> predicate) {
        return FxThreadQuery.of(() -> super.lookup(predicate));
    }
}
