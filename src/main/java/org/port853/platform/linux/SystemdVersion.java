package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.port853.platform.ProcessRunner;

/** The systemd version, from {@code systemctl --version} ("systemd 252 (252.38-1~deb12u1)"). */
final class SystemdVersion {
    private static final Pattern FIRST_LINE = Pattern.compile("^systemd (\\d+)\\b");

    private SystemdVersion() {
    }

    static int parse(String versionOutput) {
        Matcher m = FIRST_LINE.matcher(versionOutput == null ? "" : versionOutput.strip());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** 0 when unknown. */
    static int probe(LinuxPaths paths) {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of(paths.systemctl().toString(), "--version"), null,
                    Duration.ofSeconds(5));
            return r.ok() ? parse(r.stdout()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
