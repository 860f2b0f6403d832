package org.port853.helper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * Applies a change to a set of files so that the machine is never left without working DNS, whatever
 * happens: journal first (before-state, pending), then atomic writes, restart, health check, then either
 * "verified" or a rollback to the before-state. An interrupted run leaves a pending journal that the next
 * apply, {@link #recover()} or {@link #revert()} resolves. Platform-neutral: the resolver is behind
 * {@link ResolverControl}.
 */
public final class ChangeEngine {
    private final JournalStore journals;
    private final ResolverControl resolver;
    private final Predicate<Path> ownedFile;
    private final Duration lockWait;
    private final List<FileSnapshot> pristine;

    /**
     * @param pristine the state of our own files before Port853 ever ran (e.g. "our drop-in absent"); revert
     *                 falls back to it when the journal is gone, so a lost journal never strands our files
     */
    public ChangeEngine(JournalStore journals, ResolverControl resolver, Predicate<Path> ownedFile, Duration lockWait,
                        List<FileSnapshot> pristine) {
        this.pristine = List.copyOf(pristine);
        this.journals = journals;
        this.resolver = resolver;
        this.ownedFile = ownedFile;
        this.lockWait = lockWait;
    }

    public ApplyResult apply(List<FileSnapshot> requested, String description, boolean requireEncrypted)
            throws IOException {
        long t0 = System.nanoTime();
        requested.forEach(f -> requireOwned(f.file()));
        List<String> actions = new ArrayList<>();
        try (ChangeLock lock = ChangeLock.acquire(journals.dir(), lockWait)) {
            Journal j = journals.load();
            ChangeRecord interrupted = j.pending();
            if (interrupted != null && interrupted.after().equals(requested)
                    && snapshot(requested).equals(requested)) {
                actions.add("check the interrupted change " + interrupted.id());
                return restartAndVerify(j, interrupted, actions, t0, Outcome.APPLIED);
            }
            // An interrupted change is replaced, not stacked: its before-state is ours, and files it touched that
            // this change does not name go back to how they were.
            List<FileSnapshot> target = new ArrayList<>(requested);
            if (interrupted != null) {
                interrupted.before().stream().filter(b -> target.stream().noneMatch(t -> t.path().equals(b.path())))
                        .forEach(target::add);
            }
            List<FileSnapshot> before = beforeOf(target, interrupted);
            if (interrupted == null && before.equals(target)) {
                journals.save(j); // keeps the public marker in step with the journal
                return result(Outcome.UNCHANGED, "the settings are already in place", target, actions, false, t0);
            }
            resolver.ensureEnabled();
            ChangeRecord change = new ChangeRecord(UUID.randomUUID().toString(), Instant.now(), description,
                    requireEncrypted, before, target);
            Journal withChange = new Journal(merge(j.baseline() != null ? j.baseline() : before, before), change);
            journals.save(withChange);
            actions.add("record the change in " + journals.dir());
            if (interrupted != null) {
                actions.add("replace the interrupted change " + interrupted.id());
            }
            try {
                restoreFiles(target);
            } catch (IOException writeFailed) {
                restoreFiles(before);
                if (interrupted != null) {
                    restart(actions); // the resolver may still run the interrupted change's files
                }
                journals.save(withChange.withPending(null));
                return result(Outcome.FAILED, writeFailed.getMessage() + "; nothing was changed", target, actions,
                        false, t0);
            }
            target.forEach(f -> actions.add("write " + f.path()));
            return restartAndVerify(withChange, change, actions, t0, Outcome.APPLIED);
        }
    }

    /** Checks an interrupted change: keeps it if healthy, rolls it back otherwise. */
    public ApplyResult recover() throws IOException {
        long t0 = System.nanoTime();
        List<String> actions = new ArrayList<>();
        try (ChangeLock lock = ChangeLock.acquire(journals.dir(), lockWait)) {
            Journal j = journals.load();
            if (j.pending() == null) {
                journals.save(j); // a marker left by a run killed between journal and marker goes away
                return result(Outcome.UNCHANGED, "there is no interrupted change", List.of(), actions, false, t0);
            }
            ChangeRecord p = j.pending();
            if (!snapshot(p.after()).equals(p.after())) {
                actions.add("the interrupted change " + p.id() + " never finished writing");
                return rollBack(j, p, actions, t0, "the interrupted change was incomplete");
            }
            return restartAndVerify(j, p, actions, t0, Outcome.KEPT);
        }
    }

    /** Restores every file to how it was before Port853's first change and forgets the journal. */
    public ApplyResult revert() throws IOException {
        long t0 = System.nanoTime();
        List<String> actions = new ArrayList<>();
        try (ChangeLock lock = ChangeLock.acquire(journals.dir(), lockWait)) {
            Journal j = journals.load();
            List<FileSnapshot> baseline = j.baseline() != null ? j.baseline()
                    : j.pending() != null ? j.pending().before() : pristine;
            baseline.forEach(f -> requireOwned(f.file()));
            if (j.pending() == null && snapshot(baseline).equals(baseline)) {
                journals.save(Journal.EMPTY);
                return result(Outcome.UNCHANGED, "nothing to revert: Port853's changes are not in place", baseline,
                        actions, false, t0);
            }
            // The revert is itself journalled until the resolver runs the restored files: if it is killed half-way,
            // status reports it and the next revert, recover or the boot-time unit finishes it (before == after, so
            // even a "rollback" lands on the baseline, never on the interrupted change's files).
            journals.save(new Journal(baseline, new ChangeRecord(UUID.randomUUID().toString(), Instant.now(),
                    "revert to the settings from before Port853", false, baseline, baseline)));
            restoreFiles(baseline);
            baseline.forEach(f -> actions.add("restore " + f.path()));
            restart(actions);
            journals.save(Journal.EMPTY);
            ResolverControl.Health h = resolver.check(false);
            return result(Outcome.REVERTED, h.ok() ? "restored the previous settings; names resolve"
                    : "restored the previous settings, but names do not resolve with them: " + h.detail(),
                    baseline, actions, false, t0);
        }
    }

    /** Makes the resolver load the change's files, then keeps the change if names resolve, else rolls back. */
    private ApplyResult restartAndVerify(Journal j, ChangeRecord change, List<String> actions, long t0,
                                         Outcome success) throws IOException {
        try {
            restart(actions);
        } catch (IOException e) {
            return rollBack(j, change, actions, t0, "the resolver did not restart: " + e.getMessage());
        }
        ResolverControl.Health h = resolver.check(change.requireEncrypted());
        actions.add("health check: " + h.detail());
        if (h.ok()) {
            journals.save(j.withPending(null));
            return result(success, h.encrypted() ? "names resolve over an encrypted connection"
                    : "names resolve (the answer did not come over an encrypted connection)", change.after(), actions,
                    h.encrypted(), t0);
        }
        return rollBack(j, change, actions, t0, h.detail());
    }

    private ApplyResult rollBack(Journal j, ChangeRecord change, List<String> actions, long t0, String why)
            throws IOException {
        restoreFiles(change.before());
        change.before().forEach(f -> actions.add("restore " + f.path()));
        try {
            restart(actions);
        } catch (IOException e) {
            // The files are back but the resolver may still run the change: stay pending, so status says so and
            // recover (or the boot-time unit) restarts it.
            return result(Outcome.FAILED, "rolled back the files (" + why + "), but the resolver did not restart: "
                    + e.getMessage() + "; run 'port853 recover'", change.after(), actions, false, t0);
        }
        journals.save(j.withPending(null));
        ResolverControl.Health after = resolver.check(false);
        String reason = "rolled back: " + why
                + (after.ok() ? "" : "; the previous settings do not resolve names either: " + after.detail());
        return result(Outcome.ROLLED_BACK, reason, change.after(), actions, false, t0);
    }

    /** The files as they were before the change: an interrupted change's before-state where it has one. */
    private static List<FileSnapshot> beforeOf(List<FileSnapshot> target, ChangeRecord interrupted)
            throws IOException {
        List<FileSnapshot> out = new ArrayList<>();
        for (FileSnapshot t : target) {
            FileSnapshot known = interrupted == null ? null : interrupted.before().stream()
                    .filter(b -> b.path().equals(t.path())).findFirst().orElse(null);
            out.add(known != null ? known : FileSnapshot.read(t.file()));
        }
        return out;
    }

    private void restart(List<String> actions) throws IOException {
        resolver.restart();
        actions.add("restart the resolver");
    }

    private void restoreFiles(List<FileSnapshot> files) throws IOException {
        for (FileSnapshot f : files) {
            requireOwned(f.file());
            try {
                AtomicFiles.restore(f, AtomicFiles.PUBLIC);
            } catch (IOException e) {
                throw new IOException("could not write " + f.path() + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<FileSnapshot> snapshot(List<FileSnapshot> like) throws IOException {
        List<FileSnapshot> now = new ArrayList<>();
        for (FileSnapshot f : like) {
            now.add(FileSnapshot.read(f.file()));
        }
        return now;
    }

    /** The baseline keeps its first record of each file; files touched for the first time are added. */
    private static List<FileSnapshot> merge(List<FileSnapshot> baseline, List<FileSnapshot> before) {
        List<FileSnapshot> out = new ArrayList<>(baseline);
        for (FileSnapshot b : before) {
            if (out.stream().noneMatch(x -> x.path().equals(b.path()))) {
                out.add(b);
            }
        }
        return out;
    }

    private void requireOwned(Path p) {
        if (!ownedFile.test(p)) {
            throw new IllegalArgumentException(p + " is not a file Port853 may write");
        }
    }

    private static ApplyResult result(Outcome o, String reason, List<FileSnapshot> files, List<String> actions,
                                      boolean encrypted, long t0) {
        FileSnapshot main = files.isEmpty() ? null : files.get(0);
        return new ApplyResult(o, reason, main == null ? null : main.path(), main == null ? null : main.content(),
                actions, encrypted, Duration.ofNanos(System.nanoTime() - t0));
    }
}
