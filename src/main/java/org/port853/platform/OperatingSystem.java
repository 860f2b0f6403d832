package org.port853.platform;

import java.util.Locale;

/** Which operating system this JVM runs on, read from {@code os.name} each time (tests may set it). */
public final class OperatingSystem {
    private OperatingSystem() {
    }

    public static boolean isLinux() {
        return name().contains("linux");
    }

    public static boolean isWindows() {
        return name().startsWith("windows");
    }

    private static String name() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }
}
