package org.port853.ui.common;

import java.util.Locale;

/** A name as a key part: lower case, runs of anything but a-z and 0-9 as one '-', none at the ends. */
public final class Slugs {
    private Slugs() {
    }

    /** "European Union (Czech Republic)" → "european-union-czech-republic". */
    public static String of(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
