package org.port853.probe.doctor;

import java.util.Locale;

/** The verdict of one check. Only {@link #FAILURE} makes {@code port853 doctor} exit non-zero. */
public enum CheckStatus {
    OK, WARNING, FAILURE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
