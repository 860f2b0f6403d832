package org.port853.ui.traffic;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
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

import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The leak graph: queries per second (encrypted, to this computer's own resolver, and leaked), drawn on a canvas. The
 * seconds are summed into bins wide enough to read (at least {@link #MIN_BIN_PX} px each: 5 s over five minutes at the
 * window's width, a minute over an hour) that follow the clock, each drawn at its average rate, so the lines do not
 * zigzag between busy and idle seconds and only the newest bin changes as time goes on. Told apart without colour:
 * encrypted is a solid line over a light area, local plaintext dashed, leaks filled bars, and every bin with a leaked
 * query is a shaded band with a triangle on top; each series is labelled in the legend. The time before monitoring
 * started is shaded "no data". Colours come from the stylesheet ({@code -encrypted-color}, ...). Redrawn only when a
 * new snapshot is set.
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

    private Instant captureStart;
    /** Where the last drawing put its plot and bins (for hit testing); null before the first with data. */
    private record Drawn(double left, double plotWidth, Bins bins) {
    }

    private volatile Drawn drawn;

    public TrafficGraph() {
        getStyleClass().add("traffic-graph");
        setId("traffic-graph");
        getChildren().add(canvas);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setFocusTraversable(true);
        // at the smallest window (720 × 520) a plot of 80 px (one legend row) and the y axis's title, and the leak
        // list below still starts two groups above the window's bottom edge
        setMinSize(300, 140);
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
        TrafficLegend legend = legendFor(font, left, w - right);
        double top = 34 + legend.below();
        double bottom = 26;
        double pw = w - left - right;
        double ph = h - top - bottom;
        plotHeight = ph;
        int n = s == null ? 300 : Math.max(1, s.seconds());
        // The time before monitoring started (or the last Clear) shows no data, not even counts that arrived late for
        // it: the window's seconds before that are left out. (Not a clip: a canvas clip is drawn through Prism's effect
        // images, and a clip that widens each second left ~8 MB of them in its image pool.)
        Bins bins = s == null ? null : new Bins(n, binSeconds(n, pw), s.endEpochSecond() - n + 1,
                (int) secondsBeforeCapture(s, n));
        // one unit, queries, as in the totals and the leak list
        double[] encrypted = s == null ? new double[0] : bins.rates(s.queries().encrypted());
        double[] local = s == null ? new double[0] : bins.rates(s.queries().local());
        double[] leaked = s == null ? new double[0] : bins.leakRates(s.leakMarkers());
        double top1 = scaleTop(Math.max(max(encrypted), Math.max(max(local), max(leaked))));
        NumberFormat tick = tickFormat();

        // grid and axes (the cap set here: the context keeps the last drawing's)
        g.setLineDashes();
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineWidth(1);
        g.setStroke(gridColor.get());
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        // quarters of the scale (whole numbers, or .25 / .5 steps); halves on a short plot, where quarters' labels touch
        int steps = ph >= 4 * MIN_TICK_GAP ? 4 : 2;
        for (int i = 0; i <= steps; i++) {
            double y = top + ph - ph * i / steps;
            g.strokeLine(left, y, left + pw, y);
            g.fillText(tick.format(top1 * i / steps), left - 6, y);
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
        String yTitle = I18n.t("graph.yaxis");
        if (textWidth(yTitle, font) <= ph) { // left out where it would run into the legend and the time axis
            g.save();
            g.translate(12, top + ph / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(yTitle, 0, 0);
            g.restore();
        }

        legendEntry(g, legend, 0, encColor.get(), new double[0], false);
        legendEntry(g, legend, 1, localColor.get(), new double[]{7, 4}, false);
        legendEntry(g, legend, 2, leakColor.get(), null, true);
        drawn = null;

        if (s == null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(axisColor.get());
            g.fillText(I18n.t("graph.nodata"), left + pw / 2, top + ph / 2);
            return;
        }
        // leaks as a band: every bin with a leaked query is shaded over the plot's height, marked on top
        for (int k = 0; k < leaked.length; k++) {
            if (!(leaked[k] > 0)) continue;
            double x0 = bins.x(bins.start(k), left, pw);
            double x1 = Math.max(x0 + 3, bins.x(bins.end(k), left, pw));
            g.setFill(leakBandColor.get());
            g.fillRect(x0, top, x1 - x0, ph);
            double x = (x0 + x1) / 2;
            g.setFill(leakColor.get());
            g.fillPolygon(new double[]{x - 5, x + 5, x}, new double[]{top - 9, top - 9, top - 1}, 3);
        }
        area(g, bins, encrypted, left, top, pw, ph, top1, encColor.get());
        // the dashed local line over the solid one: where both count the same (every question to the resolver sent
        // on encrypted), the blue shows through the dashes' gaps instead of hiding the local line
        line(g, bins, encrypted, left, top, pw, ph, top1, encColor.get(), new double[0]);
        line(g, bins, local, left, top, pw, ph, top1, localColor.get(), new double[]{7, 4});
        // drawn last: a leak is never hidden behind the other lines; a bin without leaks draws nothing
        leakBars(g, bins, leaked, left, top, pw, ph, top1, leakColor.get());
        // before the capture started there is no data: shade it and say so
        if (captureStart != null) {
            long before = secondsBeforeCapture(s, n);
            if (before > 0) {
                double x = left + pw * before / n;
                g.setFill(gridColor.get() instanceof Color col ? col.deriveColor(0, 1, 1, 0.7) : gridColor.get());
                g.fillRect(left + 1, top, x - left - 1, ph);
                beforeCaptureArea = new BoundingBox(left + 1, top, x - left - 1, ph);
                // the label stays inside the shaded area, clear of the axis: it is left out when it does not fit
                String label = noDataText();
                double tw = textWidth(label, font);
                double th = font.getSize() * 1.4;
                if (tw + 2 * LABEL_PAD <= x - left - 1 && th + 2 * LABEL_PAD <= ph) {
                    double cx = left + 1 + (x - left - 1) / 2;
                    g.setFill(axisColor.get());
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(label, cx, top + ph / 2);
                    beforeCaptureLabel = new BoundingBox(cx - tw / 2, top + ph / 2 - th / 2, tw, th);
                }
            }
        }
        drawn = new Drawn(left, pw, bins);
    }

    /** The y axis's tick labels in the window's language: whole numbers, or quarters of small scales. */
    private NumberFormat tickFormat() {
        Locale l = I18n.locale();
        if (tickFormat == null || !l.equals(tickLocale)) {
            tickFormat = NumberFormat.getNumberInstance(l);
            tickFormat.setMaximumFractionDigits(2);
            tickLocale = l;
        }
        return tickFormat;
    }

    private NumberFormat tickFormat;
    private Locale tickLocale;

    /** How many of the window's {@code n} seconds lie before monitoring started (0 when unknown), at most n. */
    private long secondsBeforeCapture(MeterSnapshot s, int n) {
        return captureStart == null ? 0 : Math.max(0, Math.min(n, captureStart.getEpochSecond() - (s.endEpochSecond() - n + 1)));
    }

    /** The room the "no data" label keeps from the shaded area's edges (the axis on its left). */
    private static final double LABEL_PAD = 6;
    /** The shaded time before monitoring started and its label as last drawn; null when not drawn. */
    private Bounds beforeCaptureArea;
    private Bounds beforeCaptureLabel;

    /** The shaded "no data" area as last drawn (graph coordinates), or null when none was drawn. */
    public Bounds beforeCaptureArea() {
        return beforeCaptureArea;
    }

    /** Where the "no data (before monitoring started)" label was last drawn, or null when it was left out. */
    public Bounds beforeCaptureLabel() {
        return beforeCaptureLabel;
    }

    /** Where the plot starts on the left: the y axis, with its tick labels and title left of it. */
    public static double plotLeft() {
        return PLOT_LEFT;
    }

    private static final double PLOT_LEFT = 48;
    /** The least room between two of the y axis's tick labels. */
    private static final double MIN_TICK_GAP = 24;

    /** When monitoring started (the time before it is shaded as "no data"); null when unknown. */
    public void setCaptureStart(Instant start) {
        setCaptureStart(start, false);
    }

    /** @param cleared the start is the last Clear: the shaded time says so */
    public void setCaptureStart(Instant start, boolean cleared) {
        captureStart = start;
        this.cleared = cleared;
        draw();
    }

    /** What the time before the data is called (shaded area and tooltip). */
    public String noDataText() {
        return I18n.t(cleared ? "graph.beforeClear" : "graph.beforeCapture");
    }

    private boolean cleared;

    /** The first and last second of a bin as drawn (the same second twice where a bin is one second). */
    public record Span(Instant from, Instant to) {
        public long seconds() {
            return to.getEpochSecond() - from.getEpochSecond() + 1;
        }

        /** Whether {@code t} falls in one of the span's seconds (any time within its last second counts). */
        public boolean contains(Instant t) {
            return t != null && t.getEpochSecond() >= from.getEpochSecond() && t.getEpochSecond() <= to.getEpochSecond();
        }
    }

    /** The queries a span of the graph counted: encrypted, local (to this computer's resolver) and leaked. */
    public record Counts(long encrypted, long local, long leaked) {
    }

    /** The bin drawn under the x coordinate, or null outside the plot or before anything was drawn. */
    public Span binAt(double x) {
        Drawn d = drawn;
        if (d == null || x < d.left() || x > d.left() + d.plotWidth()) return null;
        Bins bins = d.bins();
        int index = (int) Math.min(bins.n() - 1, Math.floor((x - d.left()) / d.plotWidth() * bins.n()));
        int k = bins.binOf(index);
        return new Span(Instant.ofEpochSecond(bins.firstSecond(k)),
                Instant.ofEpochSecond(bins.lastSecond(k)));
    }

    /** Counts for one second (for the tooltip); null where there is no data (outside the window, or before monitoring). */
    public Counts countsAt(Instant second) {
        return countsIn(new Span(second, second));
    }

    /** As {@link #countsAt}, summed over the span's seconds; null where none has data. */
    public Counts countsIn(Span span) {
        MeterSnapshot s = snapshot.get();
        if (s == null || span == null) {
            return null;
        }
        long first = s.endEpochSecond() - s.seconds() + 1;
        long[] sum = new long[3];
        boolean any = false;
        for (long t = span.from().getEpochSecond(); t <= span.to().getEpochSecond(); t++) {
            int i = (int) (t - first);
            if (i < 0 || i >= s.seconds() || captureStart != null && t < captureStart.getEpochSecond()) continue;
            any = true;
            sum[0] += at(s.queries().encrypted(), i);
            sum[1] += at(s.queries().local(), i);
            sum[2] += at(s.leakMarkers(), i);
        }
        return any ? new Counts(sum[0], sum[1], sum[2]) : null;
    }

    private static long at(long[] a, int i) {
        return a == null || i >= a.length ? 0 : a[i];
    }

    /** The right edge of the legend as last drawn (0 before the first): within the graph's width when nothing is cut. */
    public double legendRight() {
        return lastLegend == null ? 0 : lastLegend.right();
    }

    /** The legend as last drawn, null before the first drawing. */
    TrafficLegend lastLegend() {
        return lastLegend;
    }

    /**
     * The legend for this room in the window's language: the one last laid out while neither changed (measuring its
     * labels is what costs), else laid out anew.
     */
    private TrafficLegend legendFor(Font font, double left, double maxX) {
        TrafficLegend.Key key = TrafficLegend.Key.of(font, left, maxX);
        if (lastLegend == null || !lastLegend.key().equals(key)) {
            lastLegend = TrafficLegend.of(key);
        }
        return lastLegend;
    }

    private TrafficLegend lastLegend;

    /** The plot's height as last drawn (without legend and time axis). */
    public double plotHeight() {
        return plotHeight;
    }

    private double plotHeight;

    static double textWidth(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** A legend entry: a line sample ({@code dashes}), or a filled area with the leak marker when {@code leak}. */
    private static void legendEntry(GraphicsContext g, TrafficLegend legend, int i, Paint color, double[] dashes,
                                    boolean leak) {
        double x = legend.at().get(i)[0];
        double y = legend.at().get(i)[1];
        if (leak) {
            g.setFill(color);
            g.fillRect(x, y - 1, 28, 7);
            g.fillPolygon(new double[]{x + 9, x + 19, x + 14}, new double[]{y - 10, y - 10, y - 2}, 3);
        } else {
            g.setStroke(color);
            g.setLineWidth(2);
            g.setLineCap(StrokeLineCap.ROUND);
            g.setLineDashes(dashes);
            g.strokeLine(x, y, x + 28, y);
            g.setLineDashes();
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(color);
        g.fillText(legend.texts().get(i), x + TrafficLegend.SAMPLE, y);
    }

    /** The plot is at least this many pixels wide per bin. */
    static final double MIN_BIN_PX = 12;
    private static final int[] BIN_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600};

    /** Seconds per bin: the smallest step that gives each of the window's {@code n} seconds' bins MIN_BIN_PX. */
    public static int binSeconds(int n, double plotWidth) {
        for (int step : BIN_STEPS) {
            if ((Math.ceil(n / (double) step) + 1) * MIN_BIN_PX <= plotWidth) return step;
        }
        return BIN_STEPS[BIN_STEPS.length - 1];
    }

    /**
     * The window's {@code n} seconds, the first of them at {@code firstEpochSecond}, in bins of {@code bin} seconds
     * that follow the clock (a 5 s bin starts at a second divisible by 5), so that only the newest bin changes as time
     * goes on; the oldest and newest may be cut by the window. Window indices before {@code noData} (before monitoring
     * started) belong to no bin's data.
     */
    public record Bins(int n, int bin, long firstEpochSecond, int noData) {
        private long alignedFirst() {
            return Math.floorDiv(firstEpochSecond, bin) * bin;
        }

        public int count() {
            return binOf(n - 1) + 1;
        }

        /** The bin holding the window's second at {@code index}. */
        public int binOf(int index) {
            return (int) ((firstEpochSecond + index - alignedFirst()) / bin);
        }

        /** Bin k's first second within the window (epoch seconds). */
        public long firstSecond(int k) {
            return Math.max(firstEpochSecond, alignedFirst() + (long) k * bin);
        }

        /** Bin k's last second within the window (epoch seconds). */
        public long lastSecond(int k) {
            return Math.min(firstEpochSecond + n - 1, binLastSecond(k));
        }

        /** Bin k's last second, also when it lies after the window (the newest bin, still being filled). */
        private long binLastSecond(int k) {
            return alignedFirst() + (long) (k + 1) * bin - 1;
        }

        /** The window index of bin k's first second with data (≥ its end when it has none). */
        public int start(int k) {
            return (int) Math.max(noData, firstSecond(k) - firstEpochSecond);
        }

        /** The window index after bin k's last second. */
        public int end(int k) {
            return (int) (lastSecond(k) - firstEpochSecond + 1);
        }

        /**
         * The average per second of each bin, oldest first, over its seconds with data only (so the bin in which
         * monitoring started is not understated); NaN for a bin without data. {@code values} ends with the window's
         * last second and may be shorter than it. That last second is still being counted, so the bin holding it has
         * no rate until it is complete: a bin of one or two seconds so far would dip to zero or spike at each new
         * second (the leak list and the tooltip show its queries at once).
         */
        public double[] rates(long[] values) {
            return rates(values, false);
        }

        /**
         * As {@link #rates}, but a leak is shown at once: the newest bin counts what it has so far, the second still
         * being counted too, over the whole bin's length. Its bar grows as the bin fills and never overstates.
         */
        public double[] leakRates(long[] values) {
            return rates(values, true);
        }

        private double[] rates(long[] values, boolean newestSoFar) {
            double[] out = new double[count()];
            int offset = n - (values == null ? 0 : values.length);
            for (int k = 0; k < out.length; k++) {
                boolean newest = end(k) == n;
                if (newest && !newestSoFar) {
                    out[k] = Double.NaN;
                    continue;
                }
                long sum = 0;
                int seconds = 0;
                int from = Math.max(start(k), offset);
                for (int j = from; j < end(k); j++) {
                    sum += values[j - offset];
                    seconds++;
                }
                if (newest && seconds > 0) {
                    seconds = (int) (binLastSecond(k) - firstEpochSecond + 1) - from; // the whole bin
                }
                out[k] = seconds == 0 ? Double.NaN : sum / (double) seconds;
            }
            return out;
        }

        double x(int index, double left, double pw) {
            return left + pw * index / n;
        }

        /** The middle of bin k's seconds with data. */
        double centre(int k, double left, double pw) {
            return (x(start(k), left, pw) + x(end(k), left, pw)) / 2;
        }
    }

    private static double y(double rate, double max, double top, double ph) {
        return top + ph - ph * Math.min(1.0, rate / max);
    }

    /**
     * A line through the bins' centres, broken where a bin has no data; a bin with data between two without is a
     * short level stroke over its width, not a point that draws nothing.
     */
    private static void line(GraphicsContext g, Bins bins, double[] rates, double left, double top, double pw,
                             double ph, double max, Paint color, double[] dashes) {
        g.setStroke(color);
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineDashes(dashes);
        g.beginPath();
        for (int k = 0; k < rates.length; k++) {
            if (Double.isNaN(rates[k])) continue;
            double cy = y(rates[k], max, top, ph);
            boolean joined = k > 0 && !Double.isNaN(rates[k - 1]);
            boolean alone = !joined && (k + 1 >= rates.length || Double.isNaN(rates[k + 1]));
            if (alone) {
                g.moveTo(bins.x(bins.start(k), left, pw), cy);
                g.lineTo(Math.max(bins.x(bins.start(k), left, pw) + 2, bins.x(bins.end(k), left, pw)), cy);
            } else if (joined) {
                g.lineTo(bins.centre(k, left, pw), cy);
            } else {
                g.moveTo(bins.centre(k, left, pw), cy);
            }
        }
        g.stroke();
        g.setLineDashes();
    }

    /** The light area under a line, between its bins' centres. */
    private static void area(GraphicsContext g, Bins bins, double[] rates, double left, double top, double pw,
                             double ph, double max, Paint color) {
        g.setFill(color instanceof Color c ? c.deriveColor(0, 1, 1, 0.14) : color);
        double base = top + ph;
        int k = 0;
        while (k < rates.length) {
            if (Double.isNaN(rates[k])) {
                k++;
                continue;
            }
            g.beginPath();
            g.moveTo(bins.centre(k, left, pw), base);
            double lastX = 0;
            for (; k < rates.length && !Double.isNaN(rates[k]); k++) {
                lastX = bins.centre(k, left, pw);
                g.lineTo(lastX, y(rates[k], max, top, ph));
            }
            g.lineTo(lastX, base);
            g.closePath();
            g.fill();
        }
    }

    /** Leaks as filled bars, one per bin with leaked packets, each as wide as its bin and topped by a solid edge. */
    private static void leakBars(GraphicsContext g, Bins bins, double[] rates, double left, double top, double pw,
                                 double ph, double max, Paint color) {
        double base = top + ph;
        g.setStroke(color);
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.BUTT);
        for (int k = 0; k < rates.length; k++) {
            if (Double.isNaN(rates[k]) || rates[k] <= 0) continue;
            double x0 = bins.x(bins.start(k), left, pw);
            double x1 = Math.max(x0 + 2, bins.x(bins.end(k), left, pw) - 1); // a pixel between neighbouring bars
            double yTop = Math.min(base - 4, y(rates[k], max, top, ph)); // one leak in a busy bin still shows
            g.setFill(color instanceof Color c ? c.deriveColor(0, 1, 1, 0.8) : color);
            g.fillRect(x0, yTop, x1 - x0, base - yTop);
            g.strokeLine(x0, yTop, x1, yTop);
        }
    }

    private static double max(double[] a) {
        double m = 0;
        for (double x : a) if (!Double.isNaN(x)) m = Math.max(m, x);
        return m;
    }

    /** The scale's top: the smallest of 4, 8, 12, 16, 20, 24, 32, then 40, 60, 80, 100, … at least v (quarters whole). */
    /**
     * The top of the y scale for the highest rate: 1 or 2 for a quiet computer (a fraction of a query per second, as
     * most are, would otherwise fill a tenth of the plot), else the next of {@link #niceCeiling}'s whole steps.
     */
    static double scaleTop(double highest) {
        return highest <= 1 ? 1 : highest <= 2 ? 2 : niceCeiling((long) Math.ceil(highest));
    }

    static long niceCeiling(long v) {
        for (long p = 1; ; p *= 10) {
            for (long f : p == 1 ? new long[]{4, 8, 12, 16, 20, 24, 32} : new long[]{4, 6, 8, 10, 12, 16, 20, 24, 32}) {
                if (f * p >= v) return f * p;
            }
            if (p > Long.MAX_VALUE / 100) return v;
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return FACTORY.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
