package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.port853.platform.ProcessRunner;

/**
 * SELinux file labels ({@code security.selinux}). Only where SELinux is enabled (selinuxfs mounted); elsewhere
 * nothing is read or written. Uses coreutils ({@code stat -c %C}, {@code chcon}), present on every system that
 * has SELinux, so no native code is needed.
 */
interface SelinuxLabels {
    Optional<String> read(Path file) throws IOException;

    void restore(Path file, String label) throws IOException;

    static SelinuxLabels system() {
        return Files.exists(Path.of("/sys/fs/selinux/enforce")) ? new Coreutils() : NONE;
    }

    SelinuxLabels NONE = new SelinuxLabels() {
        @Override
        public Optional<String> read(Path file) {
            return Optional.empty();
        }

        @Override
        public void restore(Path file, String label) {
            // SELinux is off here: a recorded label has nothing to apply to
        }
    };

    final class Coreutils implements SelinuxLabels {
        private static final Duration TIMEOUT = Duration.ofSeconds(10);

        @Override
        public Optional<String> read(Path file) throws IOException {
            ProcessRunner.Result r = ProcessRunner.run(List.of("stat", "-c", "%C", file.toString()), null, TIMEOUT);
            String label = r.stdout().strip();
            return r.ok() && !label.isEmpty() && !label.equals("?") ? Optional.of(label) : Optional.empty();
        }

        @Override
        public void restore(Path file, String label) throws IOException {
            ProcessRunner.Result r = ProcessRunner.run(List.of("chcon", "-h", "--", label, file.toString()), null,
                    TIMEOUT);
            if (!r.ok()) {
                throw new IOException("could not restore the SELinux label of " + file + ": " + r.stderr().strip());
            }
        }
    }
}
