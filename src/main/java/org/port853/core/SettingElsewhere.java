package org.port853.core;

/**
 * A setting made outside Port853: the file that sets it, its value as written there, and the settings it wins over
 * ({@code over}).
 */
public record SettingElsewhere(String file, String value, OverriddenSettings over) {
    /** A setting read after Port853's own drop-in. */
    public SettingElsewhere(String file, String value) {
        this(file, value, OverriddenSettings.PORT853);
    }
}
