package org.port853.ui.tray;

import java.util.ArrayList;
import java.util.List;

import org.port853.ui.status.ProtectionState;

/** The tray icon: a disc in the state's colour with a light ring, drawn at the sizes trays ask for. */
public final class TrayIcons {
    private static final int[] SIZES = {16, 22, 24, 32, 48};

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
            out.add(disc(size, colour(tone)));
        }
        return out;
    }

    /** ARGB32 in network byte order, as the StatusNotifierItem specification wants. */
    static StatusNotifierItemBus.Pixmap disc(int size, int rgb) {
        byte[] px = new byte[size * size * 4];
        double c = (size - 1) / 2.0;
        double r = size / 2.0 - 0.5;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d = Math.hypot(x - c, y - c);
                int argb;
                if (d > r) {
                    argb = 0;
                } else if (d > r - Math.max(1, size / 12.0)) {
                    argb = 0xFFFFFFFF;
                } else {
                    argb = 0xFF000000 | rgb;
                }
                int i = (y * size + x) * 4;
                px[i] = (byte) (argb >>> 24);
                px[i + 1] = (byte) (argb >>> 16);
                px[i + 2] = (byte) (argb >>> 8);
                px[i + 3] = (byte) argb;
            }
        }
        return new StatusNotifierItemBus.Pixmap(size, size, px);
    }
}
