package org.port853.change;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A file system mounted at a folder in a mount namespace of its own, held by a child that waits for the end of its input,
 * and reached from the tests through /proc/PID/root: nothing is mounted where the tests run, and the mount goes with the
 * child, which ends when its input closes, so also when the test JVM is killed (tests run as root).
 */
final class PrivateMount implements AutoCloseable {
    private final Process holder;

    private PrivateMount(Process holder) {
        this.holder = holder;
    }

    /** Runs {@code mount} (a shell command; $1 is {@code at}) in a new mount namespace and keeps that namespace. */
    static PrivateMount at(Path at, String mount) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "set -e; " + mount + "; echo ready; exec cat >/dev/null", "sh", at.toAbsolutePath().toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"ready".equals(line)) {
            p.destroyForcibly().waitFor();
            throw new IOException("could not mount at " + at + " (" + mount + ")");
        }
        return new PrivateMount(p);
    }

    /** A folder made read-only where it is, keeping what it holds. */
    static PrivateMount readOnly(Path dir) throws IOException, InterruptedException {
        return at(dir, "mount --bind \"$1\" \"$1\"; mount -o remount,bind,ro \"$1\"");
    }

    /** An empty tmpfs with room for no file or folder at all (its root takes the one inode it has). */
    static PrivateMount full(Path dir) throws IOException, InterruptedException {
        return at(dir, "mount -t tmpfs -o nr_inodes=1,mode=0755 tmpfs \"$1\"");
    }

    /** {@code p} as the holder's mount namespace sees it. */
    Path path(Path p) {
        return Path.of("/proc/" + holder.pid() + "/root" + p.toAbsolutePath());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        holder.getOutputStream().close();
        if (!holder.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            holder.destroyForcibly().waitFor();
        }
    }
}
