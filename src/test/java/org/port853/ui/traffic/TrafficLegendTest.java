package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.port853.capture.MeterSnapshot;
import org.port853.ui.FxThreadApplicationExtension;
import org.port853.ui.common.I18n;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph's legend: the labels that say where each query went where they fit on one row, else the short ones, in
 * the language the graph is drawn in, whatever width and language it was drawn in before.
 */
@ExtendWith(FxThreadApplicationExtension.class)
class TrafficLegendTest {
    private static final double HEIGHT = 300;
    /** The plot's left edge and right margin, the line sample before a label and the gap after it. */
    private static final double LEFT = 48;
    private static final double RIGHT = 12;

    /** Where one row of these labels would end on the right. */
    private static double oneRow(List<String> keys) {
        double x = LEFT;
        for (String key : keys) {
            Text t = new Text(I18n.t(key));
            t.setFont(Font.font(12));
            x += 34 + t.getLayoutBounds().getWidth() + 22;
        }
        return x - 22;
    }

    private static final List<String> LONG = List.of("graph.encrypted", "graph.local", "graph.leak");
    private static final List<String> SHORT = List.of("graph.encrypted", "graph.local.short", "graph.leak.short");

    /** {legendRight, plotHeight} after a redraw at {@code width} in {@code language}. */
    private static double[] drawn(TrafficGraph graph, Locale language, double width, long second) {
        return I18n.in(language, () -> {
            graph.resize(width, HEIGHT);
            graph.layoutChildren();
            graph.snapshotProperty().set(new MeterSnapshot(second, 3, new long[3], new long[3], new long[3],
                    new long[3], Map.of(), 0, 0)); // a redraw at the same width
            return new double[]{graph.legendRight(), graph.plotHeight()};
        });
    }

    /** Runs {@code test} with a new graph on the JavaFX thread. */
    private static void onAGraph(java.util.function.Consumer<TrafficGraph> test) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> test.accept(new TrafficGraph())).get();
    }

    @Test
    @DisplayName("long labels where they fit one row, else short ones, in each language, widening and narrowing, and "
            + "after the other language was drawn at the same width")
    void longWhereTheyFitElseShort() throws Exception {
        onAGraph(graph -> {
            int checked = 0;
            long second = 1;
            for (int pass = 0; pass < 2; pass++) {
                for (double width = 300; width <= 1100; width += 20) {
                    double w = pass == 0 ? width : 1400 - width; // wider, then narrower
                    for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                        double[] got = drawn(graph, language, w, second++);
                        double[] expected = I18n.in(language, () -> new double[]{oneRow(LONG), oneRow(SHORT)});
                        double maxX = w - RIGHT;
                        if (expected[0] <= maxX || expected[1] <= maxX) {
                            assertEquals(expected[0] <= maxX ? expected[0] : expected[1], got[0], 0.001,
                                    language + " at " + w + " px");
                            assertEquals(HEIGHT - 60, got[1], 0.001, "one row of legend at " + w + " px");
                            checked++;
                        } else {
                            assertTrue(got[0] > 0 && got[0] <= w, language + " at " + w + ": " + got[0]);
                        }
                    }
                }
            }
            assertTrue(checked > 40, "one-row widths checked: " + checked);
        });
    }

    @Test
    @DisplayName("a redraw at the same width in the same language reuses the legend; another width or language lays it "
            + "out anew")
    void laidOutOncePerWidthAndLanguage() throws Exception {
        onAGraph(graph -> {
            drawn(graph, Locale.ENGLISH, 800, 1);
            TrafficLegend english = graph.lastLegend();
            long redraws = graph.redraws();
            drawn(graph, Locale.ENGLISH, 800, 2);
            assertTrue(graph.redraws() > redraws, "redrawn");
            assertSame(english, graph.lastLegend());
            drawn(graph, Locale.GERMAN, 800, 3);
            assertNotSame(english, graph.lastLegend());
            assertEquals(I18n.in(Locale.GERMAN, () -> I18n.t("graph.encrypted")), graph.lastLegend().texts().get(0));
            TrafficLegend german = graph.lastLegend();
            drawn(graph, Locale.GERMAN, 820, 4);
            assertNotSame(german, graph.lastLegend());
        });
    }
}
