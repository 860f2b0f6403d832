package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * installer/linux/port853-helper, the wrapper pkexec starts, with a stand-in java at the runtime's path that prints what
 * it was started with. Runs as root in a mount namespace of its own (an overlay over /usr/lib holds the stand-in).
 */
class HelperWrapperTest {
    @TempDir
    Path work;

    /** What the stand-in java saw: its umask, each environment variable the JVM reads options from, the signals it ignores. */
    private String startedWith(String callerUmask) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for the namespace");
        Files.writeString(work.resolve("java"), "#!/bin/sh\numask\necho \"tool=${JAVA_TOOL_OPTIONS-}"
                + " jdk=${JDK_JAVA_OPTIONS-} underscore=${_JAVA_OPTIONS-} cp=${CLASSPATH-}\"\n"
                + "grep '^SigIgn:' /proc/$$/status\n");
        String script = String.join("\n",
                "set -e",
                "mkdir -p \"$1/u\" \"$1/w\"",
                "mount -t overlay overlay -o \"lowerdir=/usr/lib,upperdir=$1/u,workdir=$1/w\" /usr/lib",
                "mkdir -p /usr/lib/port853/lib/runtime/bin",
                "install -m 0755 \"$1/java\" /usr/lib/port853/lib/runtime/bin/java",
                "umask " + callerUmask,
                "JAVA_TOOL_OPTIONS=-javaagent:/tmp/a.jar JDK_JAVA_OPTIONS=x _JAVA_OPTIONS=y CLASSPATH=/tmp "
                        + "sh \"$2\" revert");
        Path wrapper = Path.of("installer/linux/port853-helper").toAbsolutePath();
        Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh",
                work.toString(), wrapper.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void rootsFilesDoNotTakeTheCallersUmask() throws Exception {
        // pkexec keeps the caller's umask: with 000 the helper made /var/log/port853 world-writable
        assertEquals("0022", startedWith("000").lines().findFirst().orElse(""));
    }

    @Test
    void ctrlZDoesNotStopTheHelperWhileItChanges() throws Exception {
        String sigIgn = startedWith("022").lines().skip(2).findFirst().orElse("").replace("SigIgn:", "").strip();
        long ignored = Long.parseLong(sigIgn, 16);
        assertTrue((ignored & (1L << (20 - 1))) != 0, "SIGTSTP (20) ignored: " + sigIgn);
    }

    @Test
    void noJvmOptionsFromTheEnvironment() throws Exception {
        assertEquals("tool= jdk= underscore= cp=", startedWith("022").lines().skip(1).findFirst().orElse(""));
    }
}
