package org.port853.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A process's program name as a leak names it. The kernel keeps at most {@value #COMM_BYTES} bytes of it in
 * {@code /proc/PID/comm} ("systemd-resolve"); a name that long may have been cut, so it is taken whole from the program
 * file ({@code /proc/PID/exe}, readable where the process's fds are) or else from {@code argv[0]}, each only when it
 * starts with the kernel's bytes (a script's comm is its own name, not its interpreter's).
 */
final class ProgramNames {
    /** TASK_COMM_LEN less its terminating zero. */
    static final int COMM_BYTES = 15;
    private static final Path PROC = Path.of("/proc");
    private static final String DELETED = " (deleted)";

    private ProgramNames() {
    }

    /** The program's name, or null when the process is gone or cannot be read. */
    static String of(long pid) {
        Path proc = PROC.resolve(Long.toString(pid));
        try {
            byte[] comm = Files.readAllBytes(proc.resolve("comm"));
            int length = comm.length > 0 && comm[comm.length - 1] == '\n' ? comm.length - 1 : comm.length;
            comm = Arrays.copyOf(comm, length);
            if (comm.length == COMM_BYTES) {
                for (byte[] whole : new byte[][]{programFile(proc), argv0(proc)}) {
                    if (whole != null && whole.length > COMM_BYTES
                            && Arrays.equals(whole, 0, COMM_BYTES, comm, 0, COMM_BYTES)) {
                        return new String(whole, StandardCharsets.UTF_8);
                    }
                }
            }
            return new String(comm, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] programFile(Path proc) {
        try {
            String target = Files.readSymbolicLink(proc.resolve("exe")).toString();
            if (target.endsWith(DELETED)) { // replaced by an upgrade since it started
                target = target.substring(0, target.length() - DELETED.length());
            }
            return baseName(target.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null; // another user's process, without the right to trace it
        }
    }

    private static byte[] argv0(Path proc) {
        try {
            byte[] cmd = Files.readAllBytes(proc.resolve("cmdline"));
            int end = 0;
            while (end < cmd.length && cmd[end] != 0) {
                end++;
            }
            return baseName(Arrays.copyOf(cmd, end));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] baseName(byte[] path) {
        int start = path.length;
        while (start > 0 && path[start - 1] != '/') {
            start--;
        }
        return Arrays.copyOfRange(path, start, path.length);
    }
}
