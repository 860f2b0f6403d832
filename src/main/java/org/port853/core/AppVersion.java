package org.port853.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The app's version, from the one place the build puts it: {@code org/port853/version.properties}, filtered from
 * the pom's version (the command line's {@code -V} and the window's About box both say this).
 */
public final class AppVersion {
    static final String RESOURCE = "/org/port853/version.properties";

    private AppVersion() {
    }

    /** The version, e.g. "0.1.0"; null when the resource is missing or was not filtered (run from unbuilt sources). */
    public static String get() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || v.isBlank() || v.contains("${") ? null : v.strip();
        } catch (IOException e) {
            return null;
        }
    }
}
