package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Named pipes (Linux and macOS, {@code mkfifo}) that hand a capture to a reader as {@code <(cat FILE)} does. */
final class Pipes {
    private Pipes() {
    }

    /** A new pipe in {@code dir} that a daemon thread fills with {@code bytes} once a reader opens it. */
    static Path pipeOf(Path dir, byte[] bytes) throws Exception {
        Path pipe = dir.resolve("capture.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.write(pipe, bytes);
            } catch (IOException e) {
                // the reader stopped early (e.g. at a bad header): nothing left to hand over
            }
        }, "pipe-writer");
        writer.setDaemon(true);
        writer.start();
        return pipe;
    }
}
