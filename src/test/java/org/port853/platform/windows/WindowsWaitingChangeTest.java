package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ChangeLock;
import org.port853.core.DotMode;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.ApplyResult.Outcome;

/**
 * Two requests at once (the window and the command line): the second waits for the change lock while the first
 * restarts the resolver, and the machine changes in between. The second decides by the machine as it finds it once
 * it holds the lock, not as it was when it started waiting.
 */
class WindowsWaitingChangeTest {
    private static final HelperRequest STRICT = HelperRequest.apply(WindowsPlannerTest.quad9(DotMode.STRICT), false);
    private static final HelperRequest OPPORTUNISTIC = HelperRequest.apply(WindowsPlannerTest.quad9(
            DotMode.OPPORTUNISTIC), false);
    private static final HelperRequest REVERT = HelperRequest.of(HelperRequest.Action.REVERT);

    @TempDir
    Path state;

    @Test
    @DisplayName("Group Policy's NRPT key appears while an apply waits for the lock: it is refused and writes nothing "
            + "(it was planned before the lock and wrote a rule Windows ignores)")
    void refusalFromTheStateUnderTheLock() throws Exception {
        FakeWindows w = FakeWindows.load("home-22631");
        Both both = whileTheFirstRestarts(w, STRICT, OPPORTUNISTIC, () -> w.registry.put(
                RegistryPaths.GROUP_POLICY_NRPT, new java.util.TreeMap<>()));
        assertEquals(Outcome.APPLIED, both.first().outcome(), both.first().reason());
        assertEquals(Outcome.REFUSED, both.second().outcome(), both.second().reason());
        FakeWindows strictOnly = FakeWindows.load("home-22631");
        assertEquals(Outcome.APPLIED, run(strictOnly.system(state.resolve("alone")), STRICT).outcome());
        strictOnly.registry.put(RegistryPaths.GROUP_POLICY_NRPT, new java.util.TreeMap<>());
        assertEquals(strictOnly.everything(), w.everything(), "the refused apply wrote nothing");
    }

    @Test
    @DisplayName("a network cable is plugged in while an apply waits for the lock: the adapter gets the servers too "
            + "(it was planned from the adapters as they were before the lock)")
    void planFromTheStateUnderTheLock() throws Exception {
        FakeWindows w = FakeWindows.load("home-22631");
        FakeWindows.Adapter ethernet = w.adapters.get(1);
        assertEquals("Disconnected", ethernet.status());
        Both both = whileTheFirstRestarts(w, STRICT, OPPORTUNISTIC, () -> w.adapters.set(1, new FakeWindows.Adapter(
                ethernet.name(), ethernet.index(), ethernet.guid(), "Up", ethernet.description())));
        assertEquals(Outcome.APPLIED, both.second().outcome(), both.second().reason());
        AdapterDns plugged = WindowsStateReaderTest.read(w).adapter(ethernet.guid()).orElseThrow();
        assertEquals(List.of("9.9.9.9", "149.112.112.112"), plugged.ipv4().addresses(), plugged.toString());
    }

    @Test
    @DisplayName("a revert waits while another revert finishes and the fleet script then sets its rule: it leaves the "
            + "rule alone (it had read the journal before the lock and removed the script's rule)")
    void revertDecidesByTheJournalUnderTheLock() throws Exception {
        FakeWindows w = FakeWindows.load("home-22631");
        assertEquals(Outcome.APPLIED, run(w.system(state), STRICT).outcome());
        FakeWindows.Rule fleet = new FakeWindows.Rule("{0F1EE7}", List.of("."), List.of("9.9.9.9"),
                NrptRule.FLEET_COMMENT);
        Both both = whileTheFirstRestarts(w, REVERT, REVERT, () -> w.rules.add(fleet));
        assertEquals(Outcome.REVERTED, both.first().outcome(), both.first().reason());
        assertEquals(Outcome.UNCHANGED, both.second().outcome(), both.second().reason());
        assertTrue(both.second().reason().contains("fleet script"), both.second().reason());
        assertTrue(w.rules.contains(fleet), "the fleet script's rule stays");
    }

    private record Both(ApplyResult first, ApplyResult second) {
    }

    /**
     * Runs {@code first} until it restarts the resolver (holding the change lock), starts {@code second} and waits
     * until it waits for the lock, runs {@code meanwhile}, then lets both finish.
     */
    private Both whileTheFirstRestarts(FakeWindows w, HelperRequest first, HelperRequest second, Runnable meanwhile)
            throws Exception {
        CountDownLatch restarting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CommandRunner held = c -> {
            if (PowerShell.CLEAR_CACHE.equals(PowerShell.scriptOf(c)) && restarting.getCount() > 0) {
                restarting.countDown();
                await(goOn);
            }
            return w.run(c);
        };
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<ApplyResult> one = both.submit(() -> run(new WindowsSystem(held, w, w, null, state), first));
            assertTrue(restarting.await(10, TimeUnit.SECONDS), "the first change restarts the resolver");
            AtomicReference<Thread> waiting = new AtomicReference<>();
            Future<ApplyResult> two = both.submit(() -> {
                waiting.set(Thread.currentThread());
                return run(w.system(state), second);
            });
            awaitLockWait(two, waiting);
            meanwhile.run();
            goOn.countDown();
            return new Both(one.get(40, TimeUnit.SECONDS), two.get(40, TimeUnit.SECONDS));
        } finally {
            goOn.countDown();
            both.shutdownNow();
        }
    }

    /** Until the second request's thread waits in {@link ChangeLock#acquire}. */
    private static void awaitLockWait(Future<ApplyResult> two, AtomicReference<Thread> waiting)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && !two.isDone()) {
            Thread t = waiting.get();
            if (t != null && Arrays.stream(t.getStackTrace()).anyMatch(e -> e.getClassName().equals(
                    ChangeLock.class.getName()) && e.getMethodName().equals("acquire"))) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the second request never waited for the change lock");
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ApplyResult run(WindowsSystem system, HelperRequest r) {
        WindowsHelper.Response resp = WindowsHelper.handle(HelperDocuments.write(r), system, WindowsPlannerTest.CATALOG);
        assertTrue(resp.resultJson() != null, () -> "no result: " + resp.error());
        return HelperDocuments.readResult(resp.resultJson());
    }
}
