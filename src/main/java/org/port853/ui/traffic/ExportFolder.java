package org.port853.ui.traffic;

import java.io.File;
import java.util.Map;

import org.port853.core.XdgDirs;

/**
 * Where the export's file chooser starts: the folder of the last export, else {@code $HOME}, where the app keeps its
 * own files too (run as root through sudo, Java's {@code user.home} is /root while {@code $HOME} may be the user's),
 * else {@code user.home}; never the folder the app happened to be started in.
 */
final class ExportFolder {
    private final Map<String, String> env;
    private final String userHome;
    private File lastExport;

    ExportFolder(Map<String, String> env, String userHome) {
        this.env = env;
        this.userHome = userHome;
    }

    /** The folder to start in, or null when none of them is a directory (the chooser then picks its own). */
    File initial() {
        File[] candidates = {lastExport, XdgDirs.home(env, userHome).toFile(),
                userHome == null || userHome.isEmpty() ? null : new File(userHome)};
        for (File f : candidates) {
            if (f != null && f.isDirectory()) return f;
        }
        return null;
    }

    void exportedTo(File file) {
        lastExport = file.getAbsoluteFile().getParentFile();
    }
}
