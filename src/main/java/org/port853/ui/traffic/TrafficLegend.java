package org.port853.ui.traffic;

import java.util.List;
import javafx.scene.text.Font;
import org.port853.ui.common.I18n;

/**
 * The graph's legend laid out for one width: the labels that say where each query went, or, where those take more
 * than one row (a narrow window, German), the short ones: a second row would come off a plot that is short already,
 * and the totals line below the graph says where "local" queries go. {@code at}: where each entry starts ({x, y}),
 * left to right, a new row when the next would pass the right edge; {@code right}: where the legend ends.
 */
record TrafficLegend(Key key, List<String> texts, List<double[]> at, double right) {
    /** The first row's centre line. */
    static final double Y = 14;
    private static final double ROW = 18;
    /** The line sample and the gap before its label. */
    static final double SAMPLE = 34;
    private static final double GAP = 22;

    /**
     * What the layout depends on: the font, the room from {@code left} to {@code maxX}, and the labels in the window's
     * language, long and short.
     */
    record Key(Font font, double left, double maxX, List<String> longLabels, List<String> shortLabels) {
        static Key of(Font font, double left, double maxX) {
            String encrypted = I18n.t("graph.encrypted");
            return new Key(font, left, maxX, List.of(encrypted, I18n.t("graph.local"), I18n.t("graph.leak")),
                    List.of(encrypted, I18n.t("graph.local.short"), I18n.t("graph.leak.short")));
        }
    }

    static TrafficLegend of(Key key) {
        TrafficLegend full = layout(key, key.longLabels());
        return full.below() == 0 ? full : layout(key, key.shortLabels());
    }

    /** How far below the first row the last one is (0 on one row). */
    double below() {
        return at.get(at.size() - 1)[1] - Y;
    }

    private static TrafficLegend layout(Key key, List<String> texts) {
        double[][] at = new double[texts.size()][];
        double x = key.left();
        double y = Y;
        double right = 0;
        for (int i = 0; i < texts.size(); i++) {
            double width = SAMPLE + TrafficGraph.textWidth(texts.get(i), key.font());
            if (x > key.left() && x + width > key.maxX()) {
                x = key.left();
                y += ROW;
            }
            at[i] = new double[]{x, y};
            right = Math.max(right, x + width);
            x += width + GAP;
        }
        return new TrafficLegend(key, texts, List.of(at), right);
    }
}
