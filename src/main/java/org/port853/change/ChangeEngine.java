package org.port853.change;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * Applies a change to a set of items so that the machine is never left without working DNS: journal first
 * (before-state, pending), then the writes, reload, health check, then either "verified" or a rollback to the
 * before-state. An interrupted run leaves a pending journal that the next apply, {@link #recover()} or
 * {@link #revert()} resolves. Platform-neutral: items are behind {@link ItemStore}, the resolver behind
 * {@link ResolverControl}. (Windows-branch bridge of the contract in CONTRACT.md; arch's engine replaces it.)
 */
public final class ChangeEngine {
    private final JournalStore journals;
    private final ItemStore items;
    private final ResolverControl resolver;
    private final Duration lockWait;
    private final List<ItemSnapshot> pristine;

    public ChangeEngine(JournalStore journals, ItemStore items, ResolverControl resolver, Duration lockWait,
                        List<ItemSnapshot> pristine) {
        this.journals = journals;
        this.items = items;
        this.resolver = resolver;
        this.lockWait = lockWait;
        this.pristine = List.copyOf(pristine);
    }

    public ApplyResult apply(List<ItemSnapshot> requested, String description, boolean requireEncrypted)
            throws IOException {
        long t0 = System.nanoTime();
        requested.forEach(i -> requireOwned(i.key()));
        List<String> actions = new ArrayList<>();
        try (AutoCloseable lock = journals.lock(lockWait)) {
            Journal j = journals.load();
            ChangeRecord interrupted = j.pending();
            if (interrupted != null && interrupted.after().equals(requested) && read(requested).equals(requested)) {
                actions.add("check the interrupted change " + interrupted.id());
                return reloadAndVerify(j, interrupted, actions, t0, Outcome.APPLIED);
            }
            List<ItemSnapshot> target = new ArrayList<>(requested);
            if (interrupted != null) {
                interrupted.before().stream().filter(b -> target.stream().noneMatch(t -> t.key().equals(b.key())))
                        .forEach(target::add);
            }
            List<ItemSnapshot> before = beforeOf(target, interrupted);
            if (interrupted == null && before.equals(target)) {
                return result(Outcome.UNCHANGED, "the settings are already in place", target, actions, false, t0);
            }
            resolver.ensureEnabled();
            ChangeRecord change = new ChangeRecord(UUID.randomUUID().toString(), Instant.now(), description,
                    requireEncrypted, before, target);
            Journal withChange = new Journal(Journal.FORMAT, merge(j.baseline() != null ? j.baseline() : before, before),
                    change);
            journals.save(withChange);
            actions.add("record the change in " + journals.dir());
            try {
                write(target, actions);
            } catch (IOException writeFailed) {
                write(before, new ArrayList<>());
                journals.save(withChange.withPending(null));
                return result(Outcome.FAILED, writeFailed.getMessage() + "; the previous settings were restored",
                        target, actions, false, t0);
            }
            return reloadAndVerify(withChange, change, actions, t0, Outcome.APPLIED);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception closeFailed) {
            throw new IOException(closeFailed.getMessage(), closeFailed);
        }
    }

    public ApplyResult recover() throws IOException {
        long t0 = System.nanoTime();
        List<String> actions = new ArrayList<>();
        try (AutoCloseable lock = journals.lock(lockWait)) {
            Journal j = journals.load();
            if (j.pending() == null) {
                return result(Outcome.UNCHANGED, "there is no interrupted change", List.of(), actions, false, t0);
            }
            ChangeRecord p = j.pending();
            if (!read(p.after()).equals(p.after())) {
                actions.add("the interrupted change " + p.id() + " never finished writing");
                return rollBack(j, p, actions, t0, "the interrupted change was incomplete");
            }
            return reloadAndVerify(j, p, actions, t0, Outcome.KEPT);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception closeFailed) {
            throw new IOException(closeFailed.getMessage(), closeFailed);
        }
    }

    public ApplyResult revert() throws IOException {
        long t0 = System.nanoTime();
        List<String> actions = new ArrayList<>();
        try (AutoCloseable lock = journals.lock(lockWait)) {
            Journal j = journals.load();
            List<ItemSnapshot> baseline = j.baseline() != null ? j.baseline()
                    : j.pending() != null ? j.pending().before() : pristine;
            baseline.forEach(i -> requireOwned(i.key()));
            if (j.pending() == null && read(baseline).equals(baseline)) {
                journals.save(Journal.EMPTY);
                return result(Outcome.UNCHANGED, "nothing to revert: Port853's changes are not in place", baseline,
                        actions, false, t0);
            }
            journals.save(new Journal(Journal.FORMAT, baseline, new ChangeRecord(UUID.randomUUID().toString(),
                    Instant.now(), "revert to the settings from before Port853", false, baseline, baseline)));
            write(baseline, actions);
            reload(actions);
            journals.save(Journal.EMPTY);
            ResolverControl.Health h = resolver.check(false);
            return result(Outcome.REVERTED, h.ok() ? "restored the previous settings; names resolve"
                    : "restored the previous settings, but names do not resolve with them: " + h.detail(),
                    baseline, actions, false, t0);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception closeFailed) {
            throw new IOException(closeFailed.getMessage(), closeFailed);
        }
    }

    private ApplyResult reloadAndVerify(Journal j, ChangeRecord change, List<String> actions, long t0, Outcome success)
            throws IOException {
        try {
            reload(actions);
        } catch (IOException e) {
            return rollBack(j, change, actions, t0, "the resolver did not reload: " + e.getMessage());
        }
        ResolverControl.Health h = resolver.check(change.requireEncrypted());
        actions.add("health check: " + h.detail());
        if (h.ok() && (h.encrypted() || !change.requireEncrypted())) {
            journals.save(j.withPending(null));
            return result(success, h.encrypted() ? "names resolve over an encrypted connection"
                    : "names resolve (the answer did not come over an encrypted connection)", change.after(), actions,
                    h.encrypted(), t0);
        }
        return rollBack(j, change, actions, t0, h.detail());
    }

    private ApplyResult rollBack(Journal j, ChangeRecord change, List<String> actions, long t0, String why)
            throws IOException {
        write(change.before(), actions);
        try {
            reload(actions);
        } catch (IOException e) {
            return result(Outcome.FAILED, "rolled back (" + why + "), but the resolver did not reload: "
                    + e.getMessage() + "; run 'port853 recover'", change.after(), actions, false, t0);
        }
        journals.save(j.withPending(null));
        ResolverControl.Health after = resolver.check(false);
        return result(Outcome.ROLLED_BACK, "rolled back: " + why
                + (after.ok() ? "" : "; the previous settings do not resolve names either: " + after.detail()),
                change.after(), actions, false, t0);
    }

    private List<ItemSnapshot> beforeOf(List<ItemSnapshot> target, ChangeRecord interrupted) throws IOException {
        List<ItemSnapshot> out = new ArrayList<>();
        for (ItemSnapshot t : target) {
            ItemSnapshot known = interrupted == null ? null : interrupted.before().stream()
                    .filter(b -> b.key().equals(t.key())).findFirst().orElse(null);
            out.add(known != null ? known : items.read(t.key()));
        }
        return out;
    }

    private void reload(List<String> actions) throws IOException {
        resolver.reload();
        actions.add("reload the resolver");
    }

    /** Writes only the items whose current value differs, so a restore touches nothing it need not. */
    private void write(List<ItemSnapshot> wanted, List<String> actions) throws IOException {
        for (ItemSnapshot i : wanted) {
            requireOwned(i.key());
            if (!items.read(i.key()).equals(i)) {
                try {
                    items.write(i);
                } catch (IOException e) {
                    throw new IOException("could not write " + i.key() + ": " + e.getMessage(), e);
                }
                actions.add((i.present() ? "write " : "remove ") + i.key());
            }
        }
    }

    private List<ItemSnapshot> read(List<ItemSnapshot> like) throws IOException {
        List<ItemSnapshot> now = new ArrayList<>();
        for (ItemSnapshot i : like) {
            now.add(items.read(i.key()));
        }
        return now;
    }

    private static List<ItemSnapshot> merge(List<ItemSnapshot> baseline, List<ItemSnapshot> before) {
        List<ItemSnapshot> out = new ArrayList<>(baseline);
        for (ItemSnapshot b : before) {
            if (out.stream().noneMatch(x -> x.key().equals(b.key()))) {
                out.add(b);
            }
        }
        return out;
    }

    private void requireOwned(String key) {
        if (!items.owns(key)) {
            throw new IllegalArgumentException(key + " is not an item Port853 may change");
        }
    }

    private static ApplyResult result(Outcome o, String reason, List<ItemSnapshot> changed, List<String> actions,
                                      boolean encrypted, long t0) {
        ItemSnapshot main = changed.isEmpty() ? null : changed.get(0);
        return new ApplyResult(o, reason, main == null ? null : main.key(), main == null ? null : main.content(),
                actions, encrypted, Duration.ofNanos(System.nanoTime() - t0));
    }
}
