package org.port853.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The programs running now, each with the accounts it runs as, from {@code /proc}: readable for every process, also
 * another user's, whose fds (and so its sockets) are not. Public for checks that name a program they cannot tie to a
 * socket (the doctor's port-53 exposure).
 */
public final class RunningPrograms {
    private static final Path PROC = Path.of("/proc");

    /** One process: its program's full name ({@link ProgramNames}) and its real, effective, saved and file uids. */
    public record Running(long pid, String program, Set<Integer> uids) {
        public Running {
            uids = Set.copyOf(uids);
        }
    }

    private RunningPrograms() {
    }

    /** Every process that could be read (one that exits meanwhile, or hidden by hidepid=, is left out). */
    public static List<Running> list() {
        List<Running> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(PROC)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.isEmpty() || !n.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(n);
                try {
                    Set<Integer> uids = uids(Files.readString(p.resolve("status")));
                    String program = ProgramNames.of(pid);
                    if (program != null && !uids.isEmpty()) {
                        out.add(new Running(pid, program, uids));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing known
        }
        return out;
    }

    /** The uids of {@code /proc/PID/status}'s "Uid:" line (real, effective, saved, file system); none without it. */
    static Set<Integer> uids(String status) {
        Set<Integer> uids = new TreeSet<>();
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                for (String f : line.substring(4).trim().split("\\s+")) {
                    uids.add(Integer.parseInt(f));
                }
            }
        }
        return uids;
    }
}
