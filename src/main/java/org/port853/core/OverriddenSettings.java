package org.port853.core;

import java.util.Objects;

/**
 * The settings a drop-in read later wins over: Port853's own drop-in, a copy of its settings that
 * 'port853 export' wrote and someone deployed ({@code file}: its file name), or none that Port853 manages.
 */
public record OverriddenSettings(Kind kind, String file) {
    public enum Kind { PORT853, EXPORTED_COPY, NONE }

    public static final OverriddenSettings PORT853 = new OverriddenSettings(Kind.PORT853, "");
    public static final OverriddenSettings NONE = new OverriddenSettings(Kind.NONE, "");

    public OverriddenSettings {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(file);
    }

    public static OverriddenSettings exportedCopy(String fileName) {
        return new OverriddenSettings(Kind.EXPORTED_COPY, fileName);
    }

    /** The number the bundles' choice formats take: 0 Port853's drop-in, 1 an exported copy, 2 none. */
    public String choice() {
        return String.valueOf(kind.ordinal());
    }
}
