package org.port853.rig;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Removes the directories of stopped rigs (logs, captures, copies of binaries: a few MB each, over a hundred in an
 * integration run) when the whole run has passed, so that {@code mvn verify} leaves nothing in /tmp. After a failure
 * they stay for reading, and their paths are printed; {@code RIG_KEEP_DIRS=1} keeps them always.
 * Registered for the JUnit launcher in {@code META-INF/services}.
 */
public final class StoppedRigDirs implements TestExecutionListener {
    private static final List<Path> STOPPED = new CopyOnWriteArrayList<>();
    private final List<Path> stopped;
    private final boolean keepAlways;
    private volatile boolean anyFailed;

    /** The listener the JUnit launcher makes: it removes the rigs {@link TestRig#close()} stopped. */
    public StoppedRigDirs() {
        this(STOPPED, "1".equals(System.getenv("RIG_KEEP_DIRS")));
    }

    StoppedRigDirs(List<Path> stopped, boolean keepAlways) {
        this.stopped = stopped;
        this.keepAlways = keepAlways;
    }

    /** A rig (or dot-lab) stopped cleanly; its directory goes when the run ends. */
    public static void stopped(Path dir) {
        if (dir != null && isRigDirectory(dir) && !STOPPED.contains(dir)) {
            STOPPED.add(dir);
        }
    }

    /**
     * Only what rig.sh or dot-lab.sh made by default (their run/ and log/ in /tmp/port853-rig-ID or -lab-ID): RIG_DIR
     * inherited from a developer's shell may name a folder of theirs.
     */
    static boolean isRigDirectory(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return Path.of("/tmp").equals(dir.getParent()) && (name.startsWith("port853-rig-") || name.startsWith(
                "port853-lab-")) && java.nio.file.Files.isDirectory(dir.resolve("run"))
                && java.nio.file.Files.isDirectory(dir.resolve("log"));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            anyFailed = true;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (stopped.isEmpty()) {
            return;
        }
        if (anyFailed || keepAlways) {
            System.err.println("rig directories kept for reading: " + stopped);
        } else {
            stopped.forEach(org.port853.core.ScratchFolders::delete);
        }
        stopped.clear();
    }
}
