package org.port853.change;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Set;
import org.port853.platform.ApplyResult;
import org.port853.platform.linux.FileItemStore;
import org.port853.platform.ApplyResult.Outcome;

@DisplayName("ChangeEngine: journal, write, restart, check, roll back")
class ChangeEngineTest {
    /** Records what the engine asks of the resolver; health answers are scripted (default: healthy, encrypted). */
    static class RecordingControl implements ResolverControl {
        final List<String> calls = new ArrayList<>();
        final Deque<Health> answers = new ArrayDeque<>();
        Health fallback = new Health(true, true, "resolved example.com over an encrypted connection", null);

        /** The resolver is off at boot. */
        boolean wasDisabled;
        /** The system's resolver configuration uses the resolver: it must stay on at boot. */
        boolean neededAtBoot;

        @Override
        public boolean offAtBoot() {
            return wasDisabled;
        }

        @Override
        public void enableAtBoot() throws IOException {
            calls.add("enable");
            wasDisabled = false;
        }

        @Override
        public boolean disableAtBoot() throws IOException {
            if (neededAtBoot) {
                return false;
            }
            calls.add("disable");
            wasDisabled = true;
            return true;
        }

        /** The resolver is stopped: it runs again after the next restart. */
        boolean stopped;
        /** There is no network (no default route). */
        boolean offline;

        @Override
        public boolean networkUp() {
            return !offline;
        }

        @Override
        public boolean running() {
            return !stopped;
        }

        @Override
        public void reload() throws IOException {
            calls.add("restart");
            stopped = false;
        }

        @Override
        public Health check(boolean requireEncrypted) {
            calls.add("check " + requireEncrypted);
            return answers.isEmpty() ? fallback : answers.poll();
        }

        long restarts() {
            return calls.stream().filter("restart"::equals).count();
        }
    }

    static final ResolverControl.Health BAD = new ResolverControl.Health(false, false,
            "resolving example.com failed: certificate not trusted", null);

    @TempDir
    Path root;
    Path dropIn;
    Path resolvConf;
    Path stateDir;
    JournalStore journals;
    RecordingControl control;
    ChangeEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        Path etc = root.resolve("etc");
        Files.createDirectories(etc.resolve("systemd/resolved.conf.d"));
        dropIn = etc.resolve("systemd/resolved.conf.d/zz-port853.conf");
        resolvConf = etc.resolve("resolv.conf");
        stateDir = root.resolve("var/lib/port853");
        journals = new JournalStore(stateDir);
        control = new RecordingControl();
        engine = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn, resolvConf)), control,
                Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)),
                s -> s.key().equals(FileItemStore.key(dropIn)) ? new ApplyResult.Item("dropIn", dropIn.toString(),
                        s.content()) : null);
    }

    List<ItemSnapshot> target(String content) {
        return List.of(FileItemStore.file(dropIn, content));
    }

    static final String A = "[Resolve]\nDNS=\nDNS=9.9.9.9#dns.quad9.net\nDNSOverTLS=yes\n";
    static final String B = "[Resolve]\nDNS=\nDNS=1.1.1.1#cloudflare-dns.com\nDNSOverTLS=yes\n";

    @Nested
    class Apply {
        @Test
        void writesJournalsBaselineAndVerifies() throws IOException {
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.APPLIED, r.outcome(), r.reason());
            assertTrue(r.encryptedVerified());
            assertEquals(A, Files.readString(dropIn));
            assertEquals(new ApplyResult.Item("dropIn", dropIn.toString(), A), r.item());
            assertEquals(List.of("enable", "restart", "check true"), control.calls);
            Journal j = journals.load();
            assertEquals(List.of(FileItemStore.absent(dropIn)), j.baseline());
            assertNull(j.pending());
            assertNull(JournalStore.readMarker(stateDir));
            assertTrue(r.actions().contains("write " + dropIn), r.actions().toString());
        }

        @Test
        @DisplayName("an item already as wanted is not listed as written: the result lists what changed")
        void onlyChangedItemsAreListedAsWritten() throws IOException {
            Files.writeString(resolvConf, "nameserver 127.0.0.53\n");
            ApplyResult r = engine.apply(List.of(FileItemStore.file(dropIn, A),
                    FileItemStore.file(resolvConf, "nameserver 127.0.0.53\n")), "strict", true);
            assertEquals(Outcome.APPLIED, r.outcome(), r.reason());
            assertTrue(r.actions().contains("write " + dropIn), r.actions().toString());
            assertFalse(r.actions().contains("write " + resolvConf), r.actions().toString());

            control.answers.add(BAD); // rolled back: the item the change left alone is not said to be restored either
            ApplyResult back = engine.apply(List.of(FileItemStore.file(dropIn, B),
                    FileItemStore.file(resolvConf, "nameserver 127.0.0.53\n")), "strict", true);
            assertEquals(Outcome.ROLLED_BACK, back.outcome(), back.reason());
            assertTrue(back.actions().contains("restore " + dropIn), back.actions().toString());
            assertFalse(back.actions().contains("restore " + resolvConf), back.actions().toString());
        }

        @Test
        @DisplayName("the health step is the check's own sentence, which names who answered: the engine adds nothing")
        void healthStepIsTheChecksSentence() throws IOException {
            String by = "global server 9.9.9.9#dns.quad9.net via eth0";
            String detail = "resolved example.com over an encrypted connection (answered by " + by + ")";
            control.fallback = new ResolverControl.Health(true, true, detail, by);
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertTrue(r.actions().contains("health check: " + detail), r.actions().toString());
        }

        @Test
        void historyRecordsEachCompletedChangeInOrder() throws IOException {
            engine.apply(target(A), "first", true);
            control.answers.add(BAD);
            engine.apply(target(B), "second", true);
            List<Completed> h = journals.load().history();
            assertEquals(List.of("first APPLIED", "second ROLLED_BACK"),
                    h.stream().map(c -> c.description() + " " + c.outcome()).toList());
            assertFalse(h.get(1).started().isBefore(h.get(0).finished()), "the second began after the first ended");
        }

        @Test
        void sameApplyTwiceIsUnchangedWithoutRestart() throws IOException {
            engine.apply(target(A), "strict", true);
            long restarts = control.restarts();
            byte[] bytes = Files.readAllBytes(dropIn);
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.UNCHANGED, r.outcome());
            assertEquals(restarts, control.restarts());
            assertEquals("check true", control.calls.get(control.calls.size() - 1), "names still resolve: checked");
            assertArrayEquals(bytes, Files.readAllBytes(dropIn));
            assertTrue(r.actions().isEmpty(), r.actions().toString());
        }

        @Test
        @DisplayName("settings in place but the resolver stopped: it is started and checked, never 'unchanged'")
        void settingsInPlaceButTheResolverStoppedIsStartedAndChecked() throws IOException {
            engine.apply(target(A), "strict", true);
            int completed = journals.load().history().size();
            control.stopped = true;
            control.calls.clear();
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.APPLIED, r.outcome(), r.reason());
            assertTrue(r.reason().contains("the resolver was not running"), r.reason());
            assertTrue(r.encryptedVerified());
            assertEquals(List.of("restart", "check true"), control.calls);
            assertEquals(A, Files.readString(dropIn));
            assertEquals(completed, journals.load().history().size(), "no change was made, none is recorded");
        }

        @Test
        @DisplayName("a change on a stopped resolver says that Port853 started it (and turned on its start at boot); a "
                + "running one's result says nothing of it")
        void aChangeThatStartsTheResolverSaysSo() throws IOException {
            control.stopped = true;
            control.wasDisabled = true;
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.APPLIED, r.outcome(), r.reason());
            assertEquals("names resolve over an encrypted connection; systemd-resolved was not running: Port853 started "
                    + "it and turned on its start at boot", r.reason());
            assertEquals("result.started", r.reasonWords().wording());
            String german = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> org.port853.ui.common.I18n
                    .said("change.", r.reasonWords(), "", r.reason()));
            assertTrue(german.endsWith("systemd-resolved lief nicht: Port853 hat es gestartet und seinen Start beim "
                    + "Hochfahren eingeschaltet") && !german.contains("{"), german);
            ApplyResult again = engine.apply(target(B), "strict", true);
            assertEquals("names resolve over an encrypted connection", again.reason());
        }

        @Test
        @DisplayName("encryption off and nothing of Port853's in place: a resolver its owner stopped stays stopped")
        void offInPlaceLeavesAStoppedResolverAlone() throws IOException {
            control.stopped = true;
            control.wasDisabled = true; // a machine that does not use the resolver at all
            control.calls.clear();
            ApplyResult r = engine.apply(List.of(FileItemStore.absent(dropIn)), "off", false);
            assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
            assertEquals(List.of(), control.calls, "not started, not enabled at boot, not checked");
            assertFalse(journals.load().enabledResolverAtBoot());
        }

        @Test
        @DisplayName("settings in place, a stopped resolver that is also off at boot is turned on at boot, journalled, "
                + "and revert turns it off again")
        void settingsInPlaceStoppedAndOffAtBootIsEnabled() throws IOException {
            engine.apply(target(A), "strict", true);
            control.stopped = true;
            control.wasDisabled = true; // systemctl disable --now by hand
            control.calls.clear();
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.APPLIED, r.outcome(), r.reason());
            assertEquals(List.of("enable", "restart", "check true"), control.calls);
            assertTrue(r.actions().contains("systemd-resolved is started at boot from now on (it was not before)"),
                    r.actions().toString());
            assertTrue(journals.load().enabledResolverAtBoot());
            engine.revert();
            assertTrue(control.calls.contains("disable"), control.calls.toString());
        }

        @Test
        @DisplayName("opportunistic settings in place whose check is answered without encryption: unchanged, but the "
                + "result says so and counts as unproven (exit 3), run after run; answered encrypted: plain unchanged")
        void opportunisticInPlaceFallenBackSaysSo() throws IOException {
            engine.apply(target(A), "opportunistic", false);
            control.calls.clear();
            control.answers.add(new ResolverControl.Health(true, false, "resolved example.com (not encrypted)", null));
            ApplyResult r = engine.apply(target(A), "opportunistic", false);
            assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
            assertEquals(List.of("check false"), control.calls, "nothing restarted");
            assertTrue(r.reason().startsWith("the settings are already in place, but names resolve without encryption"),
                    r.reason());
            org.port853.core.DesiredSettings opportunistic = new org.port853.core.DesiredSettings(
                    List.of(org.port853.core.ServerAddress.parse("198.18.0.2#dot.test")),
                    org.port853.core.DotMode.OPPORTUNISTIC, null, false, List.of());
            assertTrue(r.encryptionUnproven(opportunistic));
            ApplyResult encrypted = engine.apply(target(A), "opportunistic", false);
            assertEquals("the settings are already in place", encrypted.reason());
            assertFalse(encrypted.encryptionUnproven(opportunistic));
        }

        @Test
        @DisplayName("settings in place and no network: a failed check proves nothing, so nothing is restarted")
        void settingsInPlaceOfflineIsUnchanged() throws IOException {
            engine.apply(target(A), "strict", true);
            control.calls.clear();
            control.offline = true;
            control.answers.add(BAD);
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
            assertEquals(List.of("check true"), control.calls);
            assertTrue(r.actions().get(0).endsWith("the network is not up, so this proves nothing"), r.actions().toString());
        }

        @Test
        @DisplayName("settings in place, the resolver runs but does not resolve with them: restarted and checked again")
        void settingsInPlaceButNotResolvingIsRestartedAndChecked() throws IOException {
            engine.apply(target(A), "strict", true);
            control.calls.clear();
            control.answers.add(BAD);
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.APPLIED, r.outcome(), r.reason());
            assertTrue(r.reason().contains("names did not resolve with them: " + BAD.detail()), r.reason());
            assertEquals(List.of("check true", "restart", "check true"), control.calls);
            assertTrue(r.actions().contains("health check: " + BAD.detail()), r.actions().toString());
        }

        @Test
        void settingsInPlaceButTheStartedResolverFailsItsCheckIsAFailureNotARollback() throws IOException {
            engine.apply(target(A), "strict", true);
            byte[] bytes = Files.readAllBytes(dropIn);
            control.stopped = true;
            control.answers.add(BAD);
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.FAILED, r.outcome(), r.reason());
            assertTrue(r.reason().contains("not running; after a restart, names do not resolve: " + BAD.detail()),
                    r.reason());
            assertFalse(r.encryptedVerified());
            assertArrayEquals(bytes, Files.readAllBytes(dropIn), "the settings were the user's choice: they stay");
            assertNull(journals.load().pending());
        }

        @Test
        void settingsInPlaceButTheResolverDoesNotStartIsAFailure() throws IOException {
            engine.apply(target(A), "strict", true);
            RecordingControl wontStart = new RecordingControl() {
                @Override
                public void reload() throws IOException {
                    throw new IOException("Job for systemd-resolved.service failed");
                }
            };
            wontStart.stopped = true;
            ApplyResult r = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn, resolvConf)), wontStart,
                    Duration.ofMillis(500), List.of()).apply(target(A), "strict", true);
            assertEquals(Outcome.FAILED, r.outcome(), r.reason());
            assertTrue(r.reason().contains("did not restart: Job for systemd-resolved.service failed"), r.reason());
            assertFalse(wontStart.calls.contains("check true"), wontStart.calls.toString());
        }

        @Test
        void failedHealthCheckRestoresExactPreviousBytes() throws IOException {
            Files.writeString(dropIn, "# hand-written by the admin\n[Resolve]\nDNS=192.0.2.1\n");
            byte[] before = Files.readAllBytes(dropIn);
            control.answers.add(BAD);
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.ROLLED_BACK, r.outcome());
            assertTrue(r.reason().startsWith("rolled back: ") && r.reason().contains("certificate not trusted"), r.reason());
            assertFalse(r.succeeded());
            assertArrayEquals(before, Files.readAllBytes(dropIn));
            assertTrue(r.actions().contains("restore " + dropIn), r.actions().toString());
            assertEquals(2, control.restarts(), control.calls.toString());
            assertEquals(List.of("enable", "restart", "check true", "restart", "check false"), control.calls);
            assertNull(journals.load().pending());
            assertNull(JournalStore.readMarker(stateDir));
        }

        @Test
        void rollbackToAbsentRemovesTheFile() throws IOException {
            control.answers.add(BAD);
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.ROLLED_BACK, r.outcome());
            assertFalse(Files.exists(dropIn, LinkOption.NOFOLLOW_LINKS));
            assertTrue(r.actions().contains("remove " + dropIn), "said as done: " + r.actions());
        }

        @Test
        void previousSettingsBrokenTooIsSaid() throws IOException {
            control.answers.add(BAD);
            control.answers.add(new ResolverControl.Health(false, false, "no answer", null));
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertTrue(r.reason().contains("the previous settings do not resolve names either: no answer"), r.reason());
        }

        @Test
        void filesNotOwnedAreRefused() {
            Path other = root.resolve("etc/passwd");
            assertThrows(IllegalArgumentException.class,
                    () -> engine.apply(List.of(FileItemStore.file(other, "root::0:0::/:/bin/sh\n")), "evil", false));
            assertFalse(Files.exists(other));
            assertTrue(control.calls.isEmpty());
        }

        @Test
        void writeFailureLeavesEverythingAsItWas() throws IOException {
            // resolv.conf's directory is missing: the second write fails after the first succeeded
            Path badResolvConf = root.resolve("missing-dir/resolv.conf");
            ChangeEngine e = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn, badResolvConf)), control,
                    Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            ApplyResult r = e.apply(List.of(FileItemStore.file(dropIn, A), FileItemStore.file(badResolvConf, "x")), "x", false);
            assertEquals(Outcome.FAILED, r.outcome());
            assertTrue(r.reason().contains(badResolvConf.toString()) && r.reason().contains("nothing was changed"), r.reason());
            assertFalse(Files.exists(dropIn));
            assertEquals(List.of("enable"), control.calls, "no restart: " + control.calls);
            assertNull(journals.load().pending());
        }

        @Test
        @DisplayName("a read-only file system: the reason names the file once ('could not write X: Read-only file "
                + "system', not 'X: X: Read-only file system')")
        void readOnlyFileSystemNamesTheFileOnce() throws IOException {
            ItemStore readOnly = failingWrites(new FileItemStore(Set.of(dropIn, resolvConf)),
                    new java.nio.file.FileSystemException(dropIn.toString(), null, "Read-only file system"));
            ApplyResult r = new ChangeEngine(journals, readOnly, control, Duration.ofMillis(500),
                    List.of(FileItemStore.absent(dropIn))).apply(List.of(FileItemStore.file(dropIn, A)), "x", false);
            assertEquals(Outcome.FAILED, r.outcome());
            assertTrue(r.reason().contains("could not write " + dropIn + ": Read-only file system"), r.reason());
        }

        @Test
        void writeFailureUnderARegularFileIsReportedNotThrown() throws IOException {
            // the target's parent is a regular file (ENOTDIR): the write fails and so would a naive rollback
            Path notADir = root.resolve("etc/not-a-dir");
            Files.writeString(notADir, "plain file\n");
            Path badTarget = notADir.resolve("resolv.conf");
            ChangeEngine e = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn, badTarget)), control,
                    Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            ApplyResult r = e.apply(List.of(FileItemStore.file(dropIn, A), FileItemStore.file(badTarget, "x")), "x", false);
            assertEquals(Outcome.FAILED, r.outcome());
            assertTrue(r.reason().contains(badTarget.toString()), r.reason());
            assertFalse(Files.exists(dropIn));
            assertEquals("plain file\n", Files.readString(notADir));
            assertNull(journals.load().pending(), "no half-done change is left");
        }

        @Test
        @DisplayName("an item that cannot be replaced (chattr +i): FAILED, nothing changed, no change left pending, "
                + "and the start at boot the change turned on is off again")
        void unwritableItemLeavesNoPendingChange() throws Exception {
            Files.writeString(resolvConf, "nameserver 192.0.2.53\n");
            control.wasDisabled = true;
            chattr("+i", resolvConf);
            ApplyResult r;
            try {
                r = engine.apply(List.of(FileItemStore.file(dropIn, A), FileItemStore.symlink(resolvConf,
                        "../run/systemd/resolve/stub-resolv.conf")), "strict", true);
            } finally {
                chattr("-i", resolvConf);
            }
            assertEquals(Outcome.FAILED, r.outcome(), r.reason());
            assertTrue(r.reason().contains("Operation not permitted") && r.reason().endsWith("nothing was changed"),
                    r.reason());
            assertFalse(Files.exists(dropIn), "the drop-in written before the failure is gone again");
            assertEquals("nameserver 192.0.2.53\n", Files.readString(resolvConf));
            assertNull(journals.load().pending(), "no change is left pending");
            assertNull(JournalStore.readMarker(stateDir), "status sees no interrupted change");
            assertEquals(List.of("enable", "disable"), control.calls, "no restart; start at boot as before");
            assertFalse(journals.load().enabledResolverAtBoot(), "revert has no start at boot of ours to undo");
        }

        private static void chattr(String flag, Path file) throws Exception {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).inheritIO().start();
            assertEquals(0, p.waitFor(), "chattr " + flag + " (the tests run as root on ext4)");
        }

        @Test
        void aRestartThatFailsIsRolledBack() throws IOException {
            Files.writeString(dropIn, "[Resolve]\n# before\n");
            RecordingControl failsOnce = new RecordingControl() {
                private boolean failed;

                @Override
                public void reload() throws IOException {
                    super.reload();
                    if (!failed) {
                        failed = true;
                        throw new IOException("systemctl restart timed out");
                    }
                }
            };
            ChangeEngine e = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), failsOnce, Duration.ofMillis(500),
                    List.of(FileItemStore.absent(dropIn)));
            ApplyResult r = e.apply(target(A), "a", true);
            assertEquals(Outcome.ROLLED_BACK, r.outcome(), r.reason());
            assertTrue(r.reason().contains("did not restart: systemctl restart timed out"), r.reason());
            assertEquals("[Resolve]\n# before\n", Files.readString(dropIn));
            assertNull(journals.load().pending());
        }

        @Test
        @DisplayName("a restart that fails for the change and again for the rollback is said once, pending for recover")
        void aRestartThatNeverWorksIsSaidOnce() throws IOException {
            RecordingControl neverStarts = new RecordingControl() {
                @Override
                public void reload() throws IOException {
                    throw new IOException("systemctl restart systemd-resolved.service failed: Failed to connect to bus");
                }
            };
            ChangeEngine e = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), neverStarts,
                    Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            ApplyResult r = e.apply(target(A), "a", true);
            assertEquals(Outcome.FAILED, r.outcome(), r.reason());
            assertEquals(1, r.reason().split("Failed to connect to bus", -1).length - 1, r.reason());
            assertTrue(r.reason().contains("restarted neither for the change nor after it"), r.reason());
            assertNotNull(journals.load().pending(), "recover restarts it later");
        }

        @Test
        @DisplayName("while the change runs its marker says in progress; a change that threw half-way is interrupted, "
                + "also while this process runs on")
        void markerInProgressOnlyWhileTheChangeRuns() throws IOException {
            List<Boolean> duringTheChange = new ArrayList<>();
            RecordingControl dies = new RecordingControl() {
                @Override
                public void reload() {
                    duringTheChange.add(JournalStore.readMarker(stateDir).inProgress());
                    throw new IllegalStateException("the restart blew up");
                }
            };
            ChangeEngine e = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), dies,
                    Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            assertThrows(IllegalStateException.class, () -> e.apply(target(A), "a", true));
            assertEquals(List.of(true), duringTheChange);
            org.port853.core.PendingChange after = JournalStore.readMarker(stateDir);
            assertNotNull(after, "still pending: recover finishes it");
            assertFalse(after.inProgress(), "nobody makes it any more");
        }

        @Test
        void aStaleMarkerIsCleanedByTheNextRun() throws IOException {
            engine.apply(target(A), "a", true);
            Files.writeString(stateDir.resolve(JournalStore.MARKER), "{\"id\":\"x\",\"started\":\"2026-01-01T00:00:00Z\","
                    + "\"description\":\"killed between journal and marker\"}");
            assertEquals(Outcome.UNCHANGED, engine.recover().outcome());
            assertNull(JournalStore.readMarker(stateDir));
            Files.writeString(stateDir.resolve(JournalStore.MARKER), "{}");
            assertEquals(Outcome.UNCHANGED, engine.apply(target(A), "a", true).outcome());
            assertNull(JournalStore.readMarker(stateDir));
        }

        @Test
        void busyWhileAnotherChangeHoldsTheLock() throws IOException {
            ChangeLock held = ChangeLock.acquire(stateDir, Duration.ZERO);
            try {
                assertThrows(ChangeLock.BusyException.class, () -> engine.apply(target(A), "x", true));
            } finally {
                held.close();
            }
            assertFalse(Files.exists(dropIn));
        }
    }

    @Nested
    @DisplayName("interrupted changes")
    class Interrupted {
        ChangeRecord crashed;
        byte[] preCrash;

        /** Simulates a SIGKILL after the write: pending journal, files already in the after state. */
        @BeforeEach
        void crash() throws IOException {
            Files.writeString(dropIn, B);
            preCrash = Files.readAllBytes(dropIn);
            crashed = new ChangeRecord("crash-1", Instant.parse("2024-05-01T10:00:00Z"), "DNS-over-TLS strict with 1 server(s)",
                    true, List.of(FileItemStore.file(dropIn, B)), List.of(FileItemStore.file(dropIn, A)));
            journals.save(new Journal(List.of(FileItemStore.absent(dropIn)), crashed));
            Files.writeString(dropIn, A);
        }

        @Test
        void statusMarkerIsPresent() {
            assertEquals("crash-1", JournalStore.readMarker(stateDir).id());
            assertEquals(Instant.parse("2024-05-01T10:00:00Z"), JournalStore.readMarker(stateDir).started());
        }

        @Test
        void sameApplyAgainReChecksAndRollsBackToThePreCrashState() throws IOException {
            control.answers.add(BAD);
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.ROLLED_BACK, r.outcome());
            assertTrue(control.calls.contains("check true"), "not a no-op: " + control.calls);
            assertArrayEquals(preCrash, Files.readAllBytes(dropIn));
            assertNull(JournalStore.readMarker(stateDir));
        }

        @Test
        void sameApplyAgainKeepsItWhenHealthy() throws IOException {
            ApplyResult r = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.APPLIED, r.outcome());
            assertEquals(List.of("restart", "check true"), control.calls, "the resolver must load the files it checks");
            assertEquals(A, Files.readString(dropIn));
            assertNull(journals.load().pending());
        }

        @Test
        void differentApplyRollsBackTheInterruptedChangeFirst() throws IOException {
            ApplyResult r = engine.apply(target(B), "other", true);
            assertEquals(Outcome.APPLIED, r.outcome(), "B (the pre-crash state) replaces the interrupted change");
            assertTrue(r.actions().stream().anyMatch(a -> a.startsWith("replace the interrupted change")), r.actions().toString());
            assertArrayEquals(preCrash, Files.readAllBytes(dropIn));
            assertEquals(1, control.restarts());
            assertNull(journals.load().pending());
        }

        @Test
        void recoverKeepsOnSuccess() throws IOException {
            ApplyResult r = engine.recover();
            assertEquals(Outcome.KEPT, r.outcome());
            assertEquals(A, Files.readString(dropIn));
            assertNull(journals.load().pending());
            assertNull(JournalStore.readMarker(stateDir));
            assertEquals(List.of(FileItemStore.absent(dropIn)), journals.load().baseline(), "baseline survives");
        }

        @Test
        void recoverRollsBackOnFailure() throws IOException {
            control.answers.add(BAD);
            ApplyResult r = engine.recover();
            assertEquals(Outcome.ROLLED_BACK, r.outcome());
            assertArrayEquals(preCrash, Files.readAllBytes(dropIn));
            assertNull(JournalStore.readMarker(stateDir));
        }

        @Test
        @DisplayName("a state directory that cannot be written (full /var) does not keep recover from rolling a "
                + "broken change back: the drop-in and the resolver are restored before the journal's write fails")
        void recoverRollsBackThoughTheStateCannotBeWritten() throws IOException {
            Path marker = stateDir.resolve("pending.json");
            Files.delete(marker);
            Files.createDirectories(marker.resolve("unwritable")); // neither replaced nor deleted: every save fails
            control.answers.add(BAD);
            assertThrows(IOException.class, () -> engine.recover());
            assertArrayEquals(preCrash, Files.readAllBytes(dropIn), "rolled back");
            assertEquals(2, control.restarts(), "one to check the change, one to load the rollback: " + control.calls);
        }

        @Test
        @DisplayName("an apply whose items were already in place (before == after) is no revert: recover checks and "
                + "keeps it, it does not remove Port853's settings")
        void anInterruptedApplyOfWhatWasInPlaceIsNoRevert() throws IOException {
            journals.save(new Journal(List.of(FileItemStore.absent(dropIn)), new ChangeRecord("again",
                    Instant.now(), "DNS-over-TLS strict with 1 server(s)", true, List.of(FileItemStore.file(dropIn, A)),
                    List.of(FileItemStore.file(dropIn, A)))));
            ApplyResult r = engine.recover();
            assertEquals(Outcome.KEPT, r.outcome());
            assertEquals(A, Files.readString(dropIn));
        }

        @Test
        void recoverRollsBackAnIncompleteWrite() throws IOException {
            Files.writeString(dropIn, "[Resolve]\nDNS=\nDNS=9.9"); // killed half-way (not possible with rename, but be safe)
            ApplyResult r = engine.recover();
            assertEquals(Outcome.ROLLED_BACK, r.outcome());
            assertTrue(r.reason().contains("incomplete"), r.reason());
            assertArrayEquals(preCrash, Files.readAllBytes(dropIn));
            assertEquals(1, control.restarts());
            assertFalse(control.calls.contains("check true"), "no need to check a half write: " + control.calls);
        }

        @Test
        void revertRestoresTheStateBeforeAnyChange() throws IOException {
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome());
            assertFalse(Files.exists(dropIn, LinkOption.NOFOLLOW_LINKS));
            assertTrue(r.actions().contains("remove " + dropIn), "a file Port853 created is removed, as previewed: "
                    + r.actions());
            assertEquals(Journal.EMPTY, journals.load());
            assertNull(JournalStore.readMarker(stateDir));
        }
    }

    @Test
    void recoverWithoutPendingIsUnchanged() throws IOException {
        assertEquals(Outcome.UNCHANGED, engine.recover().outcome());
        assertTrue(control.calls.isEmpty());
    }

    @Nested
    class BootRecovery {
        private ChangeRecord crashed() throws IOException {
            ChangeRecord c = new ChangeRecord("boot", java.time.Instant.now(), "strict", true,
                    List.of(FileItemStore.absent(dropIn)), List.of(FileItemStore.file(dropIn, A)));
            journals.save(new Journal(List.of(FileItemStore.absent(dropIn)), c));
            Files.writeString(dropIn, A);
            return c;
        }

        @Test
        @DisplayName("a good strict change is kept when the check passes once the network is up")
        void keptWhenTheNetworkComesUp() throws IOException {
            crashed();
            java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
            control.answers.addAll(List.of(BAD, BAD, BAD, BAD));
            ApplyResult r = engine.recover(new ChangeEngine.Patience(Duration.ofSeconds(5), Duration.ofMillis(10), 3,
                    () -> polls.incrementAndGet() > 4));
            assertEquals(Outcome.KEPT, r.outcome(), r.reason());
            assertEquals(A, Files.readString(dropIn), "never rolled back while Wi-Fi was connecting");
        }

        @Test
        @DisplayName("while a recovery waits for the network, the marker says the change is in progress, not "
                + "interrupted; after it, interrupted again (rig: recover --boot without a default route, status)")
        void markerInProgressWhileTheRecoveryRuns() throws IOException {
            crashed();
            journals.disownMarker(); // the process that made the change is gone
            assertFalse(JournalStore.readMarker(stateDir).inProgress());
            List<Boolean> during = new ArrayList<>();
            control.fallback = BAD;
            engine.recover(new ChangeEngine.Patience(Duration.ofMillis(100), Duration.ofMillis(20), 3, () -> {
                during.add(JournalStore.readMarker(stateDir).inProgress());
                return false;
            }));
            assertFalse(during.isEmpty());
            assertTrue(during.stream().allMatch(b -> b), during.toString());
            assertFalse(JournalStore.readMarker(stateDir).inProgress(), "left pending: interrupted again");
        }

        @Test
        @DisplayName("never rolled back because the network was not up: left pending")
        void leftPendingWhileTheNetworkStaysDown() throws IOException {
            crashed();
            control.fallback = BAD;
            ApplyResult r = engine.recover(new ChangeEngine.Patience(Duration.ofMillis(300), Duration.ofMillis(20), 3,
                    () -> false));
            assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
            assertTrue(r.reason().contains("the network did not come up"), r.reason());
            assertEquals(A, Files.readString(dropIn));
            assertNotNull(journals.load().pending(), "still pending for the next boot");
        }

        @Test
        @DisplayName("rolled back when the network is up and the check keeps failing")
        void rolledBackWhenTheNetworkIsUpAndItStillFails() throws IOException {
            crashed();
            control.fallback = BAD;
            ApplyResult r = engine.recover(new ChangeEngine.Patience(Duration.ofSeconds(5), Duration.ofMillis(10), 3,
                    () -> true));
            assertEquals(Outcome.ROLLED_BACK, r.outcome(), r.reason());
            assertEquals(3, control.calls.stream().filter("check true"::equals).count(), control.calls.toString());
            assertFalse(Files.exists(dropIn));
        }
    }

    @Nested
    @DisplayName("the resolver's start at boot: revert turns off what Port853 turned on")
    class BootStart {
        static final String RESTORED = "systemd-resolved is no longer started at boot, as before Port853";
        static final String TURNED_ON = "systemd-resolved is started at boot from now on (it was not before)";

        @Test
        @DisplayName("off before the first change: on while Port853's change is in place, off again after revert")
        void revertTurnsOffWhatApplyTurnedOn() throws IOException {
            control.wasDisabled = true;
            ApplyResult applied = engine.apply(target(A), "strict", true);
            assertTrue(applied.actions().contains(TURNED_ON), "the steps done say so: " + applied.actions());
            assertTrue(journals.load().enabledResolverAtBoot(), "the journal remembers that Port853 enabled it");
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertTrue(control.wasDisabled, control.calls.toString());
            assertEquals(List.of("restart", "disable", "check false"),
                    control.calls.subList(control.calls.size() - 3, control.calls.size()),
                    "disabled after the restart, never stopped");
            assertTrue(r.actions().contains(RESTORED), r.actions().toString());
            assertEquals(Journal.EMPTY, journals.load());
            assertTrue(r.reason().endsWith("; systemd-resolved, whose start at boot Port853 had turned on, keeps running "
                    + "until the next boot; to stop it now as well: sudo systemctl stop systemd-resolved"), r.reason());
            String shown = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> org.port853.ui.apply
                    .ApplyViewModel.resultText(r));
            assertTrue(shown.endsWith("läuft bis zum nächsten Systemstart weiter; um es jetzt auch zu beenden: "
                    + (org.port853.core.Privileges.isRoot() ? "" : "sudo ") + "systemctl stop systemd-resolved."),
                    "the window's result says it too: " + shown);
        }

        @Test
        @DisplayName("later applies find it enabled, yet revert still turns it off")
        void keptAcrossLaterAppliesUntilRevert() throws IOException {
            control.wasDisabled = true;
            engine.apply(target(A), "first", true);
            engine.apply(target(B), "second", true);
            assertTrue(journals.load().enabledResolverAtBoot());
            engine.revert();
            assertTrue(control.wasDisabled, control.calls.toString());
        }

        @Test
        @DisplayName("a first change that was rolled back turns the start at boot off again with it: revert has "
                + "nothing left to do")
        void aRolledBackFirstChangeTakesItsBootStartWithIt() throws IOException {
            control.wasDisabled = true;
            control.answers.add(BAD);
            ApplyResult rolledBack = engine.apply(target(A), "strict", true);
            assertEquals(Outcome.ROLLED_BACK, rolledBack.outcome(), rolledBack.reason());
            assertTrue(control.wasDisabled, "off at boot again, as before the change: " + control.calls);
            assertTrue(rolledBack.actions().contains(RESTORED), rolledBack.actions().toString());
            assertFalse(journals.load().enabledResolverAtBoot(), "nothing left for revert to turn off");
            assertTrue(rolledBack.reason().endsWith("; systemd-resolved, whose start at boot Port853 had turned on, "
                    + "keeps running until the next boot; to stop it now as well: sudo systemctl stop "
                    + "systemd-resolved"), rolledBack.reason());
            assertEquals(ApplyResult.ROLLED_BACK_WORDING, rolledBack.reasonBeforeNote().words().wording(),
                    "still said as a rollback, the note after it");
            String shown = org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> org.port853.ui.apply
                    .ApplyViewModel.resultText(rolledBack));
            assertTrue(shown.contains("läuft bis zum nächsten Systemstart weiter"), "the window says it too: " + shown);
            int before = control.calls.size();
            ApplyResult r = engine.revert();
            assertFalse(control.calls.subList(before, control.calls.size()).contains("disable"), control.calls.toString());
            assertTrue(control.wasDisabled);
            assertFalse(r.actions().contains(RESTORED), r.actions().toString());
        }

        @Test
        @DisplayName("a rolled-back change whose start at boot must stay (resolv.conf uses the resolver): revert tries "
                + "again")
        void aRolledBackChangeWhoseBootStartIsNeededKeepsTheFlag() throws IOException {
            control.wasDisabled = true;
            control.neededAtBoot = true;
            control.answers.add(BAD);
            assertEquals(Outcome.ROLLED_BACK, engine.apply(target(A), "strict", true).outcome());
            assertFalse(control.wasDisabled, control.calls.toString());
            assertTrue(journals.load().enabledResolverAtBoot(), "revert still knows Port853 turned it on");
        }

        @Test
        @DisplayName("enabled before the first change: revert leaves it enabled")
        void alreadyEnabledStaysEnabled() throws IOException {
            engine.apply(target(A), "strict", true);
            assertFalse(journals.load().enabledResolverAtBoot());
            ApplyResult r = engine.revert();
            assertFalse(control.calls.contains("disable"), control.calls.toString());
            assertFalse(r.actions().contains(RESTORED), r.actions().toString());
        }

        @Test
        @DisplayName("recorded before it is turned on: a run killed right after enabling still has revert turn it off")
        void recordedBeforeEnabling() throws IOException {
            control.wasDisabled = true;
            ChangeEngine killedAtEnable = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn, resolvConf)),
                    new RecordingControl() {
                        @Override
                        public boolean offAtBoot() {
                            return control.offAtBoot();
                        }

                        @Override
                        public void enableAtBoot() throws IOException {
                            assertTrue(uncheckedLoad().enabledResolverAtBoot(), "journalled before enabling");
                            control.enableAtBoot();
                            throw new IllegalStateException("killed");
                        }
                    }, Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            assertThrows(IllegalStateException.class, () -> killedAtEnable.apply(target(A), "strict", true));
            assertFalse(control.wasDisabled);
            ApplyResult r = engine.revert();
            assertTrue(control.wasDisabled, control.calls.toString());
            assertTrue(r.actions().contains(RESTORED), r.actions().toString());
        }

        @Test
        @DisplayName("a failed enable leaves the journal as it was and nothing written")
        void failedEnableChangesNothing() throws IOException {
            control.wasDisabled = true;
            Journal before = journals.load();
            ChangeEngine refusing = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn, resolvConf)),
                    new RecordingControl() {
                        @Override
                        public boolean offAtBoot() {
                            return true;
                        }

                        @Override
                        public void enableAtBoot() throws IOException {
                            throw new IOException("systemctl enable systemd-resolved.service failed: masked");
                        }
                    }, Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            assertThrows(IOException.class, () -> refusing.apply(target(A), "strict", true));
            assertEquals(before, journals.load());
            assertFalse(Files.exists(dropIn));
        }

        @Test
        @DisplayName("stays on at boot when /etc/resolv.conf has come to use it, and says so")
        void staysOnWhileResolvConfUsesIt() throws IOException {
            control.wasDisabled = true;
            engine.apply(target(A), "strict", true);
            control.neededAtBoot = true;
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertFalse(control.wasDisabled, control.calls.toString());
            assertTrue(r.actions().stream().anyMatch(a -> a.startsWith("systemd-resolved stays started at boot")),
                    r.actions().toString());
            assertTrue(r.reason().endsWith("; systemd-resolved stays started at boot because /etc/resolv.conf uses it"),
                    "the command line prints the reason, not the steps: " + r.reason());
            assertEquals(Journal.EMPTY, journals.load());
        }

        private Journal uncheckedLoad() {
            try {
                return journals.load();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Test
        @DisplayName("a revert killed after its restart still turns it off on the next revert")
        void revertKilledBeforeDisablingFinishesNextTime() throws IOException {
            control.wasDisabled = true;
            engine.apply(target(A), "strict", true);
            ChangeEngine dying = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn, resolvConf)),
                    new RecordingControl() {
                        @Override
                        public boolean disableAtBoot() throws IOException {
                            throw new IOException("systemctl disable systemd-resolved.service failed: killed");
                        }
                    }, Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            assertThrows(IOException.class, dying::revert);
            assertTrue(journals.load().enabledResolverAtBoot(), "the journal still says Port853 enabled it");
            engine.revert();
            assertTrue(control.wasDisabled, control.calls.toString());
            assertEquals(Journal.EMPTY, journals.load());
        }
    }

    @Nested
    class Revert {
        /** Port853's change (the drop-in, resolv.conf linked to the stub), then an admin's own resolv.conf. */
        private void applyThenAnAdminReplacesResolvConf() throws IOException {
            Files.writeString(resolvConf, "nameserver 192.0.2.1\n");
            engine.apply(List.of(FileItemStore.file(dropIn, A), FileItemStore.symlink(resolvConf,
                    "../run/systemd/resolve/stub-resolv.conf")), "a", true);
            Files.delete(resolvConf);
            Files.writeString(resolvConf, "# the admin's new file\nnameserver 192.0.2.99\n");
        }

        @Test
        @DisplayName("a file someone else changed after our change is left alone, and the result says so")
        void neverClobbersAnAdminsLaterEdit() throws IOException {
            applyThenAnAdminReplacesResolvConf();
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertEquals("# the admin's new file\nnameserver 192.0.2.99\n", Files.readString(resolvConf));
            assertFalse(Files.exists(dropIn), "our own untouched drop-in is still removed");
            assertTrue(r.reason().contains(resolvConf + " as it is because someone else changed it"), r.reason());
            assertTrue(r.actions().stream().anyMatch(a -> a.startsWith("leave " + resolvConf)), r.actions().toString());
            assertEquals(List.of(resolvConf.toString()), r.filesLeftAlone(), "the removal scripts read this list");
            assertEquals("health check: resolved example.com over an encrypted connection",
                    r.actions().get(r.actions().size() - 1), "the check the preview promised is among the steps done");
        }

        @Test
        @DisplayName("the refusal is asked about exactly what the revert then writes: not about a file left to its owner")
        void theRefusalIsAskedAboutWhatTheRevertWrites() throws IOException {
            applyThenAnAdminReplacesResolvConf();
            List<List<ItemSnapshot>> asked = new ArrayList<>();
            ApplyResult r = engine.revertUnless(restoring -> {
                asked.add(restoring);
                return java.util.Optional.empty();
            });
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertEquals(List.of(List.of(FileItemStore.absent(dropIn))), asked);
            assertEquals(List.of("remove " + dropIn), r.actions().stream().filter(a -> a.startsWith("remove ")
                    || a.startsWith("restore ")).toList(), "what the refusal was asked about, and nothing else");
            assertEquals("# the admin's new file\nnameserver 192.0.2.99\n", Files.readString(resolvConf));
        }

        @Test
        @DisplayName("after a change that was rolled back, a file someone else wrote since is theirs: nothing to revert, "
                + "said so, the file kept (it said 'restored' before)")
        void afterARollbackOthersFilesAreNothingToRevert() throws IOException {
            control.answers.add(BAD);
            assertEquals(Outcome.ROLLED_BACK, engine.apply(target(A), "strict", true).outcome());
            Files.writeString(dropIn, "# written by a playbook\n[Resolve]\nDNS=192.0.2.7\n");
            ApplyResult r = engine.revert();
            assertEquals(Outcome.UNCHANGED, r.outcome(), r.reason());
            assertEquals("nothing reverted: " + dropIn + " changed after Port853 last wrote it, so it is someone else's "
                    + "now and stays as it is, with what it sets; to remove it, delete it yourself, or apply again and "
                    + "then revert", r.reason());
            assertEquals("# written by a playbook\n[Resolve]\nDNS=192.0.2.7\n", Files.readString(dropIn));
            assertEquals(List.of(dropIn.toString()), r.filesLeftAlone(), "the removal scripts read this list");
            assertEquals(Outcome.UNCHANGED, engine.revert().outcome(), "and again");
        }

        @Test
        @DisplayName("revert brings back mode, owner and group, not only the bytes")
        void restoresMetadata() throws IOException {
            Files.writeString(resolvConf, "nameserver 192.0.2.1\n");
            Files.setPosixFilePermissions(resolvConf, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
            var names = resolvConf.getFileSystem().getUserPrincipalLookupService();
            var view = Files.getFileAttributeView(resolvConf, java.nio.file.attribute.PosixFileAttributeView.class);
            view.setOwner(names.lookupPrincipalByName("nobody"));
            view.setGroup(names.lookupPrincipalByGroupName("adm"));
            engine.apply(List.of(FileItemStore.file(dropIn, A), FileItemStore.symlink(resolvConf,
                    "../run/systemd/resolve/stub-resolv.conf")), "a", true);
            assertEquals(Outcome.REVERTED, engine.revert().outcome());
            var a = Files.readAttributes(resolvConf, java.nio.file.attribute.PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(a.permissions()));
            assertEquals("nobody", a.owner().getName());
            assertEquals("adm", a.group().getName());
        }

        @Test
        void restoresBaselineByteForByteAfterSeveralApplies() throws IOException {
            String original = "# the admin's own file\n[Resolve]\nDNS=192.0.2.53\n";
            Files.writeString(dropIn, original);
            // not ours, so the platform lists no pristine state for it (as LinuxChange does without our header)
            engine = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn, resolvConf)), control,
                    Duration.ofMillis(500), List.of());
            Files.writeString(resolvConf, "nameserver 192.0.2.1\nsearch lan\n");
            byte[] rcBefore = Files.readAllBytes(resolvConf);
            engine.apply(target(A), "a", true);
            engine.apply(List.of(FileItemStore.file(dropIn, B), FileItemStore.symlink(resolvConf,
                    "../run/systemd/resolve/stub-resolv.conf")), "b", true);
            assertTrue(Files.isSymbolicLink(resolvConf));
            engine.apply(target(A), "a again", true);
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertEquals(original, Files.readString(dropIn));
            assertFalse(Files.isSymbolicLink(resolvConf));
            assertArrayEquals(rcBefore, Files.readAllBytes(resolvConf));
            assertEquals(Journal.EMPTY, journals.load());
            assertTrue(control.calls.get(control.calls.size() - 1).equals("check false"), "revert checks resolution");
        }

        /** A revert whose process dies at the resolver's restart, after it restored the files. */
        private void revertKilledAtItsRestart() {
            RecordingControl dying = new RecordingControl() {
                @Override
                public void reload() {
                    throw new IllegalStateException("killed during the revert's restart");
                }
            };
            ChangeEngine e = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), dying, Duration.ofMillis(500),
                    List.of(FileItemStore.absent(dropIn)));
            assertThrows(IllegalStateException.class, e::revert);
        }

        @Test
        void revertKilledHalfWayIsFinishedByTheNextRevertNotUndoneByRecover() throws IOException {
            engine.apply(target(A), "a", true);
            // an interrupted change B: written, never checked
            journals.save(new Journal(journals.load().baseline(), new ChangeRecord("b", java.time.Instant.now(), "b",
                    true, List.of(FileItemStore.file(dropIn, A)), List.of(FileItemStore.file(dropIn, B)))));
            Files.writeString(dropIn, B);
            revertKilledAtItsRestart();
            assertFalse(Files.exists(dropIn), "the files were already restored");
            ChangeRecord pendingRevert = journals.load().pending();
            assertEquals(List.of(FileItemStore.absent(dropIn)), pendingRevert.after(), "the revert itself is pending");
            assertEquals(pendingRevert.after(), pendingRevert.before(), "so no rollback can land on A or B");
            assertEquals(Outcome.REVERTED, engine.recover().outcome(), "recover finishes the revert");
            assertFalse(Files.exists(dropIn), "recover does not bring A or B back");
            assertTrue(control.calls.contains("restart"), "the resolver loads the restored files");
            assertEquals(Journal.EMPTY, journals.load());
        }

        @Test
        @DisplayName("revert after someone deleted Port853's drop-in restarts the resolver, which still runs Port853's "
                + "settings, instead of saying 'nothing to revert' (rig: apply, rm the drop-in, revert)")
        void revertAfterOurDropInWasDeletedByHandRestartsTheResolver() throws IOException {
            engine.apply(target(A), "a", true);
            Files.delete(dropIn);
            control.calls.clear();
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertEquals(List.of("restart", "check false"), control.calls);
            assertEquals(Journal.EMPTY, journals.load());
            control.calls.clear();
            assertEquals(Outcome.UNCHANGED, engine.revert().outcome(), "done once");
            assertEquals(List.of(), control.calls);
        }

        @Test
        @DisplayName("recover finishes an interrupted revert as revert does: said as reverted, not 'Kept', the start at "
                + "boot Port853 turned on is off again, the journal forgotten (rig: kill -9 of revert during its "
                + "restart, then recover)")
        void recoverOfAnInterruptedRevertFinishesItAsRevertDoes() throws IOException {
            control.wasDisabled = true;
            engine.apply(target(A), "a", true);
            revertKilledAtItsRestart();
            control.calls.clear();
            ApplyResult r = engine.recover();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertEquals("restored the previous settings; names resolve; systemd-resolved, whose start at boot Port853 "
                    + "had turned on, keeps running until the next boot; to stop it now as well: sudo systemctl stop "
                    + "systemd-resolved", r.reason());
            assertEquals(List.of("restart", "disable", "check false"), control.calls);
            assertEquals(Journal.EMPTY, journals.load());
            assertFalse(Files.exists(dropIn));
        }

        @Test
        @DisplayName("recover of an interrupted revert under which names do not resolve says the revert is finished, "
                + "not 'Rolled back' (rig: kill -9 of revert during its restart, then recover)")
        void interruptedRevertThatDoesNotResolveIsFinishedNotRolledBack() throws IOException {
            engine.apply(target(A), "a", true);
            revertKilledAtItsRestart();
            control.fallback = new ResolverControl.Health(false, false, "resolving example.com failed: No appropriate name servers", null);
            ApplyResult r = engine.recover();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertTrue(r.revertedUnhealthy(), r.reason());
            assertFalse(Files.exists(dropIn), "A is not brought back");
            assertEquals(null, journals.load().pending());
        }

        @Test
        @DisplayName("a revert whose restart failed: the next revert restarts the resolver, though the files are back")
        void revertWhoseRestartFailedIsReloadedByTheNextRevert() throws IOException {
            engine.apply(target(A), "a", true);
            RecordingControl failing = new RecordingControl() {
                @Override
                public void reload() throws IOException {
                    throw new IOException("systemctl restart systemd-resolved.service failed");
                }
            };
            ChangeEngine e = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), failing,
                    Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            assertThrows(IOException.class, e::revert);
            assertFalse(Files.exists(dropIn), "the files were already restored");
            control.calls.clear();
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertEquals(List.of("restart", "check false"), control.calls, "the resolver still ran A");
            assertEquals(Journal.EMPTY, journals.load());
        }

        @Test
        @DisplayName("without systemd as the init system (a chroot): the files are restored, no restart, no check")
        void revertWhereNoServicesRunRestoresTheFilesOnly() throws IOException {
            engine.apply(target(A), "a", true);
            RecordingControl chroot = new RecordingControl() {
                @Override
                public boolean servicesRun() {
                    return false;
                }
            };
            ChangeEngine e = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), chroot,
                    Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
            ApplyResult r = e.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertFalse(r.revertedUnhealthy(), r.reason());
            assertTrue(r.reason().contains("reads them when it next starts"), r.reason());
            assertFalse(Files.exists(dropIn));
            assertEquals(List.of(), chroot.calls, "no restart, no check: " + chroot.calls);
            assertEquals(Journal.EMPTY, journals.load());
        }

        @Test
        @DisplayName("a resolver the user stopped (or masked) stays stopped: the files are restored, no start, no check")
        void revertLeavesAStoppedResolverStopped() throws IOException {
            engine.apply(target(A), "a", true);
            control.stopped = true;
            control.calls.clear();
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertFalse(r.revertedUnhealthy(), r.reason());
            assertEquals("restored the previous settings; the resolver is not running, so it reads them when it next "
                    + "starts", r.reason());
            assertFalse(Files.exists(dropIn));
            assertEquals(List.of(), control.calls, "not started, not checked: " + control.calls);
            assertTrue(control.stopped);
            assertEquals(Journal.EMPTY, journals.load());
        }

        @Test
        @DisplayName("a revert killed before its writes: the next revert still knows the interrupted change's file as ours")
        void revertKilledBeforeItsWritesIsFinishedByTheNextRevert() throws IOException {
            engine.apply(target(A), "a", true);
            // an interrupted change B: written, never checked
            journals.save(new Journal(Journal.FORMAT, journals.load().baseline(), journals.load().applied(),
                    new ChangeRecord("b", java.time.Instant.now(), "b", true, List.of(FileItemStore.file(dropIn, A)),
                            List.of(FileItemStore.file(dropIn, B))), null));
            Files.writeString(dropIn, B);
            ItemStore dying = failingWrites(new FileItemStore(Set.of(dropIn)),
                    new IOException("killed after the revert's journal, before its writes"));
            ChangeEngine e = new ChangeEngine(journals, dying, control, Duration.ofMillis(500),
                    List.of(FileItemStore.absent(dropIn)));
            assertThrows(IOException.class, e::revert);
            assertEquals(B, Files.readString(dropIn), "nothing was restored yet");

            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome(), r.reason());
            assertFalse(Files.exists(dropIn, LinkOption.NOFOLLOW_LINKS), "B is Port853's, so the baseline comes back");
            assertTrue(r.actions().stream().noneMatch(a -> a.startsWith("leave ")), r.actions().toString());
            assertEquals(Journal.EMPTY, journals.load());
        }

        @Test
        void restoresASymlinkBaseline() throws IOException {
            Files.createSymbolicLink(resolvConf, Path.of("/run/systemd/resolve/resolv.conf"));
            engine.apply(List.of(FileItemStore.file(dropIn, A), FileItemStore.symlink(resolvConf,
                    "../run/systemd/resolve/stub-resolv.conf")), "a", true);
            engine.revert();
            assertEquals(Path.of("/run/systemd/resolve/resolv.conf"), Files.readSymbolicLink(resolvConf));
            assertFalse(Files.exists(dropIn));
        }

        @Test
        void withoutAJournalRemovesOurFileUsingThePristineList() throws IOException {
            Files.writeString(dropIn, A);
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome());
            assertFalse(Files.exists(dropIn));
            assertEquals(List.of("restart", "check false"), control.calls);
        }

        @Test
        @DisplayName("with the journal gone, our own drop-in is not the baseline: revert removes it, not puts it back")
        void lostJournalDoesNotMakeOurFileTheBaseline() throws IOException {
            Files.writeString(dropIn, A); // ours (the pristine list says so), its journal lost
            assertEquals(Outcome.APPLIED, engine.apply(target(B), "b", true).outcome());
            assertEquals(List.of(FileItemStore.absent(dropIn)), journals.load().baseline());
            assertEquals(Outcome.REVERTED, engine.revert().outcome());
            assertFalse(Files.exists(dropIn, LinkOption.NOFOLLOW_LINKS));
        }

        @Test
        void nothingToRevert() throws IOException {
            ApplyResult r = engine.revert();
            assertEquals(Outcome.UNCHANGED, r.outcome());
            assertTrue(control.calls.isEmpty());
        }

        @Test
        void revertReportsWhenThePreviousSettingsDoNotResolve() throws IOException {
            engine.apply(target(A), "a", true);
            control.answers.add(new ResolverControl.Health(false, false, "no answer", null));
            ApplyResult r = engine.revert();
            assertEquals(Outcome.REVERTED, r.outcome());
            assertTrue(r.reason().contains("no answer"), r.reason());
        }

        @Test
        void nonUtf8BaselineIsRestoredByteForByte() throws IOException {
            // e.g. a static resolv.conf with a Latin-1 comment, replaced by the stub link and then reverted
            byte[] latin1 = "# G\u00e9n\u00e9r\u00e9 par l'admin\nnameserver 192.0.2.1\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Files.write(resolvConf, latin1);
            engine.apply(List.of(FileItemStore.file(dropIn, A), FileItemStore.symlink(resolvConf,
                    "../run/systemd/resolve/stub-resolv.conf")), "a", true);
            engine.revert();
            assertArrayEquals(latin1, Files.readAllBytes(resolvConf));
        }

        @Test
        void baselineIsKeptWhenTheJournalHasIt() throws IOException {
            engine.apply(target(A), "a", true);
            Journal j = journals.load();
            assertNotNull(j.baseline());
            engine.apply(target(B), "b", true);
            assertEquals(j.baseline(), journals.load().baseline(), "the baseline is the first 'before', not the last");
        }
    }

    /** {@code files} whose every write fails with {@code failure}. */
    static ItemStore failingWrites(FileItemStore files, IOException failure) {
        return new ItemStore() {
            @Override
            public boolean owns(String key) {
                return files.owns(key);
            }

            @Override
            public ItemSnapshot read(String key) throws IOException {
                return files.read(key);
            }

            @Override
            public void write(ItemSnapshot target) throws IOException {
                throw failure;
            }
        };
    }

    @Nested
    @DisplayName("what the items need around them is set up and tidied under the change lock")
    class AroundTheItems {
        final List<String> seen = new ArrayList<>();
        ChangeEngine surrounded;

        @BeforeEach
        void surround() {
            surrounded = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), control, Duration.ofMillis(500),
                    List.of(), s -> null, new Surroundings() {
                        @Override
                        public void prepare() throws IOException {
                            seen.add("prepare, lock held: " + lockHeld());
                        }

                        @Override
                        public void tidy() throws IOException {
                            seen.add("tidy, lock held: " + lockHeld());
                        }
                    });
        }

        /** Another process's change would wait now (a second taker in this process is refused the same way). */
        boolean lockHeld() throws IOException {
            try {
                ChangeLock.acquire(stateDir, Duration.ZERO).close();
                return false;
            } catch (ChangeLock.BusyException e) {
                return true;
            }
        }

        @Test
        void applyPreparesAndRevertTidiesWhileHoldingTheLock() throws IOException {
            assertEquals(Outcome.APPLIED, surrounded.apply(target(A), "a", true).outcome());
            assertEquals(Outcome.REVERTED, surrounded.revert().outcome());
            assertEquals(Outcome.UNCHANGED, surrounded.revert().outcome());
            assertEquals(List.of("prepare, lock held: true", "tidy, lock held: true", "tidy, lock held: true"), seen);
        }

        @Test
        void aRecoverThatFinishesARevertTidiesUnderTheLock() throws IOException {
            List<ItemSnapshot> absent = List.of(FileItemStore.absent(dropIn));
            journals.save(new Journal(absent, new ChangeRecord("r", Instant.now(),
                    "revert to the settings from before Port853", false, absent, absent)));
            assertEquals(Outcome.REVERTED, surrounded.recover().outcome());
            assertEquals(Outcome.UNCHANGED, surrounded.recover().outcome(), "nothing interrupted: nothing to tidy");
            assertEquals(List.of("tidy, lock held: true"), seen);
        }

        @Test
        void aFailedTidyingLeavesTheRevertStanding() throws IOException {
            ChangeEngine failing = new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), control,
                    Duration.ofMillis(500), List.of(), s -> null, new Surroundings() {
                        @Override
                        public void prepare() {
                        }

                        @Override
                        public void tidy() throws IOException {
                            throw new IOException("read-only file system");
                        }
                    });
            failing.apply(target(A), "a", true);
            assertEquals(Outcome.REVERTED, failing.revert().outcome());
            assertFalse(Files.exists(dropIn));
        }
    }
}
