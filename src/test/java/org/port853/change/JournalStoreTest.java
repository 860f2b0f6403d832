package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.PendingChange;
import org.port853.platform.linux.FileItemStore;

class JournalStoreTest {
    @TempDir
    Path root;

    static ChangeRecord change(Path dropIn, Path rc) {
        return new ChangeRecord("c0ffee", Instant.parse("2024-05-01T10:15:30.123456789Z"), "DNS-over-TLS strict with 1 server(s)",
                true, List.of(FileItemStore.absent(dropIn), FileItemStore.file(rc, "nameserver 8.8.8.8\n")),
                List.of(FileItemStore.file(dropIn, "[Resolve]\nDNS=\n\"quoted\" \\ ünï\n"),
                        FileItemStore.symlink(rc, "../run/systemd/resolve/stub-resolv.conf")));
    }

    @Test
    void emptyWhenNothingWasSaved() throws IOException {
        JournalStore s = new JournalStore(root.resolve("state"));
        assertEquals(Journal.EMPTY, s.load());
        assertNull(JournalStore.readMarker(s.dir()));
    }

    @Test
    void roundTripWithPendingWritesMarkerAndModes() throws IOException {
        Path dir = root.resolve("var/lib/port853");
        JournalStore s = new JournalStore(dir);
        ChangeRecord c = change(root.resolve("zz.conf"), root.resolve("resolv.conf"));
        Journal j = new Journal(c.before(), c);
        s.save(j);
        assertEquals(j, s.load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("journal.json"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pending.json"))));
        PendingChange marker = JournalStore.readMarker(dir);
        assertEquals(new PendingChange("c0ffee", c.started(), c.description(), true), marker,
                "written by this process, which runs: in progress");
        String publicText = Files.readString(dir.resolve("pending.json"));
        assertFalse(publicText.contains("nameserver"), "the public marker holds no file contents: " + publicText);
    }

    @Test
    @DisplayName("what a revert may put back is published beside the marker (0644, no contents), read back as the "
            + "engine judges it, and gone with the journal")
    void revertScopePublishedForStatusReaders() throws IOException {
        Path dir = root.resolve("var/lib/port853");
        JournalStore s = new JournalStore(dir);
        Path dropIn = root.resolve("zz.conf");
        ChangeRecord c = change(dropIn, root.resolve("resolv.conf"));
        Journal applied = new Journal(Journal.FORMAT, c.before(), c.after(), null, null);
        s.save(applied);
        Path published = dir.resolve(RevertScope.FILE);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(published)));
        assertFalse(Files.readString(published).contains("quoted"), "no file contents: " + Files.readString(published));
        RevertScope read = RevertScope.published(dir, List.of()).orElseThrow();
        assertEquals(RevertScope.of(applied, List.of()), read);
        ItemSnapshot ours = c.after().get(0);
        assertTrue(read.removes(ours), "as Port853 wrote it: removed");
        assertFalse(read.removes(FileItemStore.file(dropIn, ours.content() + "DNS=192.0.2.7\n")), "edited: left");
        s.save(Journal.EMPTY);
        assertFalse(Files.exists(published));
        ItemSnapshot pristine = FileItemStore.absent(dropIn);
        assertTrue(RevertScope.published(dir, List.of(pristine)).orElseThrow().removes(FileItemStore.file(dropIn, "edited\n")),
                "without a journal the platform's own items are listed (pristine), whatever they hold");
    }

    @Test
    @DisplayName("a scope that cannot be written does not stop the save: the marker is written (recovery at boot runs "
            + "on it), and the journal's scope is unknown to readers")
    void markerWrittenWhenTheScopeCannotBe() throws IOException {
        Path dir = root.resolve("var/lib/port853");
        Files.createDirectories(dir.resolve(RevertScope.FILE).resolve("in-the-way"));
        ChangeRecord c = change(root.resolve("zz.conf"), root.resolve("resolv.conf"));
        new JournalStore(dir).save(new Journal(c.before(), c));
        assertEquals("c0ffee", JournalStore.readMarker(dir).id());
        assertTrue(RevertScope.published(dir, List.of()).isEmpty());
    }

    @Test
    @DisplayName("a journal without a scope that matches it (written by an earlier Port853) gets one when republished")
    void scopeRepublishedForAJournalWithoutOne() throws IOException {
        Path dir = root.resolve("var/lib/port853");
        JournalStore s = new JournalStore(dir);
        ChangeRecord c = change(root.resolve("zz.conf"), root.resolve("resolv.conf"));
        Journal applied = new Journal(Journal.FORMAT, c.before(), c.after(), null, null);
        s.save(applied);
        Files.delete(dir.resolve(RevertScope.FILE));
        assertTrue(RevertScope.published(dir, List.of()).isEmpty(), "unknown, not the header's rule");
        s.republishScope();
        assertEquals(RevertScope.of(applied, List.of()), RevertScope.published(dir, List.of()).orElseThrow());
    }

    @Test
    void markerInItsOwnFolderWhenGiven() throws IOException {
        Path dir = root.resolve("ProgramData/Port853");
        Path markers = dir.resolve("status");
        JournalStore s = new JournalStore(dir, markers);
        ChangeRecord c = change(root.resolve("zz.conf"), root.resolve("resolv.conf"));
        s.save(new Journal(c.before(), c));
        assertFalse(Files.exists(dir.resolve("pending.json")), "not next to the journal");
        assertFalse(Files.exists(markers.resolve(RevertScope.FILE)) || Files.exists(dir.resolve(RevertScope.FILE)),
                "no reader judges files by a published scope there");
        assertEquals(new PendingChange("c0ffee", c.started(), c.description(), true), JournalStore.readMarker(markers));
        s.save(new Journal(c.before(), null));
        assertNull(JournalStore.readMarker(markers));
    }

    @Test
    @DisplayName("a marker whose process has ended, or whose number another process has now, is an interrupted change")
    void markerOfAnEndedProcessIsInterrupted() throws Exception {
        Path dir = root.resolve("state");
        Files.createDirectories(dir);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        String self = ProcessHandle.current().info().startInstant().orElseThrow().toString();
        for (String marker : java.util.List.of(
                "{\"id\":\"a\",\"started\":\"2026-12-04T09:00:00Z\",\"description\":\"d\",\"pid\":" + ended.pid()
                        + ",\"processStarted\":\"" + self + "\"}",
                "{\"id\":\"a\",\"started\":\"2026-12-04T09:00:00Z\",\"description\":\"d\",\"pid\":"
                        + ProcessHandle.current().pid() + ",\"processStarted\":\"2001-01-01T00:00:00Z\"}",
                "{\"id\":\"a\",\"started\":\"2026-12-04T09:00:00Z\",\"description\":\"d\",\"pid\":"
                        + ProcessHandle.current().pid() + ",\"processStartTicks\":1}",
                "{\"id\":\"a\",\"started\":\"2026-12-04T09:00:00Z\",\"description\":\"d\"}")) {
            Files.writeString(dir.resolve("pending.json"), marker);
            PendingChange read = JournalStore.readMarker(dir);
            assertFalse(read.inProgress(), marker);
            assertEquals("d", read.description());
        }
        // the clock stepped since this process started: its start instant reads differently, its ticks do not
        long ticks = JournalStore.startTicks(ProcessHandle.current().pid()).orElseThrow();
        Files.writeString(dir.resolve("pending.json"), "{\"id\":\"a\",\"started\":\"2026-12-04T09:00:00Z\","
                + "\"description\":\"d\",\"pid\":" + ProcessHandle.current().pid() + ",\"processStartTicks\":" + ticks
                + ",\"processStarted\":\"2001-01-01T00:00:00Z\"}");
        assertTrue(JournalStore.readMarker(dir).inProgress(), "the same process, after a clock step");
    }

    @Test
    void markerOnlyWhilePending() throws IOException {
        Path dir = root.resolve("state");
        JournalStore s = new JournalStore(dir);
        ChangeRecord c = change(root.resolve("zz.conf"), root.resolve("resolv.conf"));
        s.save(new Journal(c.before(), c));
        assertTrue(Files.exists(dir.resolve("pending.json")));
        s.save(new Journal(c.before(), null));
        assertFalse(Files.exists(dir.resolve("pending.json")));
        assertNull(JournalStore.readMarker(dir));
        assertEquals(new Journal(c.before(), null), s.load());
        s.save(Journal.EMPTY);
        assertFalse(Files.exists(dir.resolve("journal.json")));
        assertEquals(Journal.EMPTY, s.load());
    }

    @Test
    void garbageJournalIsAClearIOException() throws IOException {
        Path dir = root.resolve("state");
        Files.createDirectories(dir);
        for (String garbage : new String[]{"{not json", "[]", "{\"version\":2,\"baseline\":[],\"pending\":null,\"extra\":1}", "\u0000\u0001"}) {
            Files.writeString(dir.resolve("journal.json"), garbage);
            IOException e = assertThrows(IOException.class, () -> new JournalStore(dir).load(), garbage);
            assertTrue(e.getMessage().contains("journal") && e.getMessage().contains("unreadable"), e.getMessage());
            assertTrue(e.getMessage().contains(dir.resolve("journal.json").toString()));
            assertFalse(e.getMessage().contains("Exception"), "words, not a class name: " + e.getMessage());
        }
        Files.writeString(dir.resolve("journal.json"), "{\n  \"version\": 3,\n  x\n}");
        IOException e = assertThrows(IOException.class, () -> new JournalStore(dir).load());
        assertTrue(e.getMessage().contains("line 3, column 3"), e.getMessage());
    }

    @Test
    void journalCarriesItsFormatVersion() throws IOException {
        Path dir = root.resolve("state");
        JournalStore s = new JournalStore(dir);
        ChangeRecord c = change(root.resolve("zz.conf"), root.resolve("resolv.conf"));
        s.save(new Journal(c.before(), c));
        String written = Files.readString(dir.resolve("journal.json"));
        assertTrue(written.contains("\"version\" : " + Journal.FORMAT_WITHOUT_BOOT_FLAG), written);
        assertFalse(written.contains("enabledResolverAtBoot"), "what an older Port853 reads: " + written);
        assertEquals(new Journal(c.before(), c), s.load());

        s.save(new Journal(c.before(), c).withEnabledResolverAtBoot(true));
        written = Files.readString(dir.resolve("journal.json"));
        assertTrue(written.contains("\"version\" : " + Journal.FORMAT), written);
        assertTrue(written.contains("\"enabledResolverAtBoot\" : true"), written);
    }

    @Test
    void enabledResolverAtBootRoundTrips() throws IOException {
        JournalStore s = new JournalStore(root.resolve("state"));
        ChangeRecord c = change(root.resolve("zz.conf"), root.resolve("resolv.conf"));
        Journal j = new Journal(c.before(), c).withEnabledResolverAtBoot(true);
        s.save(j);
        assertEquals(j, s.load());
        s.save(s.load().withPending(null));
        assertTrue(s.load().enabledResolverAtBoot(), "kept when the change completes");
    }

    @Test
    void formatTwoJournalWithoutTheBootFieldIsRead() throws IOException {
        Path dir = root.resolve("state");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("journal.json"), "{\"version\":2,\"baseline\":[],\"applied\":null,"
                + "\"pending\":null,\"history\":[]}");
        Journal j = new JournalStore(dir).load();
        assertEquals(List.of(), j.baseline());
        assertFalse(j.enabledResolverAtBoot());
    }

    @Test
    void newerFormatIsRefusedAndNeverOverwritten() throws IOException {
        Path dir = root.resolve("state");
        Files.createDirectories(dir);
        String future = "{\"version\":" + (Journal.FORMAT + 1) + ",\"baseline\":[],\"somethingNew\":{}}";
        Files.writeString(dir.resolve("journal.json"), future);
        JournalStore s = new JournalStore(dir);
        IOException e = assertThrows(IOException.class, s::load);
        assertTrue(e.getMessage().contains("newer Port853") && e.getMessage().contains("format " + (Journal.FORMAT + 1)),
                e.getMessage());
        assertEquals(future, Files.readString(dir.resolve("journal.json")));
    }

    @Test
    void journalWithoutVersionIsRefusedClearly() throws IOException {
        Path dir = root.resolve("state");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("journal.json"), "{\"baseline\":[],\"pending\":null}");
        IOException e = assertThrows(IOException.class, () -> new JournalStore(dir).load());
        assertTrue(e.getMessage().contains("no format version"), e.getMessage());
    }

    @Test
    void garbageMarkerDescribesUnreadability() throws IOException {
        Path dir = root.resolve("state");
        Files.createDirectories(dir);
        for (String garbage : new String[]{"{not json", "{\"id\":\"x\",\"started\":\"yesterday\"}", "[]", ""}) {
            Files.writeString(dir.resolve("pending.json"), garbage);
            PendingChange p = JournalStore.readMarker(dir);
            assertNotNull(p, garbage);
            assertTrue(p.description().contains("unreadable"), p.description());
            assertEquals(Files.getLastModifiedTime(dir.resolve("pending.json")).toInstant(), p.started(),
                    "when the marker was written, not 1970");
        }
    }

    @Test
    void oversizedMarkerStillCountsAsAPendingChange() throws IOException {
        // A marker that exists means a change may be unverified; status must not then report "no change".
        Path dir = root.resolve("state");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pending.json"), "{\"id\":\"x\",\"description\":\"" + "a".repeat(9000) + "\"}");
        PendingChange p = JournalStore.readMarker(dir);
        assertNotNull(p, "an oversized marker was read as 'no pending change'");
    }
}
