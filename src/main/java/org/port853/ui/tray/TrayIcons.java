package org.port853.ui.tray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.port853.ui.status.ProtectionState;

/**
 * The tray icon: the app icon (shield and padlock on a blue tile, {@code icons/port853.svg}) with its blue tile
 * tinted in the state's colour, at the sizes trays ask for. The white shield and padlock stay white, so the icon is
 * recognisably Port853's and its colour tells the state at a glance.
 */
public final class TrayIcons {
    private static final int[] SIZES = {16, 24, 32, 48};
    /** The app icon's pixels per size (ARGB), decoded once. */
    private static final Map<Integer, int[]> APP_ICON = new ConcurrentHashMap<>();
    /** Red channel at or below this is the blue tile (#3b82f6..#1d4ed8); 255 is the white foreground. */
    private static final int TILE_RED = 0x3B;

    private TrayIcons() {
    }

    /** The state colour as 0xRRGGBB (the same meaning as the window's chip colours). */
    public static int colour(ProtectionState.Tone tone) {
        return switch (tone) {
            case GOOD -> 0x1A7F37;
            case WARNING -> 0xBF8700;
            case BAD -> 0xCF222E;
            case NEUTRAL -> 0x6E7781;
        };
    }

    public static List<StatusNotifierItemBus.Pixmap> pixmaps(ProtectionState.Tone tone) {
        List<StatusNotifierItemBus.Pixmap> out = new ArrayList<>();
        for (int size : SIZES) {
            out.add(pixmap(size, tint(appIcon(size), colour(tone))));
        }
        return out;
    }

    /** The app icon's pixels (ARGB, row by row) at {@code size}, from the bundled PNG. */
    public static int[] appIcon(int size) {
        return APP_ICON.computeIfAbsent(size, TrayIcons::decode).clone();
    }

    private static int[] decode(int size) {
        try (InputStream in = TrayIcons.class.getResourceAsStream("/org/port853/ui/icons/port853-" + size + ".png")) {
            if (in == null) {
                throw new IllegalStateException("the app icon at " + size + " px is not bundled");
            }
            BufferedImage img = ImageIO.read(in);
            return img.getRGB(0, 0, size, size, null, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each pixel is read as a mix of the blue tile and white: the tile part becomes {@code rgb}, the white part
     * stays, alpha is kept (anti-aliased edges stay smooth).
     */
    static int[] tint(int[] argb, int rgb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double white = Math.max(0, Math.min(1, (((p >>> 16) & 0xFF) - TILE_RED) / (255.0 - TILE_RED)));
            int r = mix((rgb >>> 16) & 0xFF, white);
            int g = mix((rgb >>> 8) & 0xFF, white);
            int b = mix(rgb & 0xFF, white);
            out[i] = p & 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    private static int mix(int channel, double white) {
        return (int) Math.round(channel + (255 - channel) * white);
    }

    /** ARGB32 in network byte order, as the StatusNotifierItem specification wants. */
    static StatusNotifierItemBus.Pixmap pixmap(int size, int[] argb) {
        byte[] px = new byte[size * size * 4];
        for (int i = 0; i < argb.length; i++) {
            int v = argb[i];
            px[i * 4] = (byte) (v >>> 24);
            px[i * 4 + 1] = (byte) (v >>> 16);
            px[i * 4 + 2] = (byte) (v >>> 8);
            px[i * 4 + 3] = (byte) v;
        }
        return new StatusNotifierItemBus.Pixmap(size, size, px);
    }
}
