package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.helper.HelperRequest;

/**
 * Port853's drop-in, edited since Port853 wrote it but with its header kept, where the helper could not record its
 * revert scope: root reads the journal and knows it is not Port853's; another user has only the header, and status says
 * that it judged so (tests run as root; the other user is nobody, in a JVM of its own).
 */
@DisplayName("Port853's drop-in judged by its header alone")
class OursByHeaderOnlyTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("an edited copy with Port853's header: someone else's to root, Port853's by header alone to others")
    void editedCopy(@TempDir Path outDir) throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.stateDir().resolve("revert-scope.json")); // no scope can be recorded
        LinuxChange platform = new LinuxChange(paths, 252, () -> "yes");
        platform.engine(DropInDirectoryRaceTest.WAIT, DropInDirectoryRaceTest.resolver(() -> { }, () -> { }))
                .apply(platform.targetItems(HelperRequest.apply(ResolvedPlannerTest.STRICT, false)), "strict", true);
        Files.writeString(paths.ourDropIn(), Files.readString(paths.ourDropIn()) + "# edited by hand\nCache=no\n");

        assertEquals("shownAsOurs=false byHeaderOnly=false", "shownAsOurs=" + OurDropIn.shownAsOurs(paths)
                + " byHeaderOnly=" + OurDropIn.oursByHeaderOnly(paths), "root reads the journal");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals("shownAsOurs=true byHeaderOnly=true", asNobody(outDir), "the journal is closed to others");
    }

    private String asNobody(Path outDir) throws Exception {
        Path out = outDir.resolve("out.txt");
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OursByHeaderMain.class.getName(), root.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        assertTrue(ended, "the JVM as nobody did not end within 60 s: " + Files.readString(out));
        return Files.readString(out).strip();
    }
}
