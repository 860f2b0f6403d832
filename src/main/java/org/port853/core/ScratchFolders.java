package org.port853.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary folders removed with everything in them when the JVM exits (File.deleteOnExit removes only empty
 * ones): the demo's preferences, and the tests' scratch state.
 */
public final class ScratchFolders {
    private static final List<Path> FOLDERS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FOLDERS.forEach(ScratchFolders::delete),
                "port853-scratch-cleanup"));
    }

    private ScratchFolders() {
    }

    /** A new folder under the system's temporary folder, named {@code prefix} and a random part. */
    public static Path create(String prefix) {
        try {
            Path d = Files.createTempDirectory(prefix);
            FOLDERS.add(d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything in it, as far as it can; a folder already gone is no error. */
    public static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // already gone, or not ours to remove any more: nothing to clean
        }
    }
}
