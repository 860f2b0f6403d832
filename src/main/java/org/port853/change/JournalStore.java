package org.port853.change;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.port853.core.JsonTrees;
import org.port853.core.PendingChange;

/**
 * Keeps the journal in the privileged state directory ({@code journal.json}, mode 0600) and a public
 * marker of an unverified change ({@code pending.json}, 0644, no file contents) that unprivileged status
 * readers can see: in the same directory, or in a directory of its own where the state directory is closed to
 * them (Windows: an ACL, not a file mode, decides who reads).
 */
public final class JournalStore {
    public static final String JOURNAL = "journal.json";
    static final String MARKER = "pending.json";
    /** Made on first use: status readers only read the marker, which needs no object mapper ({@link JsonTrees}). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    private final Path dir;
    private final Path markerDir;
    private final boolean publishesScope;

    /** The marker and the {@link RevertScope} status readers judge Port853's files by go beside the journal (Linux). */
    public JournalStore(Path dir) {
        this(dir, dir, true);
    }

    /**
     * @param markerDir where {@code pending.json} goes, readable by status readers ({@link #readMarker(Path)}); no
     *     {@link RevertScope} is published, as no reader there judges files by it (Windows)
     */
    public JournalStore(Path dir, Path markerDir) {
        this(dir, markerDir, false);
    }

    private JournalStore(Path dir, Path markerDir, boolean publishesScope) {
        this.dir = dir;
        this.markerDir = markerDir;
        this.publishesScope = publishesScope;
    }

    public Path dir() {
        return dir;
    }

    public Journal load() throws IOException {
        Path f = dir.resolve(JOURNAL);
        if (!Files.exists(f)) {
            return Journal.EMPTY;
        }
        JsonNode tree;
        try {
            tree = Mapper.JSON.readTree(Files.readAllBytes(f));
        } catch (IOException e) {
            throw unreadable(f, e);
        }
        JsonNode version = tree == null ? null : tree.get("version");
        if (tree != null && tree.isObject() && (version == null || !version.canConvertToInt())) {
            throw new IOException("the journal " + f + " has no format version (it was written by an older Port853); "
                    + "check the files it names and remove it by hand");
        }
        if (version != null && version.canConvertToInt() && version.intValue() > Journal.FORMAT) {
            // Never overwrite what a newer Port853 wrote: it may hold state this version cannot represent.
            throw new IOException("the journal " + f + " was written by a newer Port853 (format " + version.intValue()
                    + "; this version reads format " + Journal.FORMAT + "); use that version, or check the files it "
                    + "names and remove it by hand");
        }
        if (tree instanceof ObjectNode o) {
            o.put("version", Journal.FORMAT); // read as this format: an older one lacks only fields that default
        }
        try {
            return Mapper.JSON.treeToValue(tree, Journal.class);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(f, e);
        }
    }

    private IOException unreadable(Path f, Exception e) {
        return new IOException("the journal " + f + " is unreadable (" + why(e) + "); fix it by hand, or keep a copy "
                + "and remove it" + (publishesScope ? " (and " + RevertScope.FILE + " beside it)" : "") + ": it holds "
                + "the only copy of the files from before Port853's first change, so without it revert cannot restore "
                + "them", e);
    }

    /** What is wrong with the file, where: JSON's own words and position, else the system's words. */
    private static String why(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            com.fasterxml.jackson.core.JsonLocation at = j.getLocation();
            String what = j.getOriginalMessage() == null ? "not valid JSON" : j.getOriginalMessage().strip()
                    .replaceAll("\\s*\\R\\s*", " ");
            return at == null || at.getLineNr() < 1 ? what : "line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": " + what;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public void save(Journal j) throws IOException {
        try {
            write(j);
        } catch (IOException e) {
            // the system's words alone ("No space left on device") do not say which file system is full or read-only
            throw new IOException("could not write Port853's journal in " + dir + ": " + org.port853.core.IoReasons.of(e),
                    e);
        }
    }

    private void write(Journal j) throws IOException {
        AtomicFiles.ensureDirectory(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (j.isEmpty()) {
            AtomicFiles.delete(dir.resolve(JOURNAL));
        } else {
            ObjectNode tree = Mapper.JSON.valueToTree(new Journal(Journal.FORMAT, j.baseline(), j.applied(), j.pending(),
                    j.history(), j.enabledResolverAtBoot()));
            if (!j.enabledResolverAtBoot()) {
                // what format 2 holds, written as format 2: a downgraded Port853 can still revert
                tree.remove("enabledResolverAtBoot");
                tree.put("version", Journal.FORMAT_WITHOUT_BOOT_FLAG);
            }
            AtomicFiles.write(dir.resolve(JOURNAL), Mapper.JSON.writeValueAsString(tree), AtomicFiles.PRIVATE);
        }
        if (j.pending() == null) {
            AtomicFiles.delete(markerDir.resolve(MARKER));
        } else {
            AtomicFiles.ensureDirectory(markerDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            ObjectNode m = JsonNodeFactory.instance.objectNode();
            m.put("id", j.pending().id());
            m.put("started", j.pending().started().toString());
            m.put("description", j.pending().description());
            // who makes the change: a reader tells a change in progress from one that was interrupted
            ProcessHandle self = ProcessHandle.current();
            m.put("pid", self.pid());
            self.info().startInstant().ifPresent(t -> m.put("processStarted", t.toString()));
            startTicks(self.pid()).ifPresent(t -> m.put("processStartTicks", t));
            AtomicFiles.write(markerDir.resolve(MARKER), Mapper.JSON.writeValueAsString(m), AtomicFiles.PUBLIC);
        }
        // last, and only warned of: the journal and its marker are what recovery needs; a reader without this
        // scope takes the journal's as unknown (RevertScope.published)
        publishScope(j);
    }

    /**
     * Publishes the journal's scope where none matches it: one an earlier Port853 wrote publishes none until its next
     * change, and status and the window would not know what a revert puts back meanwhile. Needs the journal's reader
     * and the change lock: a journal saved between this one's reading and its stamp would be given this one's scope.
     */
    public void republishScope() {
        if (publishesScope && Files.exists(dir.resolve(JOURNAL), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && RevertScope.published(markerDir, List.of()).isEmpty()) {
            try {
                publishScope(load());
            } catch (IOException | RuntimeException e) { // never thrown to the caller, which holds the lock
                warn("the journal's revert scope could not be published: " + e.getMessage());
            }
        }
    }

    /**
     * What a revert may put back, for readers without privileges ({@link RevertScope#published}), stamped with the
     * journal it was made from; none without a journal.
     */
    private void publishScope(Journal j) {
        if (!publishesScope) {
            return;
        }
        Path f = markerDir.resolve(RevertScope.FILE);
        try {
            java.util.Optional<String> journal = JournalStamp.of(dir.resolve(JOURNAL));
            if (journal.isEmpty()) {
                AtomicFiles.delete(f);
                return;
            }
            ObjectNode scope = Mapper.JSON.valueToTree(RevertScope.of(j, List.of()));
            scope.put(RevertScope.JOURNAL_STAMP, journal.get());
            AtomicFiles.write(f, Mapper.JSON.writeValueAsString(scope), AtomicFiles.PUBLIC);
        } catch (IOException | RuntimeException e) {
            warn("the revert scope " + f + " could not be written: " + e);
        }
    }

    private static void warn(String what) {
        java.util.logging.Logger.getLogger(JournalStore.class.getName()).warning(what);
    }

    /**
     * The change this process was making ends here, finished or not: a marker still naming this process is rewritten
     * without it, so that a reader sees an interrupted change, not one in progress.
     */
    public void disownMarker() {
        Path f = markerDir.resolve(MARKER);
        try {
            if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            JsonNode node = JsonTrees.read(Files.readAllBytes(f));
            if (node instanceof ObjectNode o && o.path("pid").asLong(-1) == ProcessHandle.current().pid()) {
                o.remove("pid");
                o.remove("processStarted");
                o.remove("processStartTicks");
                AtomicFiles.write(f, Mapper.JSON.writeValueAsString(o), AtomicFiles.PUBLIC);
            }
        } catch (IOException | RuntimeException e) {
            warn("the change marker " + f + " could not be updated: " + e);
        }
    }

    /**
     * The process {@code pid} still runs, not another that got its number: the same start in clock ticks since boot
     * ({@code startTicks}, Linux; a clock step moves a start derived from wall-clock time, as the boot unit's wait
     * for the network often sees), else the same start instant ({@code started}).
     */
    static boolean stillRunning(long pid, long startTicks, String started) {
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        if (startTicks >= 0) {
            return startTicks(pid).map(t -> t == startTicks).orElse(false);
        }
        return started != null && ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(t -> t.toString().equals(started)).orElse(false);
    }

    /** Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot; empty without /proc. */
    static java.util.Optional<Long> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields 3 on; comm may hold spaces
            return java.util.Optional.of(Long.parseLong(after[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Reads the public marker; works without privileges. Null when there is no unverified change. */
    public static PendingChange readMarker(Path stateDir) {
        Path f = stateDir.resolve(MARKER);
        try {
            if (!Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (!Files.isRegularFile(f) || Files.size(f) > 8192) {
                throw new IOException("not a small regular file");
            }
            var node = JsonTrees.read(Files.readAllBytes(f));
            return new PendingChange(node.path("id").asText(), Instant.parse(node.path("started").asText()),
                    node.path("description").asText(), stillRunning(node.path("pid").asLong(-1),
                    node.path("processStartTicks").asLong(-1), node.path("processStarted").asText(null)));
        } catch (IOException | RuntimeException e) {
            return new PendingChange("unknown", writtenAt(f), "the change marker " + f + " is unreadable");
        }
    }

    /** When the file was last written: the best guess at a change's start when its marker cannot be read. */
    private static Instant writtenAt(Path f) {
        try {
            return Files.getLastModifiedTime(f, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
