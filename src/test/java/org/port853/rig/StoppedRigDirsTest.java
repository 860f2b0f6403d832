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
        StoppedRigDirs run = new StoppedRigDirs(new ArrayList<>(List.of(passed)), false);
        run.executionFinished(null, TestExecutionResult.successful());
        run.testPlanExecutionFinished(null);
        assertFalse(Files.exists(passed));

        Path failed = org.port853.core.ScratchFolders.create("rigdirs-failed");
        StoppedRigDirs failingRun = new StoppedRigDirs(new ArrayList<>(List.of(failed)), false);
        failingRun.executionFinished(null, TestExecutionResult.failed(new AssertionError("x")));
        failingRun.testPlanExecutionFinished(null);
        assertTrue(Files.isDirectory(failed), "kept for reading after a failure");
    }

    @Test
    void onlyARigsOwnDirectoryInTmpIsEverRemoved() throws Exception {
        Path rig = org.port853.core.ScratchFolders.create("port853-rig-");
        assertFalse(StoppedRigDirs.isRigDirectory(rig), "no run/ and log/: not made by rig.sh");
        Files.createDirectories(rig.resolve("run"));
        Files.createDirectories(rig.resolve("log"));
        assertTrue(StoppedRigDirs.isRigDirectory(rig));
        Path elsewhere = org.port853.core.ScratchFolders.create("mine").resolve("port853-rig-x");
        Files.createDirectories(elsewhere.resolve("run"));
        Files.createDirectories(elsewhere.resolve("log"));
        assertFalse(StoppedRigDirs.isRigDirectory(elsewhere), "RIG_DIR=~/rig from a developer's shell");
    }
}
