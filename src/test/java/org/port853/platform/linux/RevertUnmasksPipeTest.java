package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.Severity;
import org.port853.helper.HelperRequest;
import org.port853.helper.PrivilegedHelper;
import org.port853.helper.Requester;
import org.port853.platform.Plan;

/**
 * A named pipe with the name of Port853's drop-in in /run/systemd/resolved.conf.d, put there after Port853's change:
 * Port853's drop-in in /etc masks it (so no scan lists it, and apply, which keeps the mask, is not refused), but a
 * revert removes Port853's drop-in and the restart then meets the pipe: up to 257 systemd-resolved waits on it and
 * never comes up (the rig: ResolvedAdapterITBase.revertRefusesWhileItWouldUnmaskAPipe), from 258 it ignores every
 * settings file. Revert is refused up front, the window's "Off" and the helper's revert alike.
 */
@DisplayName("a revert that would unmask a named pipe with Port853's drop-in name is refused up front")
class RevertUnmasksPipeTest {
    @TempDir
    Path root;

    /** Port853's drop-in in place, and a FIFO with its name in the /run drop-in directory. */
    private Path pipeMaskedByOurs(LinuxPaths paths) throws Exception {
        Files.createDirectories(paths.ourDropIn().getParent());
        Files.writeString(paths.ourDropIn(), DropInRenderer.render(ResolvedPlannerTest.STRICT, new ResolvedFeatures(252)));
        Path pipe = Files.createDirectories(paths.dropInDirs().get(1)).resolve(LinuxPaths.DROP_IN_NAME);
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        return pipe;
    }

    private static List<org.port853.core.DropIn> scan(LinuxPaths paths, int version) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DropInScanner.scan(paths, version));
    }

    @Test
    @DisplayName("up to 257: refused as a restart that would not come back; apply, which keeps the mask, is not")
    void upTo257() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = pipeMaskedByOurs(paths);
        ResolvedPlanner planner = new ResolvedPlanner(paths);
        List<org.port853.core.DropIn> dropIns = scan(paths, 252);
        assertTrue(dropIns.stream().noneMatch(d -> d.path().equals(pipe.toString())), "masked: the scan does not list it");

        Sentence refusal = planner.revertRefusal(252, dropIns, true).orElseThrow();
        assertEquals("refused.revert-unmasks-pipe", refusal.words().wording());
        assertEquals(pipe + " is a named pipe or device, not a file, with the name of Port853's drop-in, which hides it "
                + "now: reverting removes Port853's drop-in, and then systemd-resolved waits on the pipe when it restarts "
                + "and does not come up, which leaves this computer without DNS; move it away first (sudo mv " + pipe + " "
                + pipe + ".old), then revert", refusal.english());
        Plan off = planner.plan(ResolvedPlannerTest.OFF, 252, dropIns, false);
        assertEquals("refused.revert-unmasks-pipe", off.refusalWords().wording(), "the window's Off says the same");
        String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
        assertEquals(off.refusal().replace("sudo ", sudo), said(Locale.ENGLISH, off));
        assertTrue(said(Locale.GERMAN, off).startsWith(pipe + " ist eine Named Pipe oder ein Gerät, keine Datei, mit "
                + "dem Namen der Drop-in-Datei von Port853, die sie jetzt verdeckt: das Zurücknehmen entfernt die "
                + "Drop-in-Datei von Port853, und dann wartet systemd-resolved beim Neustart auf die Pipe und kommt nicht "
                + "hoch"), said(Locale.GERMAN, off));
        assertFalse(planner.plan(ResolvedPlannerTest.STRICT, 252, dropIns, false).isRefused(),
                "apply writes Port853's drop-in again, which keeps masking the pipe");
    }

    @Test
    @DisplayName("from 258: refused as a restart that would ignore every settings file")
    void from258() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = pipeMaskedByOurs(paths);
        Sentence refusal = new ResolvedPlanner(paths).revertRefusal(262, scan(paths, 262), true).orElseThrow();
        assertEquals("refused.revert-unmasks-pipe.ignores-all", refusal.words().wording());
        assertTrue(refusal.english().contains("reverting removes Port853's drop-in, and then systemd-resolved cannot "
                + "open it when it restarts and ignores every settings file, so it runs on its built-in defaults, not on "
                + "the settings from before Port853; move it away first (sudo mv " + pipe + " " + pipe + ".old)"),
                refusal.english());
    }

    @Test
    @DisplayName("without Port853's drop-in nothing masks it: refused as the pipe among the drop-ins it is")
    void withoutOursThePipeIsAnyDropIn() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = pipeMaskedByOurs(paths);
        Files.delete(paths.ourDropIn());
        assertEquals("refused.drop-in-pipe", new ResolvedPlanner(paths).revertRefusal(252, scan(paths, 252), true)
                .orElseThrow().words().wording(), pipe.toString());
        Files.delete(pipe);
        assertTrue(new ResolvedPlanner(paths).revertRefusal(252, scan(paths, 252), true).isEmpty());
    }

    @Test
    @DisplayName("the privileged helper refuses the revert (port853 revert, uninstall) and leaves Port853's drop-in")
    void helperRefusesTheRevert() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = pipeMaskedByOurs(paths);
        String before = Files.readString(paths.ourDropIn());
        // no systemd under the test root (servicesRun false): even an unrefused revert would restart nothing here
        PrivilegedHelper.Response r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> PrivilegedHelper.handle(
                HelperRequest.of(HelperRequest.Action.REVERT), new LinuxChange(paths, 252, () -> "yes"),
                new Requester(0, "direct")));
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"REFUSED\"") && r.stdout().contains("move it away first (sudo mv " + pipe),
                r.stdout());
        assertEquals(before, Files.readString(paths.ourDropIn()), "the drop-in that masks the pipe stays");
    }

    @Test
    @DisplayName("status says the pipe before a revert is tried (DROP_IN_PIPE_MASKED); apply is not blocked")
    void statusSaysIt() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = pipeMaskedByOurs(paths);
        LinuxDetails read = readDetails(paths);
        assertEquals(pipe.toString(), read.pipeOursMasks());
        String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
        for (int version : new int[] {252, 262}) {
            ResolverState s = stateOn(version, read.pipeOursMasks());
            Reason r = DropInDirectoryReasonTest.reason(s, "DROP_IN_PIPE_MASKED");
            assertEquals(Severity.INFO, r.severity(), "harmless while Port853's drop-in is there");
            assertFalse(new LinuxRules().refusesChanges(r), "apply keeps the mask: the switch-on is not blocked");
            String english = pipe + " is a named pipe or device, not a file, with the name of Port853's drop-in, which "
                    + "hides it, so systemd-resolved does not read it now. Turning encryption off, revert and removing "
                    + "Port853 are refused while it is there: removing Port853's drop-in would unmask it, and then "
                    + (version == 252 ? "systemd-resolved waits on it when it restarts and does not come up, which "
                    + "leaves this computer without DNS" : "systemd-resolved cannot open it when it restarts and ignores "
                    + "every settings file, so it runs on its built-in defaults") + ". / Move it away (" + sudo + "mv "
                    + pipe + " " + pipe + ".old); then turning encryption off and revert work.";
            assertEquals(english, r.message() + " / " + r.fix().replace("sudo ", sudo));
            assertEquals(english, DropInDirectoryReasonTest.words(Locale.ENGLISH, r, s));
            assertTrue(DropInDirectoryReasonTest.words(Locale.GERMAN, r, s).startsWith(pipe + " ist eine Named Pipe "
                    + "oder ein Gerät, keine Datei, mit dem Namen der Drop-in-Datei von Port853, die sie verdeckt"));
        }
        Files.delete(pipe);
        assertEquals(null, readDetails(paths).pipeOursMasks());
    }

    /**
     * Port853's change in place (journalled), then what is at its path replaced by {@code replace}, and a FIFO with its
     * name in /run: a revert leaves that path as it is (someone else's now), so nothing unmasks the pipe.
     */
    private Path othersAtOurPathMaskingAPipe(LinuxPaths paths, org.junit.jupiter.api.function.ThrowingConsumer<Path> replace)
            throws Throwable {
        Path pipe = journalledOursMaskingAPipe(paths);
        Files.delete(paths.ourDropIn());
        replace.accept(paths.ourDropIn());
        return pipe;
    }

    /** Port853's change in place (journalled), and a FIFO with its drop-in's name in /run. */
    private static Path journalledOursMaskingAPipe(LinuxPaths paths) throws Exception {
        LinuxChange platform = new LinuxChange(paths, 252, () -> "yes");
        assertEquals(org.port853.platform.ApplyResult.Outcome.APPLIED, platform.engine(DropInDirectoryRaceTest.WAIT,
                DropInDirectoryRaceTest.resolver(() -> { }, () -> { })).apply(platform.targetItems(HelperRequest.apply(
                ResolvedPlannerTest.STRICT, false)), "strict", true).outcome());
        Path pipe = Files.createDirectories(paths.dropInDirs().get(1)).resolve(LinuxPaths.DROP_IN_NAME);
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        return pipe;
    }

    @Test
    @DisplayName("Port853's drop-in as it wrote it (journalled): the window's Off, status and the helper all refuse")
    void oursAsWrittenIsRefusedByAll() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        assertWindowAndHelperAgree(paths, journalledOursMaskingAPipe(paths), true);
    }

    @Test
    @DisplayName("an edited copy that kept Port853's header is someone else's for the window and status too, as the "
            + "helper's revert leaves it")
    void anEditedCopyWithOurHeaderIsLeftByAll() throws Throwable {
        LinuxPaths paths = LinuxPaths.under(root);
        assertWindowAndHelperAgree(paths, othersAtOurPathMaskingAPipe(paths, ours -> Files.writeString(ours,
                EDITED_WITH_OUR_HEADER)), false);
    }

    @Test
    @DisplayName("Port853's drop-in with only its mode changed is someone else's for all, as the helper's revert leaves it")
    void oursWithAnotherModeIsLeftByAll() throws Throwable {
        assertLeftByAllOnce(ours -> Files.setPosixFilePermissions(ours,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----")));
    }

    @Test
    @DisplayName("Port853's drop-in whose header someone removed is someone else's for all, as the helper's revert "
            + "leaves it")
    void oursWithoutItsHeaderIsLeftByAll() throws Throwable {
        assertLeftByAllOnce(ours -> Files.writeString(ours, Files.readString(ours).substring(DropInRenderer.HEADER
                .length())));
    }

    @Test
    @DisplayName("a journal with no scope published for it (an upgraded machine): an edited copy with Port853's header "
            + "is left by all, and the helper's run publishes the scope")
    void aJournalWithoutItsScopeIsNotJudgedByTheHeader() throws Throwable {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = journalledWithItsScope(paths, Files::delete);
        Files.writeString(paths.ourDropIn(), EDITED_WITH_OUR_HEADER);
        assertWindowAndHelperAgree(paths, pipe, false);
        assertTrue(Files.exists(scope(paths)), "the helper published it");
    }

    @Test
    @DisplayName("Port853's drop-in as it wrote it, its journal's scope outdated: the window lets the helper judge, which "
            + "refuses and publishes the scope, after which the window refuses too")
    void anOutdatedScopeLeavesTheRefusalToTheHelper() throws Throwable {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = journalledWithItsScope(paths, scope -> Files.writeString(scope, Files.readString(scope)
                .replaceFirst("\"journal\" : \"[^\"]*\"", "\"journal\" : \"an earlier one\"")));
        assertEquals(null, offRefusal(paths), "unknown: left to the helper");
        assertEquals(null, readDetails(paths).pipeOursMasks(), "status");
        assertTrue(revertByTheHelper(paths).stdout().contains("\"REFUSED\""), "the helper reads the journal");
        assertWindowAndHelperAgree(paths, pipe, true);
    }

    @Test
    @DisplayName("a journal removed by hand leaves its scope behind: judged by the header, as the journal-less helper "
            + "does")
    void aScopeLeftByARemovedJournalCountsForNothing() throws Throwable {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = othersAtOurPathMaskingAPipe(paths, ours -> Files.writeString(ours, EDITED_WITH_OUR_HEADER));
        Files.delete(paths.stateDir().resolve(org.port853.change.JournalStore.JOURNAL));
        assertTrue(Files.exists(scope(paths)));
        assertWindowAndHelperAgree(paths, pipe, true);
    }

    /** An edited copy of Port853's drop-in that kept its header. */
    private static final String EDITED_WITH_OUR_HEADER = DropInRenderer.HEADER + "[Resolve]\nDNS=192.0.2.7\n"
            + "DNSOverTLS=yes\n";

    /** Port853's change in place (journalled) masking a pipe, its published scope then {@code changed}. */
    private static Path journalledWithItsScope(LinuxPaths paths,
            org.junit.jupiter.api.function.ThrowingConsumer<Path> changed) throws Throwable {
        Path pipe = journalledOursMaskingAPipe(paths);
        changed.accept(scope(paths));
        return pipe;
    }

    private static Path scope(LinuxPaths paths) {
        return paths.stateDir().resolve("revert-scope.json");
    }

    /** Port853's drop-in (journalled) once {@code change}d in place: someone else's for the window, status and helper. */
    private void assertLeftByAllOnce(org.junit.jupiter.api.function.ThrowingConsumer<Path> change) throws Throwable {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = journalledOursMaskingAPipe(paths);
        change.accept(paths.ourDropIn());
        assertWindowAndHelperAgree(paths, pipe, false);
    }

    /**
     * The window's Off, status (DROP_IN_PIPE_MASKED, the drop-in counted as Port853's) and the privileged helper's
     * revert judge the file at Port853's path alike: all refuse ({@code refused}) or none does.
     */
    private void assertWindowAndHelperAgree(LinuxPaths paths, Path pipe, boolean refused) throws Exception {
        String content = Files.readString(paths.ourDropIn());
        assertEquals(refused ? "refused.revert-unmasks-pipe" : null, offRefusal(paths), "the window's Off");
        assertEquals(refused ? pipe.toString() : null, readDetails(paths).pipeOursMasks(), "status");
        assertEquals(refused, scan(paths, 252).stream().filter(d -> d.path().equals(paths.ourDropIn().toString()))
                .findFirst().orElseThrow().ours(), "status counts the drop-in as Port853's");
        PrivilegedHelper.Response r = revertByTheHelper(paths);
        assertEquals(refused, r.stdout().contains("\"REFUSED\""), "the helper's revert: " + r.stdout());
        assertEquals(content, Files.readString(paths.ourDropIn()), "refused, or someone else's: the file stays");
        assertTrue(pipeStays(pipe));
    }

    private static String offRefusal(LinuxPaths paths) {
        Plan off = new ResolvedPlanner(paths).plan(ResolvedPlannerTest.OFF, 252, scan(paths, 252), false);
        return off.refusalWords() == null ? null : off.refusalWords().wording();
    }

    @Test
    @DisplayName("a link at Port853's path, which the revert leaves: not refused, nothing unmasked, status says no pipe")
    void aLinkAtOurPathIsLeftSoNothingIsUnmasked() throws Throwable {
        LinuxPaths paths = LinuxPaths.under(root);
        Path target = Files.writeString(root.resolve("elsewhere.conf"), "[Resolve]\nDNS=192.0.2.7\n");
        Path pipe = othersAtOurPathMaskingAPipe(paths, ours -> Files.createSymbolicLink(ours, target));
        PrivilegedHelper.Response r = revertByTheHelper(paths);
        assertTrue(r.stdout().contains("result.nothing-to-revert.linked") && !r.stdout().contains("\"REFUSED\""),
                r.stdout());
        assertTrue(Files.isSymbolicLink(paths.ourDropIn()), "the link is someone else's and stays");
        assertTrue(pipeStays(pipe));
        assertEquals(null, readDetails(paths).pipeOursMasks(), "no revert of Port853's would unmask it");
    }

    @Test
    @DisplayName("someone else's file at Port853's path (changed after Port853 wrote it): not refused, the file stays")
    void someoneElsesFileAtOurPathIsLeftSoNothingIsUnmasked() throws Throwable {
        LinuxPaths paths = LinuxPaths.under(root);
        // even with Port853's header (an edited copy): the journal tells it is not what Port853 wrote
        String theirs = DropInRenderer.HEADER + "[Resolve]\nDNS=192.0.2.7\n";
        Path pipe = othersAtOurPathMaskingAPipe(paths, ours -> Files.writeString(ours, theirs));
        PrivilegedHelper.Response r = revertByTheHelper(paths);
        assertTrue(r.stdout().contains("result.nothing-to-revert.others") && !r.stdout().contains("\"REFUSED\""),
                r.stdout());
        assertEquals(theirs, Files.readString(paths.ourDropIn()));
        assertTrue(pipeStays(pipe));
        Files.writeString(paths.ourDropIn(), "# a playbook's\n[Resolve]\nDNS=192.0.2.7\n");
        assertEquals(null, readDetails(paths).pipeOursMasks(), "a file without Port853's header is no revert's to remove");
        assertTrue(new ResolvedPlanner(paths).plan(ResolvedPlannerTest.OFF, 252, scan(paths, 252), false)
                .refusalWords() == null, "the window's Off is not refused for the pipe either");
    }

    private static PrivilegedHelper.Response revertByTheHelper(LinuxPaths paths) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> PrivilegedHelper.handle(
                HelperRequest.of(HelperRequest.Action.REVERT), new LinuxChange(paths, 252, () -> "yes"),
                new Requester(0, "direct")));
    }

    private static boolean pipeStays(Path pipe) {
        return Files.exists(pipe) && !Files.isRegularFile(pipe);
    }

    private static LinuxDetails readDetails(LinuxPaths paths) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> (LinuxDetails) new ResolvedStateReader(paths, false).read().platform());
    }

    @Test
    @DisplayName("an interrupted revert that recovery refuses while the pipe is there: its reason says the pipe and the "
            + "fix, in one CHANGE_INTERRUPTED, in both languages; an interrupted apply keeps 'recover it'")
    void anInterruptedRevertSaysWhatItsRecoveryWaitsOn() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = pipeMaskedByOurs(paths);
        String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
        java.time.Instant started = java.time.Instant.parse("2026-12-01T08:00:00Z");
        for (int version : new int[] {252, 262}) {
            ResolverState s = withPending(stateOn(version, pipe.toString()), new org.port853.core.PendingChange("r1",
                    started, org.port853.change.ChangeRecord.REVERT));
            List<Reason> interrupted = org.port853.core.Assessor.assess(s, new LinuxRules().assess(s)).reasons().stream()
                    .filter(r -> r.code().equals("CHANGE_INTERRUPTED")).toList();
            assertEquals(1, interrupted.size(), interrupted.toString());
            Reason r = interrupted.get(0);
            assertEquals(Severity.WARNING, r.severity());
            assertEquals(null, r.fixAction(), "recovering now would only be refused again");
            String effect = version == 252 ? "it waits on it and does not come up"
                    : "it cannot open it and ignores every settings file";
            assertEquals("A change started " + started + " was interrupted before it was checked (revert to the settings "
                    + "from before Port853); DNS may not work or may not be encrypted. Finishing it is refused, by the "
                    + "recovery at every boot too, while " + pipe + " is there: it is a named pipe or device, not a file, "
                    + "and when the revert restarts systemd-resolved, " + effect + ". / Move it away (sudo mv " + pipe
                    + " " + pipe + ".old), then run 'port853 recover' (or restart: the recovery at boot finishes it).",
                    r.message() + " / " + r.fix());
            String english = DropInDirectoryReasonTest.words(Locale.ENGLISH, r, s);
            assertTrue(english.contains("Finishing it is refused, by the recovery at every boot too, while " + pipe
                    + " is there: it is a named pipe or device, not a file, and when the revert restarts "
                    + "systemd-resolved, " + effect + ". / Move it away (" + sudo + "mv " + pipe + " " + pipe
                    + ".old), then recover it (or restart: the recovery at boot finishes it)."), english);
            String german = DropInDirectoryReasonTest.words(Locale.GERMAN, r, s);
            assertTrue(german.contains("Das Abschließen wird abgelehnt, auch von der Wiederherstellung bei jedem "
                    + "Systemstart, solange " + pipe + " da ist") && german.contains("/ Verschieben Sie sie (" + sudo
                    + "mv " + pipe + " " + pipe + ".old)"), german);
        }
        ResolverState apply = withPending(stateOn(252, pipe.toString()), new org.port853.core.PendingChange("a1",
                started, "DNS-over-TLS strict with 1 server(s)"));
        Reason neutral = org.port853.core.Assessor.assess(apply, new LinuxRules().assess(apply)).reasons().stream()
                .filter(r -> r.code().equals("CHANGE_INTERRUPTED")).findFirst().orElseThrow();
        assertEquals(org.port853.core.FixAction.RECOVER, neutral.fixAction(), "an apply's recovery keeps the mask");
        assertTrue(DropInDirectoryReasonTest.words(Locale.ENGLISH, neutral, apply).endsWith("DNS may not work or may not "
                + "be encrypted. / Recover it: Port853 checks it, then you keep it or roll it back."));
    }

    private static ResolverState withPending(ResolverState s, org.port853.core.PendingChange p) {
        return new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), s.global(), s.links(), p,
                s.problem(), s.platform());
    }

    /** Strict mode on systemd {@code version} with {@code pipeOursMasks}, otherwise as protected. */
    private static ResolverState stateOn(int version, String pipeOursMasks) {
        LinuxDetails d = new LinuxDetails(version, new ResolvConfState(ResolvConfState.Kind.STUB,
                LinuxPaths.STUB_RESOLV_CONF, List.of("127.0.0.53")), List.of(), null, true, null, false, null, null,
                LinuxDetails.MAIN_CONF, null, false, null, false, pipeOursMasks, null);
        ResolverState running = MainConfPipeReasonTest.stateWith(d, version, true, org.port853.core.DotMode.STRICT);
        return new ResolverState(running.resolverName(), running.source(), true, true, running.global(), List.of(),
                null, null, d);
    }

    @Test
    @DisplayName("recover of an interrupted revert is refused as the revert is, whether the revert had removed Port853's "
            + "drop-in (the pipe then a drop-in as any) or not yet (ours still masks it); the revert stays pending")
    void helperRefusesToFinishAnInterruptedRevert() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Path pipe = pipeMaskedByOurs(paths);
        org.port853.change.JournalStore journals = new org.port853.change.JournalStore(paths.stateDir());
        List<org.port853.change.ItemSnapshot> before = List.of(FileItemStore.absent(paths.ourDropIn()));
        // as a revert journals itself: Port853's drop-in as it applied it, to be removed
        journals.save(new org.port853.change.Journal(org.port853.change.Journal.FORMAT, before,
                List.of(FileItemStore.read(paths.ourDropIn())), org.port853.change.ChangeRecord.revert(before), null));
        assertRecoverRefused(paths, pipe, "masked by ours");
        Files.delete(paths.ourDropIn()); // the interrupted revert had got as far as removing it
        assertRecoverRefused(paths, pipe, "ours already removed");
        assertTrue(journals.load().pending().marksARevert(), "the revert stays pending for after the pipe is gone");
    }

    private void assertRecoverRefused(LinuxPaths paths, Path pipe, String when) {
        PrivilegedHelper.Response r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> PrivilegedHelper.handle(
                HelperRequest.of(HelperRequest.Action.RECOVER), new LinuxChange(paths, 252, () -> "yes"),
                new Requester(0, "direct")));
        assertEquals(1, r.exitCode(), when + ": " + r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"REFUSED\"") && r.stdout().contains("move it away first (sudo mv " + pipe),
                when + ": " + r.stdout());
    }

    private static String said(Locale language, Plan p) {
        return org.port853.ui.common.I18n.in(language, () -> org.port853.ui.apply.ChangeTexts.refusal(p));
    }
}
