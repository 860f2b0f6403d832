package org.port853.core;

/** A setting made outside Port853: the file that sets it and its value as written there. */
public record SettingElsewhere(String file, String value) {
}
