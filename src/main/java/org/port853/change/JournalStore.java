package org.port853.change;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the journal ({@code journal.json}) in the privileged state directory. The directory is created and
 * locked down by a {@link DirectoryGuard} (POSIX modes on Linux, an ACL on Windows). Writes are atomic:
 * temp file, fsync, rename.
 */
public class JournalStore {
    /** Creates the state directory if needed and makes it writable by administrators only. */
    public interface DirectoryGuard {
        void prepare(Path dir) throws IOException;
    }

    static final String JOURNAL = "journal.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Path dir;
    private final DirectoryGuard guard;

    public JournalStore(Path dir, DirectoryGuard guard) {
        this.dir = dir;
        this.guard = guard;
    }

    public Path dir() {
        return dir;
    }

    public Journal load() throws IOException {
        Path f = dir.resolve(JOURNAL);
        if (!Files.exists(f)) {
            return Journal.EMPTY;
        }
        try {
            Journal j = JSON.readValue(Files.readAllBytes(f), Journal.class);
            if (j.version() != Journal.FORMAT) {
                throw new IOException("format " + j.version() + " is not " + Journal.FORMAT);
            }
            return j;
        } catch (IOException e) {
            throw new IOException("the journal " + f + " is unreadable (" + e.getMessage() + "); fix or remove it by hand",
                    e);
        }
    }

    public void save(Journal j) throws IOException {
        guard.prepare(dir);
        Path f = dir.resolve(JOURNAL);
        if (j.isEmpty()) {
            Files.deleteIfExists(f);
            return;
        }
        Path temp = dir.resolve(JOURNAL + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(JSON.writeValueAsString(j).getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(temp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Serialises changes across processes: an advisory lock on {@code lock} in the state directory. */
    public AutoCloseable lock(java.time.Duration maxWait) throws IOException {
        guard.prepare(dir);
        FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (true) {
                var l = ch.tryLock();
                if (l != null) {
                    return () -> {
                        l.release();
                        ch.close();
                    };
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("another change is in progress; try again when it has finished");
                }
                Thread.sleep(50);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        } catch (InterruptedException e) {
            ch.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for another change", e);
        }
    }
}
