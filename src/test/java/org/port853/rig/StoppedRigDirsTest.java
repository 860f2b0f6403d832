package org.port853.rig;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

class StoppedRigDirsTest {

    @Test
    void aPassedRunRemovesStoppedRigDirectoriesAndAFailedOneKeepsThem() throws Exception {
        Path passed = org.port853.core.ScratchFolders.create("rigdirs-passed");
        Files.writeString(Files.createDirectories(passed.resolve("log")).resolve("resolved.log"), "x");
        StoppedRigDirs run = new StoppedRigDirs(new ArrayList<>(List.of(passed)));
        run.executionFinished(null, TestExecutionResult.successful());
        run.testPlanExecutionFinished(null);
        assertFalse(Files.exists(passed));

        Path failed = org.port853.core.ScratchFolders.create("rigdirs-failed");
        StoppedRigDirs failingRun = new StoppedRigDirs(new ArrayList<>(List.of(failed)));
        failingRun.executionFinished(null, TestExecutionResult.failed(new AssertionError("x")));
        failingRun.testPlanExecutionFinished(null);
        assertTrue(Files.isDirectory(failed), "kept for reading after a failure");
    }
}
