package org.port853.change;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;
import org.port853.platform.Steps;

/**
 * Applies a change to a set of items so that the machine is never left without working DNS, whatever
 * happens: journal first (before-state, pending), then atomic writes, reload, health check, then either
 * "verified" or a rollback to the before-state. An interrupted run leaves a pending journal that the next
 * apply, {@link #recover()} or {@link #revert()} resolves. Platform-neutral: the items are behind
 * {@link ItemStore}, the resolver behind {@link ResolverControl}.
 */
public final class ChangeEngine {
    private static final Logger LOG = Logger.getLogger(ChangeEngine.class.getName());
    /** The step that says a change turned the resolver's start at boot on (revert turns it off again). */
    private static final String BOOT_START_ON = "systemd-resolved is started at boot from now on (it was not before)";

    private final JournalStore journals;
    private final ItemStore items;
    private final ResolverControl resolver;
    private final Duration lockWait;
    private final Supplier<List<ItemSnapshot>> pristine;
    private final Function<ItemSnapshot, ApplyResult.Item> shown;
    private final Surroundings surroundings;
    private final java.util.function.Predicate<ItemSnapshot> applyRefuses;

    /**
     * @param pristine the state of our own items before Port853 ever ran, listed only for items that hold what
     *                 Port853 wrote (e.g. "our drop-in absent" while the drop-in carries our header); without a
     *                 baseline in the journal, apply takes it as the baseline and revert falls back to it, so a lost
     *                 journal never strands our items
     */
    public ChangeEngine(JournalStore journals, ItemStore items, ResolverControl resolver, Duration lockWait,
                        List<ItemSnapshot> pristine) {
        this(journals, items, resolver, lockWait, pristine, s -> null);
    }

    /** @param shown the main item of a result as documents show it, or null for items results do not show */
    public ChangeEngine(JournalStore journals, ItemStore items, ResolverControl resolver, Duration lockWait,
                        List<ItemSnapshot> pristine, Function<ItemSnapshot, ApplyResult.Item> shown) {
        this(journals, items, resolver, lockWait, pristine, shown, Surroundings.NONE);
    }

    /** @param surroundings set up by every apply and tidied by every revert, under the change lock */
    public ChangeEngine(JournalStore journals, ItemStore items, ResolverControl resolver, Duration lockWait,
                        List<ItemSnapshot> pristine, Function<ItemSnapshot, ApplyResult.Item> shown,
                        Surroundings surroundings) {
        this(journals, items, resolver, lockWait, fixed(pristine), shown, surroundings, now -> false);
    }

    /**
     * @param pristine     as above, read under the change lock by each apply and revert that needs it: it depends on
     *                     what the items hold then (Linux: whether the drop-in at Port853's path carries its header),
     *                     which a change that ran while this one waited for the lock may have altered
     * @param applyRefuses an item as it is now that an apply refuses to write over (Linux: a symbolic link at
     *                     Port853's drop-in path): a revert that leaves it to its owner does not advise applying again
     */
    public ChangeEngine(JournalStore journals, ItemStore items, ResolverControl resolver, Duration lockWait,
                        Supplier<List<ItemSnapshot>> pristine, Function<ItemSnapshot, ApplyResult.Item> shown,
                        Surroundings surroundings, java.util.function.Predicate<ItemSnapshot> applyRefuses) {
        this.applyRefuses = applyRefuses;
        this.journals = journals;
        this.items = items;
        this.resolver = resolver;
        this.lockWait = lockWait;
        this.pristine = pristine;
        this.shown = shown;
        this.surroundings = surroundings;
    }

    private static Supplier<List<ItemSnapshot>> fixed(List<ItemSnapshot> items) {
        List<ItemSnapshot> copy = List.copyOf(items);
        return () -> copy;
    }

    public ApplyResult apply(List<ItemSnapshot> requested, String description, boolean requireEncrypted)
            throws IOException {
        return applyUnless(ApplyRefusal.NONE, fixed(requested), description, requireEncrypted);
    }

    /**
     * Like {@link #apply}, refused with {@code refusal}'s reason, if it gives one, before anything is written. Both it
     * and the {@code planned} items are asked under the change lock: a change that ran while this one waited for the
     * lock may have altered what they are decided by.
     */
    public ApplyResult applyUnless(ApplyRefusal refusal, Supplier<List<ItemSnapshot>> planned, String description,
                                   boolean requireEncrypted) throws IOException {
        return applyPlanned(() -> refusal.now().map(ApplyPlan::refused)
                .orElseGet(() -> ApplyPlan.of(planned.get(), description)), requireEncrypted);
    }

    /**
     * Like {@link #apply}, with the items, the description and a refusal all from {@code planner}, asked under the
     * change lock: a platform that plans from the machine's state (Windows: adapters, policy) plans from the state
     * that a change which ran while this one waited for the lock left behind.
     */
    public ApplyResult applyPlanned(ApplyPlan.Planner planner, boolean requireEncrypted) throws IOException {
        long t0 = System.nanoTime();
        Steps actions = new Steps();
        try (ChangeLock lock = lock()) {
            ApplyPlan plan = planner.plan();
            if (plan.refusal().isPresent()) {
                return result(Outcome.REFUSED, plan.refusal().get(), List.of(), actions, false, t0);
            }
            List<ItemSnapshot> requested = plan.items();
            String description = plan.description();
            requested.forEach(f -> requireOwned(f.key()));
            surroundings.prepare();
            Journal j = journals.load();
            ChangeRecord interrupted = j.pending();
            if (interrupted != null && interrupted.after().equals(requested)
                    && ItemSnapshots.allSatisfy(read(requested), requested)) {
                actions.add("check the interrupted change " + interrupted.id(), "step.check-interrupted",
                        interrupted.id());
                return reloadAndVerify(j, interrupted, actions, t0, Outcome.APPLIED);
            }
            // An interrupted change is replaced, not stacked: its before-state is ours, and items it touched that
            // this change does not name go back to how they were.
            List<ItemSnapshot> target = new ArrayList<>(requested);
            if (interrupted != null) {
                interrupted.before().stream().filter(b -> target.stream().noneMatch(t -> t.key().equals(b.key())))
                        .forEach(target::add);
            }
            List<ItemSnapshot> before = beforeOf(target, interrupted);
            // read before anything is journalled: a read that fails here leaves no pending change behind
            List<ItemSnapshot> onDisk = interrupted == null ? before : read(target);
            if (interrupted == null && ItemSnapshots.allSatisfy(before, target)) {
                journals.save(j); // keeps the public marker in step with the journal
                return inPlace(j, target, requireEncrypted, actions, t0);
            }
            boolean turnOnAtBoot = resolver.offAtBoot();
            BootStart bootStart = new BootStart(turnOnAtBoot, j.enabledResolverAtBoot());
            boolean enabledAtBoot = turnOnAtBoot || j.enabledResolverAtBoot();
            ChangeRecord change = new ChangeRecord(UUID.randomUUID().toString(), Instant.now(), description,
                    requireEncrypted, before, target);
            // Without a baseline (the first change, or the journal was lost) it is what is there now, except what
            // Port853 itself wrote: revert must remove that, not put it back.
            List<ItemSnapshot> baseline = j.baseline() != null ? j.baseline() : merge(pristine.get(), before);
            Journal withChange = new Journal(Journal.FORMAT, merge(baseline, before), j.applied(), change, j.history(),
                    enabledAtBoot);
            journals.save(withChange);
            actions.add("record the change in " + journals.dir(), "step.record", journals.dir());
            try {
                resolver.enableAtBoot(); // after the journal: a run killed here still has revert turn it off again
            } catch (IOException e) {
                journals.save(j);
                throw e;
            }
            if (turnOnAtBoot) {
                actions.add(BOOT_START_ON, "step.boot-start-on");
            }
            if (interrupted != null) {
                actions.add("replace the interrupted change " + interrupted.id(), "step.replace-interrupted",
                        interrupted.id());
            }
            try {
                writeAll(target);
            } catch (IOException writeFailed) {
                LOG.warning("change " + change.id() + ": " + writeFailed.getMessage() + "; restoring the items");
                // only what this run changed: the item that could not be written is as it was, and writing it back
                // would fail the same way and leave the change pending although nothing changed
                writeAll(changedSince(before));
                if (interrupted != null) {
                    reload(actions); // the resolver may still run the interrupted change's items
                }
                journals.save(undoBootStart(withChange.withPending(null), bootStart,
                        actions));
                return result(Outcome.FAILED, Sentence.of(writeFailed.getMessage() + "; nothing was changed",
                        "result.write-failed", writeFailed.getMessage()), target, actions, false, t0);
            }
            // what the result lists as written is what changed: an item already as wanted (the resolv.conf link in
            // place) is written again all the same, atomically, but it was no step of this change
            for (int i = 0; i < target.size(); i++) {
                if (!ItemSnapshots.satisfies(onDisk.get(i), target.get(i))) {
                    actions.add("write " + shown(target.get(i)), "step.write", shown(target.get(i)));
                }
            }
            boolean wasStopped = !resolver.running();
            ApplyResult done = reloadAndVerify(withChange, change, actions, t0, Outcome.APPLIED, Patience.NONE,
                    bootStart);
            return wasStopped && done.outcome() == Outcome.APPLIED ? saidStarted(done, turnOnAtBoot) : done;
        }
    }

    /** A change that started a stopped resolver says so: starting a service the user stopped is no silent side effect. */
    private static ApplyResult saidStarted(ApplyResult done, boolean turnedOnAtBoot) {
        return done.with(Outcome.APPLIED, Sentence.of(done.reason() + "; systemd-resolved was not running: Port853 "
                + "started it" + (turnedOnAtBoot ? " and turned on its start at boot" : ""), "result.started",
                new Sentence(done.reason(), done.reasonWords()), turnedOnAtBoot ? 1 : 0));
    }

    /**
     * Nothing to write: the settings are in place. That is "unchanged" only while the resolver runs them and names
     * resolve; a user who applies again to fix a stopped resolver (stopped by hand, crashed) or one that does not
     * resolve with them (started while a broken file was there, never restarted) must not be told all is well. So it
     * is restarted and checked, and the result says what came of it. Nothing is rolled back: the settings were
     * already the user's. Without a network a failed check proves nothing: then nothing is restarted (a restart
     * empties the cache every program relies on offline). A stopped resolver that is also off at boot is turned on
     * at boot as a change turns it on, journalled so that revert turns it off again.
     */
    private ApplyResult inPlace(Journal j, List<ItemSnapshot> target, boolean requireEncrypted, Steps actions, long t0)
            throws IOException {
        Sentence inPlace = Sentence.of("the settings are already in place", "result.in-place");
        Sentence why;
        if (resolver.running()) {
            ResolverControl.Health h = resolver.check(requireEncrypted);
            if (h.ok() && !requireEncrypted && !h.encrypted()) {
                // opportunistic mode that has fallen back: "unchanged" alone would read as all is well, run after run
                healthStep(actions, h, true);
                return result(Outcome.UNCHANGED, Sentence.of("the settings are already in place, but names resolve "
                        + "without encryption (the answer did not come over an encrypted connection)",
                        ApplyResult.IN_PLACE_UNENCRYPTED), target, actions, false, t0);
            }
            if (h.ok()) {
                return result(Outcome.UNCHANGED, inPlace, target, actions, h.encrypted(), t0);
            }
            if (!resolver.networkUp()) {
                healthStep(actions, h, false);
                return result(Outcome.UNCHANGED, inPlace, target, actions, false, t0);
            }
            healthStep(actions, h, true);
            why = Sentence.of("names did not resolve with them: " + h.detail(), "result.in-place.not-resolving",
                    h.detailSentence());
        } else if (!ItemSnapshots.needRunningResolver(target)) {
            return result(Outcome.UNCHANGED, inPlace, target, actions, false, t0);
        } else {
            why = Sentence.of("the resolver was not running", "result.in-place.not-running");
            if (resolver.offAtBoot()) {
                journals.save(j.withEnabledResolverAtBoot(true)); // first: revert must know to turn it off again
                resolver.enableAtBoot();
                actions.add(BOOT_START_ON, "step.boot-start-on");
            }
        }
        try {
            reload(actions);
        } catch (IOException e) {
            LOG.warning("settings in place, but " + why.english() + ", and the resolver did not restart: "
                    + e.getMessage());
            return result(Outcome.FAILED, Sentence.of("the settings are already in place, but " + why.english()
                    + ", and the resolver did not restart: " + e.getMessage(), "result.in-place-no-restart", why,
                    e.getMessage()), target, actions, false, t0);
        }
        ResolverControl.Health h = resolver.check(requireEncrypted);
        healthStep(actions, h, true);
        if (!h.ok()) {
            LOG.warning("settings in place, but " + why.english() + "; after a restart still failing: " + h.detail());
            return result(Outcome.FAILED, Sentence.of("the settings are already in place, but " + why.english()
                    + "; after a restart, names do not resolve: " + h.detail(), "result.in-place-unhealthy", why,
                    h.detailSentence()), target, actions, false, t0);
        }
        LOG.info("settings in place, but " + why.english() + "; restarted: " + h.detail());
        Sentence resolve = resolves(h);
        return result(Outcome.APPLIED, Sentence.of("the settings were already in place, but " + why.english()
                + ": restarted the resolver, and " + resolve.english(), "result.in-place-restarted", why, resolve),
                target, actions, h.encrypted(), t0);
    }

    /**
     * How patient a recovery is. At boot the network may not be up yet (Wi-Fi still connecting): a failed check
     * then proves nothing, so the engine retries every {@code interval} for up to {@code total}, and rolls back
     * only after {@code failuresWithNetwork} failed checks while {@code networkUp} said yes. If the network never
     * comes up, the change stays pending for the next boot or a manual recover.
     */
    public record Patience(Duration total, Duration interval, int failuresWithNetwork,
                           java.util.function.BooleanSupplier networkUp) {
        /** One check, decided at once (an interactive recover). */
        public static final Patience NONE = new Patience(Duration.ZERO, Duration.ZERO, 1, () -> true);
    }

    /** Checks an interrupted change: keeps it if healthy, rolls it back otherwise. */
    public ApplyResult recover() throws IOException {
        return recover(Patience.NONE);
    }

    /** Like {@link #recover()}, with the patience a boot-time recovery needs. */
    public ApplyResult recover(Patience patience) throws IOException {
        return recover(patience, RevertRefusal.NONE);
    }

    /**
     * Like {@link #recover(Patience)}; an interrupted revert is finished only where {@code revertRefusal} gives no
     * reason against it (the revert's restart would not come back), as {@link #revertUnless} asks it, and stays
     * pending else.
     */
    public ApplyResult recover(Patience patience, RevertRefusal revertRefusal) throws IOException {
        long t0 = System.nanoTime();
        Steps actions = new Steps();
        try (ChangeLock lock = lock()) {
            Journal j = journals.load();
            if (j.pending() == null) {
                journals.save(j); // a marker left by a run killed between journal and marker goes away
                return result(Outcome.UNCHANGED, Sentence.of("there is no interrupted change", "result.no-interrupted"),
                        List.of(), actions, false, t0);
            }
            ChangeRecord p = j.pending();
            // the marker names this process from now on: while it checks (at boot for minutes, waiting for the
            // network) status says the change is being finished, not "interrupted, run recover", and a second writer
            // says it waits for it
            try {
                journals.save(j);
            } catch (IOException full) {
                // a full or read-only /var must not keep a broken change from being rolled back
                LOG.warning("recover: the change marker could not be taken over: " + full.getMessage());
            }
            if (p.marksARevert()) {
                // an interrupted revert: finished as the next revert finishes it, its turning the resolver's start at
                // boot off again and forgetting the journal included, and said as a revert ("Kept" would read as
                // Port853's settings being kept)
                return revert(j, actions, t0, revertRefusal);
            }
            // an adapter removed since is no unfinished write: it took what the change wrote there with it
            List<ItemSnapshot> found = read(p.after());
            GoneItems gone = GoneItems.of(items, p.after(), found);
            if (!ItemSnapshots.allSatisfy(gone.keptOf(found), gone.kept())) {
                actions.add("the interrupted change " + p.id() + " never finished writing", "step.unfinished", p.id());
                return rollBack(j, p, actions, t0, Why.INCOMPLETE, BootStart.UNKNOWN);
            }
            return reloadAndVerify(j, p, actions, t0, Outcome.KEPT, patience, BootStart.UNKNOWN);
        }
    }

    /**
     * Restores every item to how it was before Port853's first change, turns the resolver's start at boot off again
     * if Port853 turned it on, and forgets the journal. An item that someone else changed since Port853 last wrote it
     * is left as it is, and the result says so.
     */
    public ApplyResult revert() throws IOException {
        return revertUnless(RevertRefusal.NONE);
    }

    /** Like {@link #revert()}, refused with {@code refusal}'s reason, if it gives one, before anything is written. */
    public ApplyResult revertUnless(RevertRefusal refusal) throws IOException {
        return revertUnless(refusal, NothingToRevert.NONE);
    }

    /**
     * Like {@link #revertUnless(RevertRefusal)}; where {@code nothingToRevert} gives a reason (asked first, under the
     * change lock, with the journal as it is then), nothing is read or written and the revert says that reason.
     */
    public ApplyResult revertUnless(RevertRefusal refusal, NothingToRevert nothingToRevert) throws IOException {
        long t0 = System.nanoTime();
        Steps actions = new Steps();
        ChangeLock held;
        try {
            held = lock();
        } catch (ChangeLock.UnavailableException noLock) {
            return revertWithoutLock(noLock, refusal, nothingToRevert, actions, t0);
        }
        try (ChangeLock lock = held) {
            Journal j = journals.load();
            Optional<Sentence> nothing = nothingToRevert.of(j);
            return nothing.isPresent() ? unchanged(nothing.get(), actions, t0) : revert(j, actions, t0, refusal);
        }
    }

    /**
     * The change lock cannot be taken because its file system takes no writes (a read-only, full or over-quota /var/lib;
     * any other failure to take it ends the revert before this): a revert that finds nothing to undo says so, as it does
     * under the lock, and writes nothing; any other fails with {@code noLock}, before anything is written.
     */
    private ApplyResult revertWithoutLock(ChangeLock.UnavailableException noLock, RevertRefusal refusal,
                                          NothingToRevert nothingToRevert, Steps actions, long t0) throws IOException {
        Journal j;
        try {
            j = journals.load();
        } catch (IOException unreadable) {
            noLock.addSuppressed(unreadable);
            throw noLock;
        }
        Optional<Sentence> nothing = nothingToRevert.of(j);
        return nothing.isPresent() ? unchanged(nothing.get(), actions, t0) : restore(j, actions, t0, refusal, noLock);
    }

    private ApplyResult unchanged(Sentence why, Steps actions, long t0) {
        return result(Outcome.UNCHANGED, why, List.of(), actions, false, t0);
    }

    /** Why an apply must not run now, asked under the change lock before anything is written. */
    @FunctionalInterface
    public interface ApplyRefusal {
        ApplyRefusal NONE = Optional::empty;

        Optional<Sentence> now();
    }

    /**
     * Why a revert has nothing of Port853's to undo where the engine, by the journal alone, would take what it finds for
     * Port853's (Windows: no journal, and the rule for all names is the fleet script's).
     */
    @FunctionalInterface
    public interface NothingToRevert {
        NothingToRevert NONE = journal -> Optional.empty();

        Optional<Sentence> of(Journal journal) throws IOException;
    }

    /**
     * Why a revert must not run now, asked under the change lock with the items it would write ({@code restoring}: as
     * before Port853, only those Port853 may put back; an item it leaves to whoever changed it is not among them).
     */
    @FunctionalInterface
    public interface RevertRefusal {
        RevertRefusal NONE = restoring -> Optional.empty();

        Optional<Sentence> of(List<ItemSnapshot> restoring);
    }

    /** A revert, and the tidying after it (both under the caller's lock); a failed tidying is logged, the revert stands. */
    private ApplyResult revert(Journal j, Steps actions, long t0, RevertRefusal refusal) throws IOException {
        ApplyResult reverted = restore(j, actions, t0, refusal, null);
        if (reverted.outcome() == Outcome.REFUSED) {
            return reverted;
        }
        try {
            surroundings.tidy();
        } catch (IOException | RuntimeException e) {
            LOG.warning("after the revert, removing what Port853 had created: " + e);
        }
        return reverted;
    }

    /** {@code noLock}: why the change lock could not be taken, or null where it is held; without it nothing is written. */
    private ApplyResult restore(Journal j, Steps actions, long t0, RevertRefusal refusal,
                                ChangeLock.UnavailableException noLock) throws IOException {
        List<ItemSnapshot> pristine = this.pristine.get();
        RevertScope scope = RevertScope.of(j, pristine);
        List<ItemSnapshot> baseline = j.baselineOr(pristine);
        baseline.forEach(f -> requireOwned(f.key()));
        List<ItemSnapshot> found = read(baseline);
        GoneItems gone = GoneItems.of(items, baseline, found);
        List<ItemSnapshot> now = gone.keptOf(found);
        RevertSelection selection = RevertSelection.of(scope, gone.kept(), now);
        // asked first, as before every revert: refused even where it would find nothing to do
        Optional<Sentence> refused = refusal.of(selection.restore());
        if (refused.isPresent()) {
            return result(Outcome.REFUSED, refused.get(), List.of(), actions, false, t0);
        }
        gone.addSteps(actions);
        return gone.noted(restoreSelected(j, actions, t0, noLock, baseline, gone.kept(), now, selection));
    }

    /** The revert of the items still there ({@code stillThere}, as they are {@code now}), as {@code selection} decided it. */
    private ApplyResult restoreSelected(Journal j, Steps actions, long t0, ChangeLock.UnavailableException noLock,
                                        List<ItemSnapshot> baseline, List<ItemSnapshot> stillThere, List<ItemSnapshot> now,
                                        RevertSelection selection) throws IOException {
        boolean oursStillLoaded = undoneByOthers(j, stillThere, now);
        if (j.pending() == null && selection.allAsBefore() && !j.enabledResolverAtBoot()
                && !oursStillLoaded) {
            if (noLock == null) {
                journals.save(Journal.EMPTY);
            }
            return result(Outcome.UNCHANGED, Sentence.of("nothing to revert: Port853's changes are not in place",
                    ApplyResult.NOTHING_TO_REVERT), baseline, actions, false, t0);
        }
        List<ItemSnapshot> restore = selection.restore();
        List<String> leftAlone = new ArrayList<>();
        List<String> refusedByApply = new ArrayList<>();
        List<Sentence> unknown = new ArrayList<>();
        for (ItemSnapshot theirs : selection.leftAlone()) {
            Optional<Sentence> why = items.unknown(theirs);
            if (why.isPresent()) { // not someone else's for all Port853 can tell: said as it is
                Sentence left = Sentence.of("left " + shown(theirs) + " as it is: " + why.get().english() + ", so Port853 "
                        + "cannot tell whether it is still as Port853 set it", ApplyResult.LEFT_UNKNOWN, shown(theirs),
                        why.get());
                actions.add(left.english(), left.words());
                unknown.add(left);
                continue;
            }
            leftAlone.add(shown(theirs));
            if (applyRefuses.test(theirs)) {
                refusedByApply.add(location(theirs));
            }
            actions.add("leave " + shown(theirs) + " as it is: someone else changed it after Port853's change",
                    "step.leave", shown(theirs));
        }
        if (restore.isEmpty() && !j.enabledResolverAtBoot() && j.pending() == null && !oursStillLoaded) {
            // what differs from before Port853 is someone else's (e.g. after a change that was rolled back): not
            // Port853's to undo, and "restored" would claim what did not happen; the journal stays, so that the
            // next revert tells the same
            Sentence reason = leftAlone.isEmpty() ? unknown.remove(0) : nothingReverted(leftAlone, refusedByApply);
            return result(Outcome.UNCHANGED, reason, baseline, actions, false, t0).withNotes(unknown);
        }
        if (noLock != null) {
            throw noLock;
        }
        // The revert is itself journalled until the resolver runs the restored items: if it is killed half-way,
        // status reports it and the next revert, recover or the boot-time unit finishes it (ChangeRecord.revert
        // marks it, and recover finishes it as revert does, never rolling back to the interrupted change's items).
        // The items it found ours count as Port853's from now on: the pending change that told so is replaced.
        // Nothing to write (e.g. only the start at boot is left to undo): no journalled revert, no restart.
        List<Sentence> later = new ArrayList<>();
        if (!restore.isEmpty()) {
            List<ItemSnapshot> applied = merge(selection.ours(), j.applied() == null ? List.of() : j.applied());
            journals.save(new Journal(Journal.FORMAT, baseline, applied, ChangeRecord.revert(restore), j.history(),
                    j.enabledResolverAtBoot()));
            writeAll(restore);
            restore.forEach(f -> putBack(actions, f, later));
        }
        // a pending change or revert was written but maybe never loaded: the resolver may still run its settings
        // A resolver the user stopped stays stopped (starting it would undo their choice, and a masked one cannot
        // be started at all): like one without systemd, it reads the restored settings when it next starts.
        boolean servicesRun = resolver.servicesRun();
        boolean running = servicesRun && resolver.running();
        boolean toLoad = !restore.isEmpty() || j.pending() != null || oursStillLoaded;
        if (toLoad && running) {
            reload(actions);
        } else if (toLoad && servicesRun) {
            actions.add("leave the resolver stopped, as it was: it reads the restored settings when it next "
                    + "starts", "step.stopped-left");
        } else if (toLoad) {
            actions.add("leave the resolver as it is: systemd does not run here, so the resolver reads the "
                    + "restored settings when it next starts", "step.no-services");
        }
        boolean keptAtBoot = false;
        if (j.enabledResolverAtBoot()) {
            keptAtBoot = !resolver.disableAtBoot();
            if (!keptAtBoot) {
                actions.add("systemd-resolved is no longer started at boot, as before Port853",
                        "step.boot-start-restored");
            } else {
                actions.add("systemd-resolved stays started at boot although Port853 turned that on: "
                        + "/etc/resolv.conf uses it now", "step.boot-start-kept");
            }
        }
        journals.save(Journal.EMPTY);
        ResolverControl.Health h = running ? resolver.check(false) : null;
        if (h != null) {
            healthStep(actions, h, true); // the preview promised this check: the steps done say what it found
        }
        String left = leftAlone.isEmpty() ? "" : "; left " + String.join(", ", leftAlone)
                + " as it is because someone else changed it after Port853's change";
        String kept = keptAtBoot ? "; systemd-resolved stays started at boot because /etc/resolv.conf uses it" : "";
        String unchecked = servicesRun ? "the resolver is not running, so it" : "systemd does not run here, so the "
                + "resolver";
        String english = (h == null ? "restored the previous settings; " + unchecked + " reads them when it next "
                + "starts" : h.ok() ? "restored the previous settings; names resolve"
                : "restored the previous settings, but names do not resolve with them: " + h.detail()) + left + kept;
        Sentence reverted = Sentence.of(english, h == null ? (servicesRun ? "result.reverted-stopped"
                : "result.reverted-unchecked") : h.ok() ? "result.reverted" : "result.reverted-unhealthy",
                leftAlone.isEmpty() ? 0 : 1,
                String.join(", ", leftAlone), h == null ? "" : h.detailSentence(), keptAtBoot ? 1 : 0);
        ApplyResult done = result(Outcome.REVERTED, reverted, baseline, actions, false, t0).withNotes(unknown)
                .withNotes(later);
        return j.enabledResolverAtBoot() && !keptAtBoot && running ? done.withNote(RUNS_UNTIL_BOOT) : done;
    }

    /**
     * After a revert that turned the resolver's start at boot off again: it still runs, as Port853 left it. It is not
     * stopped: the revert's check asked it, and nothing proves that names resolve without it (programs that ask it
     * directly, a resolv.conf restored to its stub); the user who wants it stopped is told how.
     */
    private static final Sentence RUNS_UNTIL_BOOT = Sentence.of("systemd-resolved, whose start at boot Port853 "
            + "had turned on, keeps running until the next boot; to stop it now as well: sudo systemctl stop "
            + "systemd-resolved", "result.runs-until-boot");

    /**
     * A revert that left every item to whoever changed it: how to remove them. "Apply again and then revert" takes them
     * back only where an apply writes over them ({@code refusedByApply} empty). Said by one of {@link
     * ApplyResult#NOTHING_REVERTED}, so that {@link ApplyResult#filesLeftAlone} finds the files.
     */
    static Sentence nothingReverted(List<String> leftAlone, List<String> refusedByApply) {
        String files = String.join(", ", leftAlone);
        String start = "nothing reverted: " + files + " changed after Port853 last wrote it, so it is someone else's now "
                + "and stays as it is, with what it sets; to remove it, delete it yourself";
        if (refusedByApply.isEmpty()) {
            return Sentence.of(start + ", or apply again and then revert", ApplyResult.NOTHING_REVERTED_OTHERS, files);
        }
        String refused = String.join(" ", refusedByApply);
        return Sentence.of(start + " (sudo rm " + refused + "): applying again and then reverting cannot, as Port853 "
                + "does not write through the symbolic link " + refused, ApplyResult.NOTHING_REVERTED_LINKED, files, refused);
    }

    /**
     * Someone else put an item back as it was before Port853 (deleted Port853's drop-in by hand), so there is nothing to
     * write, but the resolver may still run what Port853 wrote until it is restarted.
     */
    private static boolean undoneByOthers(Journal j, List<ItemSnapshot> baseline, List<ItemSnapshot> now) {
        for (int i = 0; i < baseline.size(); i++) {
            Optional<ItemSnapshot> applied = ItemSnapshots.find(j.applied(), baseline.get(i).key());
            if (ItemSnapshots.satisfies(now.get(i), baseline.get(i)) && applied.isPresent()
                    && !ItemSnapshots.satisfies(now.get(i), applied.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The step that put {@code before} back: a file Port853 created is removed (as previews say), others restored; where
     * what was written takes effect only later, a step and an entry of {@code later} say so.
     */
    private void putBack(Steps actions, ItemSnapshot before, List<Sentence> later) {
        actions.add((before.present() ? "restore " : "remove ") + shown(before),
                before.present() ? "step.restore" : "step.remove", shown(before));
        items.takesEffectLater(before).ifPresent(s -> {
            actions.add(s.english(), s.words());
            later.add(s);
        });
    }

    /** Makes the resolver load the change's items, then keeps the change if names resolve, else rolls back. */
    private ApplyResult reloadAndVerify(Journal j, ChangeRecord change, Steps actions, long t0,
                                        Outcome success) throws IOException {
        return reloadAndVerify(j, change, actions, t0, success, Patience.NONE, BootStart.UNKNOWN);
    }

    /** {@code bootStart}: whether this change turned the resolver's start at boot on, which a rollback undoes. */
    private ApplyResult reloadAndVerify(Journal j, ChangeRecord change, Steps actions, long t0,
                                        Outcome success, Patience patience, BootStart bootStart) throws IOException {
        try {
            reload(actions);
        } catch (IOException e) {
            return rollBack(j, change, actions, t0, new Why("the resolver did not restart: " + e.getMessage(),
                    Why.NO_RESTART, new Sentence(e.getMessage(), null)), bootStart);
        }
        long deadline = System.nanoTime() + patience.total().toNanos();
        int failuresWithNetwork = 0;
        ResolverControl.Health h;
        while (true) {
            h = resolver.check(change.requireEncrypted());
            if (h.ok()) {
                break;
            }
            boolean networkUp = patience.networkUp().getAsBoolean();
            if (networkUp && ++failuresWithNetwork >= patience.failuresWithNetwork()) {
                break;
            }
            if (System.nanoTime() - deadline >= 0) {
                if (networkUp) {
                    break;
                }
                healthStep(actions, h, false);
                LOG.warning("change " + change.id() + " left pending: the network did not come up within "
                        + patience.total().toSeconds() + " s");
                return result(Outcome.UNCHANGED, Sentence.of("left the interrupted change as it is: the network did "
                        + "not come up within " + patience.total().toSeconds() + " s, so the check proves nothing; the "
                        + "next boot or 'port853 recover' checks it again", "result.network-down",
                        patience.total().toSeconds()), change.after(), actions, false, t0);
            }
            sleepQuietly(patience.interval());
        }
        healthStep(actions, h, true);
        if (h.ok()) {
            journals.save(j.withPending(null).withApplied(merge(change.after(), j.applied() == null ? List.of()
                    : j.applied())).withCompleted(completed(change, success)));
            LOG.info("change " + change.id() + " (" + change.description() + ") " + success + ": " + h.detail());
            return result(success, resolves(h), change.after(), actions, h.encrypted(), t0);
        }
        LOG.warning("change " + change.id() + " failed its health check: " + h.detail() + "; rolling back");
        return rollBack(j, change, actions, t0, new Why(h.detail(), Why.HEALTH, h.detailSentence()), bootStart);
    }

    /** The health check as a step; {@code networkUp} false: it proves nothing without a network. */
    private static void healthStep(Steps actions, ResolverControl.Health h, boolean networkUp) {
        if (networkUp) {
            actions.add("health check: " + h.detail(), "step.health", h.detailSentence());
        } else {
            actions.add("health check: " + h.detail() + "; the network is not up, so this proves nothing",
                    "step.health-offline", h.detailSentence());
        }
    }

    /**
     * The change lock; on its release, a change still pending (the work threw half-way) is no longer this process's
     * "in progress" but interrupted, also while this process runs on (the window as root makes changes itself).
     * Taken, it first brings the journal's published scope up to date, which the refusals and status judge Port853's
     * files by: only under the lock, where no other change saves a journal between its reading and its stamp.
     */
    private ChangeLock lock() throws IOException {
        ChangeLock l = ChangeLock.acquire(journals.dir(), lockWait);
        l.beforeRelease(journals::disownMarker);
        journals.republishScope();
        return l;
    }

    /** A passed health check as results say it. */
    private static Sentence resolves(ResolverControl.Health h) {
        return h.encrypted() ? Sentence.of("names resolve over an encrypted connection", "result.encrypted")
                : Sentence.of("names resolve (the answer did not come over an encrypted connection)", "result.resolve");
    }

    /**
     * Why a change is rolled back: {@code english} as results say it, {@code kind} one of the constants (the window's
     * wording chooses by it), {@code detail} the health check's or the restart's own words.
     */
    private record Why(String english, int kind, Sentence detail) {
        static final int INCOMPLETE_KIND = 0;
        static final int NO_RESTART = 1;
        static final int HEALTH = ApplyResult.ROLLED_BACK_BY_CHECK;
        static final Why INCOMPLETE = new Why("the interrupted change was incomplete", INCOMPLETE_KIND,
                new Sentence("", null));
    }

    private ApplyResult rollBack(Journal j, ChangeRecord change, Steps actions, long t0, Why why, BootStart bootStart)
            throws IOException {
        GoneItems gone = GoneItems.of(items, change.before(), read(change.before()));
        writeAll(gone.kept());
        List<Sentence> later = new ArrayList<>();
        for (int i = 0; i < change.before().size(); i++) { // an item the change left as it was is not "restored"
            ItemSnapshot before = change.before().get(i);
            if (gone.kept().contains(before)
                    && (i >= change.after().size() || !ItemSnapshots.satisfies(before, change.after().get(i)))) {
                putBack(actions, before, later);
            }
        }
        gone.addSteps(actions);
        return gone.noted(rolledBack(j, change, actions, t0, why, bootStart).withNotes(later));
    }

    /** A rollback once the items are back: the restart, the journal, and the result. */
    private ApplyResult rolledBack(Journal j, ChangeRecord change, Steps actions, long t0, Why why, BootStart bootStart)
            throws IOException {
        try {
            reload(actions);
        } catch (IOException e) {
            // The items are back but the resolver may still run the change: stay pending, so status says so and
            // recover (or the boot-time unit) restarts it.
            LOG.severe("change " + change.id() + ": rolled back, but the resolver did not restart: " + e.getMessage());
            if (why.kind() == Why.NO_RESTART) { // the same failure twice: said once
                return result(Outcome.FAILED, Sentence.of("rolled back the files, but the resolver restarted neither "
                        + "for the change nor after it: " + e.getMessage() + "; run 'port853 recover'",
                        "result.no-restart-twice", e.getMessage()), change.after(), actions, false, t0);
            }
            return result(Outcome.FAILED, Sentence.of("rolled back the files (" + why.english() + "), but the resolver "
                    + "did not restart: " + e.getMessage() + "; run 'port853 recover'", "result.rollback-no-restart",
                    why.kind(), why.detail(), e.getMessage()), change.after(), actions, false, t0);
        }
        Journal rolledBack = j.withPending(null).withCompleted(completed(change, Outcome.ROLLED_BACK));
        journals.save(rolledBack);
        // a start at boot this change turned on goes with it: a failed change must not leave the resolver started at
        // every boot on a machine that did without it
        Journal bootAsBefore = undoBootStart(rolledBack, bootStart, actions);
        if (bootAsBefore != rolledBack) {
            journals.save(bootAsBefore);
        }
        ResolverControl.Health after = resolver.check(false);
        String reason = "rolled back: " + why.english()
                + (after.ok() ? "" : ApplyResult.PREVIOUS_ALSO_FAIL + ": " + after.detail());
        ApplyResult done = result(Outcome.ROLLED_BACK, Sentence.of(reason, ApplyResult.ROLLED_BACK_WORDING, why.kind(),
                why.detail(), after.ok() ? 0 : 1, after.detailSentence()), change.after(), actions, false, t0);
        return bootAsBefore != rolledBack && resolver.running() ? done.withNote(RUNS_UNTIL_BOOT) : done;
    }

    /** The items as they were before the change: an interrupted change's before-state where it has one. */
    private List<ItemSnapshot> beforeOf(List<ItemSnapshot> target, ChangeRecord interrupted) throws IOException {
        List<ItemSnapshot> out = new ArrayList<>();
        for (ItemSnapshot t : target) {
            Optional<ItemSnapshot> known = interrupted == null ? Optional.empty()
                    : ItemSnapshots.find(interrupted.before(), t.key());
            out.add(known.isPresent() ? known.get() : items.read(t.key()));
        }
        return out;
    }

    private void reload(Steps actions) throws IOException {
        resolver.reload();
        actions.add("restart the resolver", "step.restart");
    }

    private void writeAll(List<ItemSnapshot> list) throws IOException {
        for (ItemSnapshot f : list) {
            requireOwned(f.key());
            try {
                items.write(f);
            } catch (IOException e) {
                throw new IOException("could not write " + shown(f) + ": " + org.port853.core.IoReasons.of(e), e);
            }
        }
    }

    /** The items of {@code before} that are no longer as they were. */
    private List<ItemSnapshot> changedSince(List<ItemSnapshot> before) throws IOException {
        List<ItemSnapshot> now = read(before);
        List<ItemSnapshot> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!ItemSnapshots.satisfies(now.get(i), before.get(i)) && items.gone(now.get(i), before.get(i)).isEmpty()) {
                changed.add(before.get(i));
            }
        }
        return changed;
    }

    /**
     * A change that wrote nothing turns the resolver's start at boot off again if it turned it on; the journal keeps
     * the flag when that cannot be done, so that revert tries again.
     */
    private Journal undoBootStart(Journal j, BootStart bootStart, Steps actions) {
        if (!bootStart.turnedOnByChange()) {
            return j;
        }
        try {
            if (resolver.disableAtBoot()) {
                actions.add("systemd-resolved is no longer started at boot, as before Port853", "step.boot-start-restored");
                return j.withEnabledResolverAtBoot(bootStart.journalledBefore());
            }
        } catch (IOException e) {
            LOG.warning("could not turn the resolver's start at boot off again: " + e.getMessage());
        }
        return j;
    }

    /**
     * Whether a change turned the resolver's start at boot on ({@code turnedOnByChange}), and the journal's flag from
     * before it. UNKNOWN for a change this run did not start (recover): the journal cannot tell whether that change or
     * an earlier one turned it on, so its rollback leaves the start at boot to revert.
     */
    private record BootStart(boolean turnedOnByChange, boolean journalledBefore) {
        static final BootStart UNKNOWN = new BootStart(false, false);
    }

    private List<ItemSnapshot> read(List<ItemSnapshot> like) throws IOException {
        List<ItemSnapshot> now = new ArrayList<>();
        for (ItemSnapshot f : like) {
            now.add(items.read(f.key()));
        }
        return now;
    }

    /** Earlier records of an item win; items not recorded yet are added. */
    private static List<ItemSnapshot> merge(List<ItemSnapshot> first, List<ItemSnapshot> then) {
        List<ItemSnapshot> out = new ArrayList<>(first);
        for (ItemSnapshot b : then) {
            if (out.stream().noneMatch(x -> x.key().equals(b.key()))) {
                out.add(b);
            }
        }
        return out;
    }

    private static void sleepQuietly(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the network", e);
        }
    }

    private static Completed completed(ChangeRecord c, Outcome o) {
        return new Completed(c.id(), c.description(), c.started(), Instant.now(), o.name());
    }

    private void requireOwned(String key) {
        if (!items.owns(key)) {
            throw new IllegalArgumentException(key + " is not an item Port853 may write");
        }
    }

    /** The item as messages name it: in the store's words, else by its key. */
    private String shown(ItemSnapshot s) {
        String words = items.shownAs(s);
        return words != null ? words : location(s);
    }

    /** A key without its kind prefix, for messages: "file:/etc/resolv.conf" reads as "/etc/resolv.conf". */
    static String location(ItemSnapshot s) {
        String k = s.key();
        return k.startsWith("file:") ? k.substring("file:".length()) : k;
    }

    private ApplyResult result(Outcome o, Sentence reason, List<ItemSnapshot> list, Steps actions,
                               boolean encrypted, long t0) {
        ApplyResult.Item item = list.stream().map(shown).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new ApplyResult(o, reason, item, actions, encrypted, Duration.ofNanos(System.nanoTime() - t0));
    }
}
