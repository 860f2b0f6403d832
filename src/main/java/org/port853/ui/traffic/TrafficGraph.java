package org.port853.ui.traffic;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.port853.capture.MeterSnapshot;
import org.port853.ui.common.I18n;

import java.util.List;

/**
 * The leak graph: packets per second for the three traffic classes, drawn on a canvas. Told apart without
 * colour: encrypted is a solid line, local plaintext dashed, leaks a thick dotted line, and every second with a
 * leaked query is a shaded band with a triangle on top; each series is labelled in the legend. The time before
 * monitoring started is shaded "no data".
 * Colours come from the stylesheet ({@code -encrypted-color}, ...). Redrawn only when a new snapshot is set.
 */
public final class TrafficGraph extends Region {
    private static final StyleablePropertyFactory<TrafficGraph> FACTORY = new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final CssMetaData<TrafficGraph, Paint> ENC = FACTORY.createPaintCssMetaData("-encrypted-color", g -> g.encColor, Color.web("#2a6fdb"));
    private static final CssMetaData<TrafficGraph, Paint> LOCAL = FACTORY.createPaintCssMetaData("-local-color", g -> g.localColor, Color.web("#6b7280"));
    private static final CssMetaData<TrafficGraph, Paint> LEAK = FACTORY.createPaintCssMetaData("-leak-color", g -> g.leakColor, Color.web("#c81e1e"));
    /** The band behind each leaked second: translucent enough for the lines to show, strong enough to be seen. */
    private static final CssMetaData<TrafficGraph, Paint> LEAK_BAND = FACTORY.createPaintCssMetaData("-leak-band-color", g -> g.leakBandColor, Color.web("#c81e1e", 0.22));
    private static final CssMetaData<TrafficGraph, Paint> AXIS = FACTORY.createPaintCssMetaData("-axis-color", g -> g.axisColor, Color.web("#444"));
    private static final CssMetaData<TrafficGraph, Paint> GRID = FACTORY.createPaintCssMetaData("-grid-color", g -> g.gridColor, Color.web("#ddd"));

    private final StyleableObjectProperty<Paint> encColor = new SimpleStyleable(ENC, "encColor");
    private final StyleableObjectProperty<Paint> localColor = new SimpleStyleable(LOCAL, "localColor");
    private final StyleableObjectProperty<Paint> leakColor = new SimpleStyleable(LEAK, "leakColor");
    private final StyleableObjectProperty<Paint> leakBandColor = new SimpleStyleable(LEAK_BAND, "leakBandColor");
    private final StyleableObjectProperty<Paint> axisColor = new SimpleStyleable(AXIS, "axisColor");
    private final StyleableObjectProperty<Paint> gridColor = new SimpleStyleable(GRID, "gridColor");
    private final ObjectProperty<MeterSnapshot> snapshot = new SimpleObjectProperty<>();
    private final Canvas canvas = new Canvas();
    private long redraws;

    private final class SimpleStyleable extends javafx.css.SimpleStyleableObjectProperty<Paint> {
        SimpleStyleable(CssMetaData<TrafficGraph, Paint> meta, String name) {
            super(meta, TrafficGraph.this, name, meta.getInitialValue(null));
        }

        @Override
        protected void invalidated() {
            draw();
        }
    }

    private java.time.Instant captureStart;
    /** left, plot width, seconds, end second of the last drawing (for hit testing). */
    private volatile double[] geometry;

    public TrafficGraph() {
        getStyleClass().add("traffic-graph");
        setId("traffic-graph");
        getChildren().add(canvas);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setFocusTraversable(true);
        setMinSize(300, 180);
        setPrefSize(800, 300);
        snapshot.addListener((o, a, s) -> draw());
    }

    public ObjectProperty<MeterSnapshot> snapshotProperty() {
        return snapshot;
    }

    /** How many times the graph has been drawn (tests check coalescing with it). */
    public long redraws() {
        return redraws;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        redraws++;
        beforeCaptureArea = null;
        beforeCaptureLabel = null;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 50 || h < 50) {
            return;
        }
        MeterSnapshot s = snapshot.get();
        Font font = Font.font(12);
        g.setFont(font);
        double left = PLOT_LEFT;
        double right = 12;
        // legend: a sample of each line and its label, on as many rows as the width needs
        String[] legendTexts = {I18n.t("graph.encrypted"), I18n.t("graph.local"), I18n.t("graph.leak")};
        double[][] legendAt = legendLayout(legendTexts, font, left, w - right);
        double top = 34 + legendAt[legendAt.length - 1][1] - LEGEND_Y;
        double bottom = 26;
        double pw = w - left - right;
        double ph = h - top - bottom;
        int n = s == null ? 300 : Math.max(1, s.seconds());
        long max = 1;
        if (s != null) {
            max = Math.max(max, Math.max(max(s.encryptedPackets()), Math.max(max(s.localPlaintextPackets()), max(s.leakPackets()))));
        }
        long top1 = niceCeiling(max);

        // grid and axes
        g.setLineDashes();
        g.setLineWidth(1);
        g.setStroke(gridColor.get());
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 4; i++) {
            double y = top + ph - ph * i / 4.0;
            g.strokeLine(left, y, left + pw, y);
            g.fillText(Long.toString(top1 * i / 4), left - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int ticks = 5;
        for (int i = 0; i <= ticks; i++) {
            double x = left + pw * i / ticks;
            int secondsAgo = n - n * i / ticks;
            g.strokeLine(x, top, x, top + ph);
            String label = secondsAgo == 0 ? I18n.t("graph.now")
                    : secondsAgo % 60 == 0 ? "−" + secondsAgo / 60 + " min" : "−" + secondsAgo + " s";
            g.fillText(label, Math.min(Math.max(x, left + 20), left + pw - 16), top + ph + 6);
        }
        g.setStroke(axisColor.get());
        g.strokeLine(left, top + ph, left + pw, top + ph);
        g.strokeLine(left, top, left, top + ph);
        g.save();
        g.translate(12, top + ph / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(I18n.t("graph.yaxis"), 0, 0);
        g.restore();

        legend(g, legendAt[0], encColor.get(), new double[0], 2, false, legendTexts[0]);
        legend(g, legendAt[1], localColor.get(), new double[]{7, 4}, 2, false, legendTexts[1]);
        legend(g, legendAt[2], leakColor.get(), new double[]{1, 4}, 3.5, true, legendTexts[2]);
        legendRight = 0;
        for (int i = 0; i < legendTexts.length; i++) {
            legendRight = Math.max(legendRight, legendAt[i][0] + LEGEND_SAMPLE + textWidth(legendTexts[i], font));
        }
        geometry = null;

        if (s == null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(axisColor.get());
            g.fillText(I18n.t("graph.nodata"), left + pw / 2, top + ph / 2);
            return;
        }
        // The time before monitoring started (or the last Clear) shows no data, not even counts that arrived late for
        // it: the window's seconds before that are left out. (Not a clip: a canvas clip is drawn through Prism's effect
        // images, and a clip that widens each second left ~8 MB of them in its image pool.)
        int noData = (int) secondsBeforeCapture(s, n);
        series(g, s.localPlaintextPackets(), n, noData, top1, left, top, pw, ph, localColor.get(), new double[]{7, 4}, 2,
                false);
        series(g, s.encryptedPackets(), n, noData, top1, left, top, pw, ph, encColor.get(), new double[0], 2, false);
        // drawn last and thickest, a leak line along zero would cover the others and read as a leak
        series(g, s.leakPackets(), n, noData, top1, left, top, pw, ph, leakColor.get(), new double[]{1, 4}, 3.5, true);
        // leaks as a band: every second with a leaked query is shaded over the plot's height, marked on top
        long[] markers = s.leakMarkers();
        if (markers != null) {
            Paint c = leakColor.get();
            g.setFill(leakBandColor.get());
            int offset = n - markers.length;
            int first = Math.max(0, noData - offset);
            int i = first;
            while (i < markers.length) {
                if (markers[i] <= 0) {
                    i++;
                    continue;
                }
                int from = i;
                while (i < markers.length && markers[i] > 0) i++;
                double x0 = left + pw * (offset + from) / n;
                double x1 = Math.max(x0 + 3, left + pw * (offset + i) / n);
                g.fillRect(x0, top, x1 - x0, ph);
            }
            g.setFill(c);
            for (int j = first; j < markers.length; j++) {
                if (markers[j] <= 0 || j > first && markers[j - 1] > 0) continue;
                double x = left + pw * (offset + j + 0.5) / n;
                g.fillPolygon(new double[]{x - 5, x + 5, x}, new double[]{top - 9, top - 9, top - 1}, 3);
            }
        }
        // before the capture started there is no data: shade it and say so
        if (captureStart != null) {
            long before = secondsBeforeCapture(s, n);
            if (before > 0) {
                double x = left + pw * before / n;
                g.setFill(gridColor.get() instanceof Color col ? col.deriveColor(0, 1, 1, 0.7) : gridColor.get());
                g.fillRect(left + 1, top, x - left - 1, ph);
                beforeCaptureArea = new javafx.geometry.BoundingBox(left + 1, top, x - left - 1, ph);
                // the label stays inside the shaded area, clear of the axis: it is left out when it does not fit
                String label = I18n.t("graph.beforeCapture");
                double tw = textWidth(label, font);
                double th = font.getSize() * 1.4;
                if (tw + 2 * LABEL_PAD <= x - left - 1 && th + 2 * LABEL_PAD <= ph) {
                    double cx = left + 1 + (x - left - 1) / 2;
                    g.setFill(axisColor.get());
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(label, cx, top + ph / 2);
                    beforeCaptureLabel = new javafx.geometry.BoundingBox(cx - tw / 2, top + ph / 2 - th / 2, tw, th);
                }
            }
        }
        geometry = new double[]{left, pw, n, s.endEpochSecond()};
    }

    /** How many of the window's {@code n} seconds lie before monitoring started (0 when unknown), at most n. */
    private long secondsBeforeCapture(MeterSnapshot s, int n) {
        return captureStart == null ? 0 : Math.max(0, Math.min(n, captureStart.getEpochSecond() - (s.endEpochSecond() - n + 1)));
    }

    /** The room the "no data" label keeps from the shaded area's edges (the axis on its left). */
    private static final double LABEL_PAD = 6;
    /** The shaded time before monitoring started and its label as last drawn; null when not drawn. */
    private javafx.geometry.Bounds beforeCaptureArea;
    private javafx.geometry.Bounds beforeCaptureLabel;

    /** The shaded "no data" area as last drawn (graph coordinates), or null when none was drawn. */
    public javafx.geometry.Bounds beforeCaptureArea() {
        return beforeCaptureArea;
    }

    /** Where the "no data (before monitoring started)" label was last drawn, or null when it was left out. */
    public javafx.geometry.Bounds beforeCaptureLabel() {
        return beforeCaptureLabel;
    }

    /** Where the plot starts on the left: the y axis, with its tick labels and title left of it. */
    public static double plotLeft() {
        return PLOT_LEFT;
    }

    private static final double PLOT_LEFT = 48;

    /** When monitoring started (the time before it is shaded as "no data"); null when unknown. */
    public void setCaptureStart(java.time.Instant start) {
        captureStart = start;
        draw();
    }

    /** The second under the x coordinate, or null outside the plot or before anything was drawn. */
    public java.time.Instant secondAt(double x) {
        double[] geo = geometry;
        if (geo == null || x < geo[0] || x > geo[0] + geo[1]) return null;
        int n = (int) geo[2];
        int i = (int) Math.min(n - 1, Math.floor((x - geo[0]) / geo[1] * n));
        return java.time.Instant.ofEpochSecond((long) geo[3] - n + 1 + i);
    }

    /**
     * Counts for the second under x (for the tooltip): encrypted, local, leaked packets and leaked queries; null
     * where there is no data (outside the window, or before monitoring started).
     */
    public long[] countsAt(java.time.Instant second) {
        MeterSnapshot s = snapshot.get();
        if (s == null || second == null || captureStart != null && second.getEpochSecond() < captureStart.getEpochSecond()) {
            return null;
        }
        int i = (int) (second.getEpochSecond() - (s.endEpochSecond() - s.seconds() + 1));
        if (i < 0 || i >= s.seconds()) return null;
        return new long[]{at(s.encryptedPackets(), i), at(s.localPlaintextPackets(), i), at(s.leakPackets(), i),
                at(s.leakMarkers(), i)};
    }

    private static long at(long[] a, int i) {
        return a == null || i >= a.length ? 0 : a[i];
    }

    private static final double LEGEND_Y = 14;
    private static final double LEGEND_ROW = 18;
    /** The line sample and the gap before its label. */
    private static final double LEGEND_SAMPLE = 34;
    private static final double LEGEND_GAP = 22;
    /** Where the last drawing's legend ended on the right (0 before the first). */
    private double legendRight;

    /** The right edge of the legend as last drawn: within the graph's width when nothing is cut off. */
    public double legendRight() {
        return legendRight;
    }

    /** Where each legend entry starts ({x, y}): left to right, a new row when the next would pass {@code maxX}. */
    static double[][] legendLayout(String[] texts, Font font, double left, double maxX) {
        double[][] at = new double[texts.length][];
        double x = left;
        double y = LEGEND_Y;
        for (int i = 0; i < texts.length; i++) {
            double width = LEGEND_SAMPLE + textWidth(texts[i], font);
            if (x > left && x + width > maxX) {
                x = left;
                y += LEGEND_ROW;
            }
            at[i] = new double[]{x, y};
            x += width + LEGEND_GAP;
        }
        return at;
    }

    private static double textWidth(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static void legend(GraphicsContext g, double[] at, Paint color, double[] dashes, double width,
                               boolean marker, String text) {
        double x = at[0];
        double y = at[1];
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineDashes(dashes);
        g.strokeLine(x, y, x + 28, y);
        g.setLineDashes();
        if (marker) {
            g.setFill(color);
            g.fillPolygon(new double[]{x + 9, x + 19, x + 14}, new double[]{y - 9, y - 9, y - 1}, 3);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(color);
        g.fillText(text, x + LEGEND_SAMPLE, y);
    }

    /** One line over the window's {@code n} seconds, leaving out the first {@code noData} of them. */
    private static void series(GraphicsContext g, long[] values, int n, int noData, long max, double left, double top,
                               double pw, double ph, Paint color, double[] dashes, double width, boolean skipZeros) {
        if (values == null || values.length == 0) return;
        int cols = (int) Math.max(1, Math.min(values.length, pw));
        double per = values.length / (double) cols;
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineDashes(dashes);
        g.beginPath();
        int offset = n - values.length;
        boolean started = false;
        long previous = 0;
        for (int c = 0; c < cols; c++) {
            int from = (int) Math.floor(c * per);
            int to = (int) Math.max(from + 1, Math.floor((c + 1) * per));
            if (offset + from < noData) continue;
            long v = 0;
            for (int i = from; i < to && i < values.length; i++) v = Math.max(v, values[i]);
            double x = left + pw * (offset + (from + to) / 2.0) / n;
            double y = top + ph - ph * Math.min(1.0, v / (double) max);
            if (started && !(skipZeros && previous == 0 && v == 0)) g.lineTo(x, y);
            else g.moveTo(x, y);
            started = true;
            previous = v;
        }
        g.stroke();
        g.setLineDashes();
    }

    private static long max(long[] a) {
        long m = 0;
        if (a != null) for (long x : a) m = Math.max(m, x);
        return m;
    }

    static long niceCeiling(long v) {
        long p = 1;
        while (p * 10 <= v) p *= 10;
        for (long f : new long[]{1, 2, 4, 5, 10}) {
            if (f * p >= v) return Math.max(4, f * p);
        }
        return Math.max(4, 10 * p);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return FACTORY.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
