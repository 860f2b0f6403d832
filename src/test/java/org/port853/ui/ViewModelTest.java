package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakCsv;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import org.port853.core.ServerAddress;
import org.port853.probe.QueryOutcome;
import org.port853.probe.QuerySender;
import org.port853.probe.bench.BenchResult;
import org.port853.probe.doctor.Check;
import org.port853.probe.doctor.Doctor;
import org.port853.probe.pins.PinRecord;
import org.port853.ui.common.I18n;
import org.port853.ui.diagnostics.DiagnosticsService;
import org.port853.ui.diagnostics.DiagnosticsViewModel;
import org.port853.ui.prefs.Preferences;
import org.port853.ui.prefs.PreferencesStore;
import org.port853.ui.prefs.PreferencesViewModel;
import org.port853.ui.providers.ProviderSource;
import org.port853.ui.task.CurrentThreadTaskExecutor;
import org.port853.ui.traffic.TrafficViewModel;
import org.port853.ui.verify.VerifyViewModel;

/**
 * The view models with the current-thread executor: no toolkit, no worker threads, the order of events chosen by the
 * test. Every callback runs on this thread, so a view model that touched the toolkit or a thread of its own fails here.
 */
class ViewModelTest {
    private static final CaptureUnavailableException DENIED = new CaptureUnavailableException(
            "Capturing packets needs the CAP_NET_RAW capability", "Run: sudo setcap cap_net_raw+ep /usr/lib/port853/java");

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<Fakes.FakeCapture> captures = new ArrayList<>();
    private final AtomicInteger denials = new AtomicInteger();
    /** Whether the next captures look for the leaks' programs (as root, or through the capture service). */
    private final java.util.concurrent.atomic.AtomicBoolean capturesNamePrograms = new java.util.concurrent.atomic.AtomicBoolean();
    /** What a denied start throws. */
    private CaptureUnavailableException denial = DENIED;
    private Fakes.FakeAdapter adapter;
    private AppModel model;

    @BeforeEach
    void setUp() throws Exception {
        adapter = new Fakes.FakeAdapter(Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true));
        model = new AppModel(services(new Fakes.AnsweringProbe()), tasks);
    }

    /** A stub resolver that gives each test name the outcome {@code answer} makes. */
    private static QuerySender stub(java.util.function.BiFunction<String, Duration, QueryOutcome> answer) {
        return new QuerySender() {
            @Override public String target() { return "127.0.0.53:53"; }

            @Override
            public List<QueryOutcome> send(List<String> names, Duration timeout) {
                return names.stream().map(n -> answer.apply(n, timeout)).toList();
            }
        };
    }

    private AppServices services(QuerySender probe) throws Exception {
        AppServices.CaptureFactory factory = () -> {
            Fakes.FakeCapture c = new Fakes.FakeCapture(denials.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? denial : null);
            c.namesPrograms = capturesNamePrograms.get();
            captures.add(c);
            return c;
        };
        return new AppServices(adapter, factory, probe, ProviderSource.inMemory(),
                org.port853.core.ScratchFolders.create("port853-vm-test"), Runnable::run, new Fakes.RecordingNotifier(), false);
    }

    private AppModel withPins(org.port853.probe.pins.ServerPins pins) throws Exception {
        return new AppModel(Fakes.withPins(services(new Fakes.AnsweringProbe()), pins), tasks);
    }

    @Nested
    @DisplayName("the shared model")
    class Model {
        @Test
        @DisplayName("refresh shows progress while it runs, refuses a second one meanwhile, and ends not refreshing")
        void refresh() {
            tasks.hold();
            model.refresh();
            assertTrue(model.refreshingProperty().get());
            model.refresh();
            assertEquals(1, tasks.waiting(), "one read at a time");
            tasks.runAll();
            assertFalse(model.refreshingProperty().get());
            assertSame(adapter.state, model.stateProperty().get());
            assertNotNull(model.assessmentProperty().get());
            assertFalse(model.chosen().isEmpty(), "the draft starts from the system's servers");
        }

        @Test
        @DisplayName("a refresh asked for while one is under way reads once more after it, so the state shown is not "
                + "one read before the user asked; asked for many times meanwhile, it reads once more")
        void refreshDuringARefreshReadsAgain() throws Exception {
            org.port853.core.ResolverState after = Fakes.plaintextState(null); // e.g. changed in a terminal meanwhile
            org.port853.core.ResolverState before = adapter.state;
            adapter = new Fakes.FakeAdapter(before) {
                @Override
                public org.port853.core.ResolverState readState() {
                    org.port853.core.ResolverState read = super.readState();
                    state = after; // what the system is once the reading under way has read it
                    return read;
                }
            };
            model = new AppModel(services(new Fakes.AnsweringProbe()), tasks);
            tasks.hold();
            model.refresh();
            model.refresh(); // the user clicks Refresh while the first reading runs
            model.refresh();
            tasks.runNext();
            assertSame(before, model.stateProperty().get());
            tasks.runAll();
            assertSame(after, model.stateProperty().get());
            assertEquals(2, adapter.calls.stream().filter("readState"::equals).count(), "one more, not one per click");
            assertFalse(model.refreshingProperty().get());
        }

        /** The Providers screen's model over the state read once. */
        private org.port853.ui.providers.ProvidersViewModel providersScreen() {
            var providers = new org.port853.ui.providers.ProvidersViewModel(model,
                    new org.port853.ui.apply.ApplyViewModel(model));
            model.refresh();
            return providers;
        }

        /** The custom provider dialog filled in (TLS name dot.test) and saved. */
        private boolean saveCustom(org.port853.ui.providers.ProvidersViewModel providers, String name, String address) {
            providers.form().nameProperty().set(name);
            providers.form().addressesProperty().set(address);
            providers.form().tlsNameProperty().set("dot.test");
            return providers.saveCustom();
        }

        @Test
        @DisplayName("Providers' note on a saved provider goes once the state changes (it described the draft before)")
        void savedNoteGoesWithANewState() {
            var providers = providersScreen();
            assertTrue(saveCustom(providers, "Rig good", "198.18.77.2"));
            assertEquals(I18n.t("custom.saved", "Rig good"), providers.messageProperty().get());
            adapter.state = Fakes.plaintextState(null); // reverted in a terminal
            model.reread();
            assertEquals("", providers.messageProperty().get());
            assertTrue(saveCustom(providers, "Rig other", "198.18.77.3"));
            assertEquals(I18n.t("custom.saved", "Rig other"), providers.messageProperty().get());
            model.chosen().removeIf(org.port853.core.Provider::custom); // the user takes it out of the draft
            assertEquals("", providers.messageProperty().get(), "the note no longer describes the draft");
        }

        @Test
        @DisplayName("a save whose list was read before another save finished keeps the other's provider (the window "
                + "saves on a pool, so two saves finish in any order), and a refresh under way keeps them all")
        void aListReadBeforeAnotherSaveDropsNothing() {
            ProviderSource memory = ProviderSource.inMemory();
            java.util.concurrent.atomic.AtomicReference<org.port853.core.ProviderCatalog> readEarlier =
                    new java.util.concurrent.atomic.AtomicReference<>();
            AppServices services = new AppServices(adapter, () -> new Fakes.FakeCapture(null),
                    new Fakes.AnsweringProbe(), new ProviderSource(() -> readEarlier.get() != null ? readEarlier.get()
                    : memory.catalogue().get(), memory.saveCustom(), memory.removeCustom()),
                    org.port853.core.ScratchFolders.create("port853-vm-test"), Runnable::run,
                    new Fakes.RecordingNotifier(), false);
            AppModel m = new AppModel(services, tasks);
            var providers = new org.port853.ui.providers.ProvidersViewModel(m,
                    new org.port853.ui.apply.ApplyViewModel(m));
            m.refresh();
            int catalogue = m.catalogue().size();
            readEarlier.set(memory.catalogue().get()); // each save's list is one read before either save
            assertTrue(saveCustom(providers, "First", "198.18.77.2"));
            assertTrue(saveCustom(providers, "Second", "198.18.77.3"));
            assertEquals(List.of("First", "Second"), m.catalogue().subList(catalogue, m.catalogue().size()).stream()
                    .map(org.port853.core.Provider::displayName).toList());
            tasks.hold();
            m.refresh(); // under way while a third is saved: the list it read is older news
            assertTrue(saveCustom(providers, "Third", "198.18.77.4"));
            tasks.runNewest();
            tasks.runAll();
            assertEquals(List.of("First", "Second", "Third"), m.catalogue().subList(catalogue, m.catalogue().size())
                    .stream().map(org.port853.core.Provider::displayName).toList());
        }

        @Test
        @DisplayName("a second custom provider with a name already in the list is refused at the name field")
        void duplicateProviderNameRefused() {
            var providers = providersScreen();
            assertTrue(saveCustom(providers, "Rig", "198.18.77.2"));
            int before = model.catalogue().size();
            assertFalse(saveCustom(providers, " rig ", "198.18.77.3"));
            assertEquals(I18n.t("custom.name.taken", "rig"), providers.form().errorProperty(
                    org.port853.ui.providers.CustomProviderForm.Field.NAME).get());
            assertEquals(before, model.catalogue().size());
            providers.form().nameProperty().set(model.catalogue().get(0).displayName());
            assertFalse(providers.saveCustom(), "a catalogue provider's name too");
        }

        @Test
        @DisplayName("a custom provider whose server another provider has is refused at the addresses field: chosen, it "
                + "would add nothing, and the change would drop it without a word")
        void duplicateProviderServerRefused() {
            var providers = providersScreen();
            assertTrue(saveCustom(providers, "Rig", "198.18.77.2"));
            int before = model.catalogue().size();
            assertFalse(saveCustom(providers, "Rig copy", "198.18.77.9 198.18.77.2"));
            assertEquals(I18n.t("custom.address.taken", "198.18.77.2", "Rig"), providers.form().errorProperty(
                    org.port853.ui.providers.CustomProviderForm.Field.ADDRESSES).get());
            assertEquals(before, model.catalogue().size());
            org.port853.core.Provider quad9 = model.catalogue().stream().filter(p -> p.id().equals("quad9")).findFirst()
                    .orElseThrow();
            assertFalse(saveCustom(providers, "My Quad9", quad9.ipv4().get(0)), "a catalogue provider's server too");
            assertTrue(saveCustom(providers, "Other", "198.18.77.9"), "another server is fine");
        }

        private org.port853.core.Provider own(String name) {
            return model.catalogue().stream().filter(p -> p.displayName().equals(name)).findFirst().orElseThrow();
        }

        @Test
        @DisplayName("editing a custom provider keeps its id and place, in the list and the draft; its own name and "
                + "addresses are no duplicates, another provider's still are")
        void editReplacesInPlace() {
            var providers = providersScreen();
            assertTrue(saveCustom(providers, "Rig", "198.18.77.2"));
            assertTrue(saveCustom(providers, "Other", "198.18.77.3"));
            org.port853.core.Provider rig = own("Rig");
            int at = model.catalogue().indexOf(rig);
            int size = model.catalogue().size();
            providers.form().edit(rig);
            assertEquals(List.of("Rig", "198.18.77.2", "dot.test"), List.of(providers.form().nameProperty().get(),
                    providers.form().addressesProperty().get(), providers.form().tlsNameProperty().get()));
            providers.form().addressesProperty().set("198.18.77.3");
            assertFalse(providers.saveCustom(), "another provider's address");
            assertEquals(I18n.t("custom.address.taken", "198.18.77.3", "Other"), providers.form().errorProperty(
                    org.port853.ui.providers.CustomProviderForm.Field.ADDRESSES).get());
            providers.form().addressesProperty().set("198.18.77.2");
            providers.form().tlsNameProperty().set("dot.fixed.test");
            assertTrue(providers.saveCustom(), "its own name and address are not taken");
            org.port853.core.Provider edited = model.catalogue().get(at);
            assertEquals(List.of("rig", "Rig", "dot.fixed.test"), List.of(edited.id(), edited.displayName(),
                    edited.tlsName()));
            assertEquals(size, model.catalogue().size(), "replaced, not added");
            assertTrue(model.chosen().contains(edited) && !model.chosen().contains(rig), model.chosen().toString());
            assertEquals(I18n.t("custom.edited", "Rig"), providers.messageProperty().get());
            assertEquals(List.of(edited), model.services().providers().catalogue().get().all().stream()
                    .filter(p -> p.id().equals("rig")).toList(), "saved in its place");
        }

        @Test
        @DisplayName("editing the custom provider the system uses shows the edit in the draft, counts it as a change "
                + "(the TLS name alone) and says the system keeps its old settings; nothing is applied")
        void editOfAProviderInUse() {
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("198.18.77.2#dot.tyop.test")), true);
            var providers = providersScreen();
            providers.form().nameProperty().set("Rig");
            providers.form().addressesProperty().set("198.18.77.2");
            providers.form().tlsNameProperty().set("dot.tyop.test");
            assertTrue(providers.saveCustom());
            model.resetDraft();
            org.port853.core.Provider rig = own("Rig");
            assertEquals(List.of(rig), model.chosen());
            assertEquals(0, model.draftChangesProperty().get());
            providers.form().edit(rig);
            providers.form().tlsNameProperty().set("dot.typo.test");
            assertTrue(providers.saveCustom());
            org.port853.core.Provider edited = own("Rig");
            assertEquals(List.of(edited), model.chosen());
            assertEquals("dot.typo.test", edited.tlsName());
            assertEquals(1, model.draftChangesProperty().get(), "the footer offers to apply the new name");
            assertEquals("dot.typo.test", model.desired().servers().get(0).tlsName(), "applying sets the new name");
            var diff = org.port853.ui.common.SettingsDiff.of(model.stateProperty().get(), model.desired(), false,
                    model.catalogue());
            assertEquals(List.of("198.18.77.2 (dot.tyop.test)", "Rig"), List.of(diff.serversBefore(),
                    diff.serversAfter()), "the preview says what changes, not 'Rig → Rig': the system's server under "
                    + "the old name is no longer Rig's");
            assertEquals(I18n.t("custom.edited.inUse", "Rig"), providers.messageProperty().get());
            model.reread();
            model.reread();
            assertEquals(I18n.t("custom.edited.inUse", "Rig"), providers.messageProperty().get(),
                    "re-reads of the same state keep the note (in the rig it went within seconds)");
            assertTrue(adapter.applied.isEmpty(), "nothing written to the system");
            model.resetDraft();
            assertEquals(List.of("198.18.77.2 · dot.tyop.test"), model.chosen().stream()
                    .map(org.port853.core.Provider::displayName).toList(), "Discard shows the system's server under "
                    + "its old name as its own, not as Rig (whose name is new)");
            assertEquals(0, model.draftChangesProperty().get());
            assertEquals("dot.tyop.test", model.desired().servers().get(0).tlsName(), "Discard keeps the old name");
            providers.form().edit(edited);
            providers.form().tlsNameProperty().set("dot.tyop.test");
            assertTrue(providers.saveCustom());
            assertEquals(I18n.t("custom.edited", "Rig"), providers.messageProperty().get(),
                    "edited back to what the system has: nothing to apply (the rig said the old settings stay)");
            assertEquals(0, model.draftChangesProperty().get());
            providers.form().edit(own("Rig"));
            providers.form().nameProperty().set("Rig lab");
            assertTrue(providers.saveCustom());
            assertEquals(I18n.t("custom.edited", "Rig lab"), providers.messageProperty().get(),
                    "a new name alone leaves nothing to apply");
        }

        @Test
        @DisplayName("a re-read nobody asked for shows no progress, and follows a resolver stopped elsewhere")
        void rereadFollowsAChangeMadeElsewhere() {
            model.refresh();
            tasks.hold();
            model.reread();
            assertFalse(model.refreshingProperty().get(), "no 'Refreshing…' every few seconds");
            tasks.runAll();
            tasks.hold();
            model.refresh();
            model.reread();
            assertEquals(1, tasks.waiting(), "no second reading while a refresh runs");
            tasks.runAll();
            adapter.state = Fakes.unavailableState();
            model.reread();
            assertSame(adapter.state, model.stateProperty().get());
            assertEquals(org.port853.core.Verdict.UNAVAILABLE, model.assessmentProperty().get().verdict());
        }

        @Test
        @DisplayName("a re-read that finishes after a newer Refresh is dropped: no older state on screen, no real leak superseded")
        void olderReadingFinishingLastIsDropped() throws InterruptedException {
            org.port853.core.ResolverState s1 = adapter.state;
            org.port853.core.ResolverState s2 = Fakes.strictState(List.of(ServerAddress.parse("9.9.9.10#dns.quad9.net")), true);
            model.refresh(); // S1
            Thread.sleep(5);
            tasks.hold();
            model.reread(); // A: the timer; it will read S1, from before the change
            Thread.sleep(5);
            model.evidence().leakSeen(java.time.Instant.now()); // under S2, after the change
            Thread.sleep(5);
            model.refresh(); // B: the user's Refresh
            adapter.state = s2;
            tasks.runNewest(); // B finishes first with S2
            assertTrue(model.evidence().leakingProperty().get(), "the leak is the current settings' own");
            adapter.state = s1;
            tasks.runNext(); // A finishes last, with S1
            tasks.runAll();
            assertSame(s2, model.stateProperty().get(), "the newer reading stays on screen");
            assertTrue(model.evidence().leakingProperty().get(), "the older reading supersedes nothing");
        }

        @Test
        @DisplayName("a re-read reads the state only: the provider list (a catalogue parsed anew) is read by Refresh")
        void rereadLeavesTheProviderListAlone() throws Exception {
            java.util.concurrent.atomic.AtomicInteger lists = new java.util.concurrent.atomic.AtomicInteger();
            ProviderSource memory = ProviderSource.inMemory();
            AppServices counting = new AppServices(adapter, () -> new Fakes.FakeCapture(null), new Fakes.AnsweringProbe(),
                    new ProviderSource(() -> {
                        lists.incrementAndGet();
                        return memory.catalogue().get();
                    }, memory.saveCustom(), memory.removeCustom()),
                    org.port853.core.ScratchFolders.create("port853-vm-test"), Runnable::run,
                    new Fakes.RecordingNotifier(), false);
            AppModel m = new AppModel(counting, tasks);
            m.refresh();
            m.reread();
            m.reread();
            assertEquals(1, lists.get());
            assertFalse(m.catalogue().isEmpty(), "the catalogue stays");
        }

        /** A model whose own providers come from {@code file} (saved in memory), its config beside the file. */
        private AppModel withCustomFile(java.nio.file.Path file) {
            ProviderSource memory = ProviderSource.inMemory();
            return new AppModel(new AppServices(adapter, () -> new Fakes.FakeCapture(null), new Fakes.AnsweringProbe(),
                    new ProviderSource(() -> org.port853.core.ProviderCatalog.withCustom(
                            new org.port853.core.CustomProviders(file)), memory.saveCustom(), memory.removeCustom()),
                    file.getParent(), Runnable::run, new Fakes.RecordingNotifier(), false), tasks);
        }

        @Test
        @DisplayName("a file of the user's own providers that cannot be read is said in the window, with the built-in "
                + "providers listed all the same")
        void brokenCustomProvidersAreSaid() throws Exception {
            java.nio.file.Path dir = org.port853.core.ScratchFolders.create("port853-vm-custom");
            java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("custom-providers.json"), "{broken");
            AppModel m = withCustomFile(file);
            I18n.in(java.util.Locale.ENGLISH, () -> {
                m.refresh();
                return null;
            });
            assertNull(m.refreshErrorProperty().get(), "the resolver's state was read: no state error");
            String said = m.providerProblemProperty().get();
            assertTrue(said != null && said.startsWith("Custom providers file " + file + " is not valid")
                    && said.endsWith("Only the built-in providers are shown; the file is left as it is."), said);
            assertEquals(org.port853.core.ProviderCatalog.bundled().all(), List.copyOf(m.catalogue()));
            assertEquals("{broken", java.nio.file.Files.readString(file));
        }

        @Test
        @DisplayName("a file of the user's own providers over the limit is said in the window, in English and German, and "
                + "left as it is")
        void customProvidersOverTheLimitAreSaid() throws Exception {
            java.nio.file.Path dir = org.port853.core.ScratchFolders.create("port853-vm-custom");
            String text = org.port853.core.ProviderFiles.withProviders(org.port853.core.CustomProviders.MAX_PROVIDERS + 1);
            java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("custom-providers.json"), text);
            AppModel m = withCustomFile(file);
            I18n.in(java.util.Locale.ENGLISH, () -> {
                m.refresh();
                return null;
            });
            assertEquals("Custom providers file " + file + " has 101 providers, more than the 100 Port853 takes: remove 1 "
                    + "provider from it. Only the built-in providers are shown; the file is left as it is.",
                    m.providerProblemProperty().get());
            I18n.in(java.util.Locale.GERMAN, () -> {
                m.refresh();
                return null;
            });
            assertEquals("Die Datei der eigenen Anbieter " + file + " enthält 101 Anbieter, mehr als die 100, die Port853 "
                    + "übernimmt: Entfernen Sie einen Anbieter daraus. Nur die mitgelieferten Anbieter werden gezeigt; die "
                    + "Datei bleibt, wie sie ist.", m.providerProblemProperty().get());
            assertEquals(org.port853.core.ProviderCatalog.bundled().all(), List.copyOf(m.catalogue()));
            assertEquals(text, java.nio.file.Files.readString(file));
        }

        @Test
        @DisplayName("re-reads wait while a change is being made (Verify ending then reads nothing)")
        void rereadsWaitDuringAChange() {
            model.refresh();
            boolean[] changing = {true};
            model.holdRereadsWhile(() -> changing[0]);
            int before = tasks.executed();
            model.reread();
            assertEquals(before, tasks.executed(), "no reading of a half-restarted resolver");
            changing[0] = false;
            model.reread();
            assertEquals(before + 1, tasks.executed());
        }

        @Test
        @DisplayName("a reading through resolvectl (the bus failed once) is not compared with one over D-Bus")
        void readingsFromAnotherSourceAreNotASettingsChange() {
            model.refresh();
            model.evidence().leakSeen(java.time.Instant.now().minusSeconds(5));
            org.port853.core.ResolverState s = adapter.state;
            adapter.state = new org.port853.core.ResolverState(s.resolverName(), org.port853.core.StateSource.RESOLVECTL, true, true,
                    new org.port853.core.GlobalState(s.global().servers(), List.of(), null, s.global().dnsOverTls(),
                            org.port853.core.DnssecMode.NO, false, s.global().domains(), "yes", "stub"),
                    s.links(), null, null, s.platform());
            model.reread();
            adapter.state = s;
            model.reread();
            assertTrue(model.evidence().leakingProperty().get(), "the bus failing once changed no settings");
        }

        @Test
        @DisplayName("settings changed elsewhere (the command line): leaks seen before the previous reading no longer count")
        void settingsChangedElsewhereSupersedeOlderLeaks() throws InterruptedException {
            model.refresh();
            model.evidence().leakSeen(java.time.Instant.now().minusSeconds(5));
            model.reread(); // the periodic reading: nothing changed
            assertTrue(model.evidence().leakingProperty().get(), "unchanged settings keep the leak");
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("9.9.9.10#dns.quad9.net")), true);
            model.reread();
            assertFalse(model.evidence().leakingProperty().get(), "the leak was made under the settings that are gone");
        }

        @Test
        @DisplayName("an edit that keeps an edited draft through a change elsewhere stays the user's, even when it "
                + "comes back to what the old settings made (window walkthrough: the chosen provider was dropped)")
        void editedDraftSurvivesAChangeElsewhere() {
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true);
            model.refresh();
            List<String> applied = model.chosen().stream().map(org.port853.core.Provider::id).toList();
            assertEquals(List.of("quad9"), applied);
            org.port853.core.Provider mullvad = model.catalogue().stream().filter(p -> p.id().startsWith("mullvad"))
                    .findFirst().orElseThrow();
            model.chosen().add(mullvad); // the user adds a provider to the draft
            adapter.state = Fakes.plaintextState(null); // switched off: encryption reverted
            model.refresh();
            assertEquals(List.of("quad9", mullvad.id()), model.chosen().stream().map(org.port853.core.Provider::id).toList(),
                    "the edited draft stays");
            model.chosen().remove(mullvad); // the user takes it out again: only Quad9, as the old settings had
            model.reread();
            model.refresh();
            assertEquals(applied, model.chosen().stream().map(org.port853.core.Provider::id).toList(),
                    "the user's choice, not the system's draft");
        }

        @Test
        @DisplayName("unencrypted, on a provider's plain address: the untouched draft counts no change, an edit counts, Discard clears it")
        void unencryptedProviderAddressIsNoChange() {
            var g = new org.port853.core.GlobalState(List.of(ServerAddress.parse("9.9.9.9")), List.of(), null,
                    org.port853.core.DotMode.OFF, org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub");
            adapter.state = Fakes.state(g, null);
            model.refresh();
            assertEquals(List.of("quad9"), model.chosen().stream().map(org.port853.core.Provider::id).toList());
            assertEquals(0, model.draftChangesProperty().get(), "no count of changes the user never made");
            assertTrue(model.draftIsProposalProperty().get(), "but Quad9 ticked while encryption is off is only a "
                    + "suggestion, which Providers must say (it looked applied)");
            model.dnssecProperty().set(org.port853.core.DnssecMode.YES);
            assertEquals(3, model.draftChangesProperty().get(), "DNSSEC, and with it what turning encryption on changes: "
                    + "the mode and all domains (the same provider's server is no change)");
            assertFalse(model.draftIsProposalProperty().get(), "edited: the user's changes, counted");
            model.resetDraft(); // Discard
            assertEquals(0, model.draftChangesProperty().get(), "Discard leaves no change behind");
            assertTrue(model.draftIsProposalProperty().get());
            assertEquals(org.port853.core.DotMode.STRICT, model.desired().mode(), "turning encryption on still proposes strict");
            model.chosen().clear();
            assertFalse(model.draftIsProposalProperty().get(), "nothing chosen: nothing suggested");
        }

        @Test
        @DisplayName("the draft writes DNSSEC only when the user changed it here (like the command line without --dnssec)")
        void draftWritesDnssecOnlyWhenChanged() {
            var g = new org.port853.core.GlobalState(List.of(), List.of(), null, org.port853.core.DotMode.OFF,
                    org.port853.core.DnssecMode.ALLOW_DOWNGRADE, false, List.of(), "yes", "stub");
            adapter.state = Fakes.state(g, null);
            model.refresh();
            model.chosen().setAll(model.catalogue().stream().filter(p -> p.id().equals("quad9")).toList());
            assertEquals(org.port853.core.DnssecMode.ALLOW_DOWNGRADE, model.dnssecProperty().get(), "the draft shows the system's");
            assertEquals(null, model.desired().dnssec(), "untouched: no DNSSEC line, the system's own setting stays");
            model.dnssecProperty().set(org.port853.core.DnssecMode.NO);
            assertEquals(org.port853.core.DnssecMode.NO, model.desired().dnssec(), "the user's choice is written");
            assertEquals(4, model.draftChangesProperty().get(), "as the preview lists them: the provider, the mode "
                    + "(off → strict), DNSSEC and all domains");
        }

        @Test
        @DisplayName("a change of DNSSEC alone keeps the system's exact servers; strict from unnamed servers takes the provider's named ones")
        void untouchedProvidersKeepTheSystemsServers() {
            ServerAddress one = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            adapter.state = Fakes.strictState(List.of(one), true);
            model.refresh();
            model.dnssecProperty().set(org.port853.core.DnssecMode.YES);
            assertEquals(List.of(one), model.desired().servers(), "not all of Quad9's addresses");

            var g = new org.port853.core.GlobalState(List.of(ServerAddress.parse("9.9.9.9")), List.of(), null,
                    org.port853.core.DotMode.OPPORTUNISTIC, org.port853.core.DnssecMode.NO, true, List.of(), "yes", "stub");
            adapter.state = Fakes.state(g, null);
            model.refresh();
            model.resetDraft();
            assertEquals(List.of(ServerAddress.parse("9.9.9.9")), model.desired().servers(), "opportunistic as it is");
            model.modeProperty().set(org.port853.core.DotMode.STRICT);
            assertTrue(model.desired().servers().stream().allMatch(a -> a.tlsName() != null),
                    "strict needs names: " + model.desired().servers());
        }

        @Test
        @DisplayName("a change of routing in opportunistic mode does not keep a system server whose name Port853 cannot "
                + "write (dns_x.example): written as the system's, it would lose its name without a word")
        void aServerWhoseNameCannotBeWrittenIsNotKeptBare() {
            ServerAddress odd = ServerAddress.reported(org.port853.core.IpAddresses.parse("198.18.0.2"), 0,
                    "dns_x.example");
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            var g = new org.port853.core.GlobalState(List.of(quad9, odd), List.of(), null,
                    org.port853.core.DotMode.OPPORTUNISTIC, org.port853.core.DnssecMode.NO, true, List.of(), "yes", "stub");
            adapter.state = Fakes.state(g, null);
            model.refresh();
            model.resetDraft();
            model.routeAllDomainsProperty().set(!model.routeAllDomainsProperty().get());
            List<ServerAddress> asked = model.desired().servers();
            assertFalse(asked.contains(odd), "not written bare: " + asked);
            assertFalse(asked.stream().anyMatch(a -> a.addressText().equals("198.18.0.2")), asked.toString());
        }

        /** The draft's entries by name once the system uses {@code server} alone. */
        private List<String> draftWhenInUse(ServerAddress server) {
            adapter.state = Fakes.strictState(List.of(server), true);
            model.refresh();
            return model.chosen().stream().map(org.port853.core.Provider::displayName).toList();
        }

        @Test
        @DisplayName("a server in no provider list stays in the draft as what it is: no change counted, kept when applying, Discard brings it back")
        void serverOutsideTheListStaysInTheDraft() {
            ServerAddress own = ServerAddress.parse("198.18.201.2#dot.test");
            assertEquals(List.of("198.18.201.2 · dot.test"), draftWhenInUse(own), "not an empty draft");
            assertEquals(0, model.draftChangesProperty().get(), "an untouched draft differs in nothing");
            assertEquals(List.of(own), model.desired().servers(), "applying the untouched draft keeps the server");

            model.chosen().add(0, model.catalogue().stream().filter(p -> p.id().equals("quad9")).findFirst().orElseThrow());
            assertEquals(1, model.draftChangesProperty().get());
            assertTrue(model.desired().servers().contains(own), "kept after an added provider");
            model.chosen().removeIf(org.port853.ui.common.InUseServers::isEntry);
            assertFalse(model.desired().servers().contains(own), "gone once the user removes it");

            model.resetDraft(); // Discard
            assertEquals(0, model.draftChangesProperty().get());
            assertEquals(List.of(own), model.desired().servers());

            ServerAddress withPort = ServerAddress.parse("[2001:db8::53]:8853#dot.test");
            adapter.state = Fakes.strictState(List.of(withPort), true);
            model.refresh();
            model.resetDraft();
            assertEquals(List.of(withPort), model.desired().servers(), "port and name survive the draft");
            assertEquals(0, model.draftChangesProperty().get());
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.CsvSource({"b\u00fccher.example, xn--bcher-kva.example",
                "\u0430\u0440\u0440\u04cf\u0435.com, xn--80ak6aa92e.com"})
        @DisplayName("a server the system uses with its name in Unicode (bücher.example; a look-alike, \"аррӏе.com\" in "
                + "Cyrillic), written by someone else, stays in the draft untouched, and applying or a change of mode "
                + "sends its ASCII form, which passes the helper's own strict check and every build of resolved verifies")
        void aNameInUnicodeFromTheSystemStaysInTheDraftInItsAsciiForm(String unicode, String ascii) {
            ServerAddress reported = ServerAddress.parseReported("198.18.0.2#" + unicode);
            assertEquals(List.of("198.18.0.2 · " + ascii), draftWhenInUse(reported), "not left out");
            assertEquals(0, model.draftChangesProperty().get(), "an untouched draft differs in nothing");
            List<ServerAddress> written = List.of(ServerAddress.parse("198.18.0.2#" + ascii));
            assertEquals(written, model.desired().servers());
            assertEquals(written, model.desired(org.port853.core.DotMode.STRICT, true).servers());
            var sent = org.port853.helper.HelperDocuments.parse(org.port853.helper.HelperDocuments.write(
                    org.port853.helper.HelperRequest.apply(model.desired(), false)));
            assertEquals(written, sent.settings().servers());
        }

        @Test
        @DisplayName("a failed read is reported and ends the refresh")
        void refreshFails() {
            adapter.state = null; // the assessment of nothing fails
            model.refresh();
            assertFalse(model.refreshingProperty().get());
            assertNotNull(model.refreshErrorProperty().get());
            assertNull(model.stateProperty().get());
        }
    }

    @Nested
    @DisplayName("Traffic")
    class Traffic {
        TrafficViewModel traffic;

        @BeforeEach
        void create() {
            traffic = new TrafficViewModel(model);
        }

        @Test
        @DisplayName("start: starting while the worker starts the capture, then running and polling")
        void start() {
            tasks.hold();
            traffic.start();
            assertTrue(traffic.startingProperty().get());
            assertEquals(I18n.t("capture.starting"), traffic.statusProperty().get());
            traffic.start();
            assertEquals(1, tasks.waiting(), "one start at a time");
            tasks.runAll();
            assertFalse(traffic.startingProperty().get());
            assertTrue(traffic.runningProperty().get());
            assertTrue(tasks.ticking(), "the snapshot is polled");
            assertEquals(1, captures.size());
            assertTrue(captures.get(0).isRunning());
        }

        @Test
        @DisplayName("a denied start shows the reason and its fix, ends starting, and a retry makes a fresh session")
        void deniedThenRetry() {
            denials.set(1);
            traffic.start();
            assertFalse(traffic.startingProperty().get());
            assertFalse(traffic.runningProperty().get());
            assertEquals(DENIED.reason(), traffic.problemProperty().get());
            assertEquals(org.port853.platform.RootAdvice.forThisUser(DENIED.fix()), traffic.problemFixProperty().get(),
                    "as this user types it");
            assertEquals(I18n.t("capture.notRunning"), traffic.statusProperty().get());
            assertFalse(tasks.ticking());
            traffic.start();
            assertTrue(traffic.runningProperty().get());
            assertNull(traffic.problemProperty().get());
            assertEquals(2, captures.size());
        }

        @Test
        @DisplayName("a capture that ends by itself (the service restarted) is said, and started again on its own")
        void lostCaptureIsSaidAndStartedAgain() {
            traffic.start();
            captures.get(0).lose("the capture service ended the stream");
            tasks.tick(); // the poll sees it
            assertFalse(traffic.runningProperty().get());
            assertEquals(I18n.t("capture.lost"), traffic.problemProperty().get());
            assertEquals(I18n.t("capture.lost.fix"), traffic.problemFixProperty().get());
            tasks.tick(); // the next try
            assertTrue(traffic.runningProperty().get(), "watching again");
            assertEquals(2, captures.size(), "a fresh session");
            assertNull(traffic.problemProperty().get());
            captures.get(1).stop(); // a stop of ours, or a replay that finished: no problem, no new session
            tasks.tick();
            tasks.tick();
            assertNull(traffic.problemProperty().get());
            assertEquals(2, captures.size());
        }

        @Test
        @DisplayName("closing the window stops the tries to start a lost capture again")
        void stopEndsTheTries() {
            traffic.start();
            captures.get(0).lose("capture service connection lost: Connection reset");
            tasks.tick();
            traffic.stop();
            tasks.tick();
            tasks.tick();
            assertEquals(1, captures.size());
            assertFalse(tasks.ticking());
        }

        @Test
        @DisplayName("stop before the worker began the start: no capture is made at all")
        void stopBeforeStartBegan() {
            tasks.hold();
            traffic.start();
            traffic.stop();
            assertTrue(traffic.startingProperty().get(), "still starting until the worker returns");
            tasks.runAll();
            assertEquals(0, captures.size());
            assertFalse(traffic.startingProperty().get());
            assertFalse(traffic.runningProperty().get());
            assertFalse(tasks.ticking());
            assertEquals(I18n.t("capture.stopped"), traffic.statusProperty().get());
        }

        @Test
        @DisplayName("a capture problem is said in the window's language, with its fix")
        void captureProblemInGerman() {
            // a real problem: replaying a file that is not there
            denial = assertThrows(CaptureUnavailableException.class, () -> org.port853.capture.CaptureSessions.replay(
                    java.nio.file.Path.of("/nonexistent/missing.pcap"), 0, false).start());
            denials.set(1);
            I18n.in(java.util.Locale.GERMAN, () -> {
                traffic.start();
                return null;
            });
            assertTrue(traffic.problemProperty().get().startsWith("missing.pcap lässt sich nicht abspielen; das System meldet: „")
                    && traffic.problemProperty().get().endsWith("“"), traffic.problemProperty().get());
            assertEquals("Eine lesbare .pcap- oder .pcapng-Mitschnittdatei wählen.", traffic.problemFixProperty().get());
            assertTrue(denial.reason().startsWith("Cannot replay"), "the command line keeps its English: " + denial.reason());
        }

        @Test
        @DisplayName("stop while the worker starts the capture: it is stopped once started, nothing polls, not running")
        void stopWhileStarting() throws Exception {
            // the window closes while the worker is inside the capture's start
            AppModel m = new AppModel(new AppServices(adapter, () -> {
                Fakes.FakeCapture c = new Fakes.FakeCapture(null) {
                    @Override
                    public void start() throws CaptureUnavailableException {
                        super.start();
                        traffic.stop();
                    }
                };
                captures.add(c);
                return c;
            }, new Fakes.AnsweringProbe(), ProviderSource.inMemory(), org.port853.core.ScratchFolders.create("port853-vm-test"),
                    Runnable::run, new Fakes.RecordingNotifier(), false), tasks);
            traffic = new TrafficViewModel(m);
            tasks.hold();
            traffic.start();
            tasks.runNext(); // the worker starts the capture; the result is no longer wanted
            assertEquals(1, captures.size());
            assertTrue(traffic.startingProperty().get() || tasks.waiting() > 0);
            tasks.runAll(); // the discarded capture is stopped on a worker
            assertFalse(captures.get(0).isRunning(), "the capture must not be left running");
            assertFalse(traffic.startingProperty().get());
            assertFalse(traffic.runningProperty().get());
            assertFalse(tasks.ticking());
            assertNull(traffic.session());
        }

        @Test
        @DisplayName("a start after a stop during start wins: it runs its own fresh capture")
        void startAgainAfterStopDuringStart() {
            tasks.hold();
            traffic.start();
            traffic.stop();
            traffic.start();
            assertEquals(2, tasks.waiting());
            tasks.runAll();
            assertTrue(traffic.runningProperty().get());
            assertFalse(traffic.startingProperty().get());
            CaptureSession s = traffic.session();
            assertTrue(s.isRunning());
            assertEquals(1, captures.stream().filter(CaptureSession::isRunning).count(), "the first one is stopped");
        }

        @Test
        @DisplayName("the graph gets a new snapshot only when what it draws changed, not on every poll")
        void snapshotOnlyWhenChanged() {
            traffic.start();
            Fakes.FakeCapture c = captures.get(0);
            long later = traffic.dataSinceProperty().get().at().getEpochSecond() + 3; // seconds the capture has seen
            long[] counts = {0, 3, 1};
            c.next = TrafficScreenTest.queries(later, counts, new long[3], new long[3]);
            tasks.tick();
            MeterSnapshot first = traffic.snapshotProperty().get();
            assertArrayEquals(counts, first.queries().encrypted());
            long polls = traffic.pollsProperty().get();
            tasks.tick();
            tasks.tick();
            assertEquals(polls + 2, traffic.pollsProperty().get(), "each poll still reaches the view");
            assertSame(first, traffic.snapshotProperty().get(), "equal counts in the same seconds: no redraw");
            c.next = TrafficScreenTest.queries(later, new long[]{0, 3, 2}, new long[3], new long[3]);
            tasks.tick();
            assertEquals(2, traffic.snapshotProperty().get().queries().encrypted()[2], "a changed count is drawn");
            MeterSnapshot second = traffic.snapshotProperty().get();
            c.next = TrafficScreenTest.queries(later + 1, new long[]{0, 3, 2}, new long[3], new long[3]);
            tasks.tick();
            assertNotSame(second, traffic.snapshotProperty().get(), "the next second moves the graph");
        }

        @Test
        @DisplayName("the totals count leaks in queries, the leak list's unit, not in packets")
        void totalsCountLeakedQueries() {
            traffic.start();
            Fakes.FakeCapture c = captures.get(0);
            long later = traffic.dataSinceProperty().get().at().getEpochSecond() + 3; // seconds the capture has seen
            // 6 leaked packets (queries and their answers) carrying 3 leaked queries; 12 encrypted packets carrying
            // 5 queries, 8 local packets carrying 4: every figure in queries, the unit of the list
            c.next = new MeterSnapshot(later, 3, new long[]{12, 0, 0}, new long[]{0, 8, 0}, new long[]{0, 4, 2},
                    new long[]{0, 2, 1}, Map.of(), 0, 0, List.of(), new long[3],
                    new MeterSnapshot.Queries(new long[]{5, 0, 0}, new long[]{0, 4, 0}));
            tasks.tick();
            String totals = traffic.totalsProperty().get();
            assertEquals("Last 5 min: 3 leaked queries, 5 encrypted queries, 4 local queries (to this computer's own "
                    + "resolver).", totals);
            c.next = new MeterSnapshot(later, 3, new long[3], new long[3], new long[3], new long[3], Map.of(), 7, 2);
            tasks.tick();
            assertTrue(traffic.totalsProperty().get().endsWith(" The capture missed 9 packets, so some queries may not "
                    + "be counted."), "what the capture missed is said in its own unit: " + traffic.totalsProperty().get());
            // one is said in the singular, in both languages
            assertEquals("Last 5 min: 1 leaked query, 1 encrypted query, 1 local query (to this computer's own resolver).",
                    I18n.in(java.util.Locale.ENGLISH, () -> I18n.t("traffic.totals", 1L, 1L, 1L, "5 min")));
            assertTrue(I18n.in(java.util.Locale.GERMAN, () -> I18n.t("traffic.totals", 0L, 0L, 1L, "5 min"))
                    .startsWith("Letzte 5 min: 1 Leck, 0 verschlüsselte und 0 lokale Anfragen"));
            assertTrue(I18n.in(java.util.Locale.ENGLISH, () -> I18n.t("traffic.totals", 0L, 0L, 1234L, "5 min"))
                    .startsWith("Last 5 min: 1,234 leaked queries, "));
        }

        @Test
        @DisplayName("leaked queries the capture counted but could not list are said under the graph, in both languages")
        void totalsSayHowManyLeaksAreNotListed() {
            traffic.start();
            Fakes.FakeCapture c = captures.get(0);
            long later = traffic.dataSinceProperty().get().at().getEpochSecond() + 3;
            c.next = new MeterSnapshot(later, 3, new long[3], new long[3], new long[]{0, 9000, 0},
                    new long[]{0, 5000, 0}, Map.of(), 0, 0);
            c.notListed = 2104;
            tasks.tick();
            assertEquals("Last 5 min: 5,000 leaked queries, 0 encrypted queries, 0 local queries (to this computer's "
                    + "own resolver). The names of 2,104 leaked queries are unknown: they came faster than the capture "
                    + "could read them.", traffic.totalsProperty().get());
            assertEquals("Der Name von 1 Leck ist unbekannt: es kam schneller, als der Mitschnitt es lesen konnte.",
                    I18n.in(java.util.Locale.GERMAN, () -> I18n.t("traffic.totals.unlisted", 1L)));
            assertEquals("Die Namen von 2.104 Lecks sind unbekannt: sie kamen schneller, als der Mitschnitt sie "
                    + "lesen konnte.", I18n.in(java.util.Locale.GERMAN, () -> I18n.t("traffic.totals.unlisted", 2104L)));
        }

        /** A query for {@code name} sent to the Wi-Fi's router now. */
        private String emptyListSays() {
            return traffic.emptyLeaksTextProperty().get();
        }

        private LeakRecord toRouter(String name) {
            return new LeakRecord(Instant.now(), "wlan0", "192.168.1.1", name, "A", null);
        }

        /** The capture reports queries for {@code names}; one poll later, is the window's evidence "leaking"? */
        private boolean leakingOnceSeen(String... names) {
            for (String n : names) {
                captures.get(0).leaks.add(toRouter(n));
            }
            tasks.tick();
            return model.evidence().leakingProperty().get();
        }

        @Test
        @DisplayName("the capture's leaks make the state Leaking, but a local name asked of the router does not")
        void localNamesAreNoEvidence() {
            traffic.start();
            assertFalse(leakingOnceSeen("printer.home.arpa"), "home.arpa to the router stays on the network");
            assertTrue(leakingOnceSeen("tracker.example", "nas.home.arpa"), "a real leak before the newest local name counts");
        }

        @Test
        @DisplayName("the count since start is the capture's: each leak once, past the table's size, not reset by Clear or a restart")
        void leaksSinceStart() {
            traffic.start();
            Fakes.FakeCapture c = captures.get(0);
            c.leaks.add(toRouter("a.example"));
            tasks.tick();
            tasks.tick();
            assertEquals(1, traffic.leaksSinceStartProperty().get());
            assertEquals(1, traffic.leaks().size());
            assertEquals(I18n.t("leaks.none"), emptyListSays(), "what the list says while it is empty: not shown");
            traffic.clear();
            tasks.tick();
            assertEquals(0, traffic.leaks().size());
            assertTrue(emptyListSays().startsWith("No leaked queries since you cleared the list at "), emptyListSays());
            assertEquals(1, traffic.leaksSinceStartProperty().get());
            // more than the table keeps arrive between two polls: the capture's own count is what counts
            for (int i = 0; i < TrafficViewModel.LEAK_ROWS + 5; i++) {
                c.leaks.add(new LeakRecord(Instant.EPOCH, "wlan0", "192.168.1.1", "b" + i + ".example", "A", null));
            }
            tasks.tick();
            assertEquals(1 + TrafficViewModel.LEAK_ROWS + 5, traffic.leaksSinceStartProperty().get());
            // a fresh session after a restart adds to the count since the app started
            traffic.stop();
            assertFalse(tasks.ticking());
            traffic.start();
            captures.get(1).leaks.add(toRouter("c.example"));
            tasks.tick();
            assertEquals(2 + TrafficViewModel.LEAK_ROWS + 5, traffic.leaksSinceStartProperty().get());
        }

        @Test
        @DisplayName("Port853's own lookup through the resolver, seen leaking: counted, said to be its own check, grouped "
                + "as its own program, and not announced as the user's leak; the user's next leak is")
        void ownCheckIsSaidAndNotAnnounced() {
            traffic.start();
            Fakes.FakeCapture c = captures.get(0);
            Fakes.RecordingNotifier shown = (Fakes.RecordingNotifier) model.services().notifier();
            int before = shown.shown.size();
            model.ownLookups().asking("example.com", () -> {
                c.leaks.add(toRouter("example.com"));
                tasks.tick();
                return null;
            });
            assertEquals(before, shown.shown.size(), "Port853's own check announced as a leak: " + shown.shown);
            assertEquals(1, traffic.leaksSinceStartProperty().get(), "still a plaintext query, and counted");
            traffic.groupByProperty().set(org.port853.ui.traffic.LeakGroups.By.PROGRAM);
            org.port853.ui.traffic.LeakGroups.Group g = traffic.groups().get(0);
            assertEquals(I18n.t("leaks.ownCheckProgram"), g.key());
            assertTrue(g.why().text().startsWith("Port853's own check that names resolve"), g.why().text());
            assertEquals(I18n.t("leaks.ownCheckProgram"), traffic.processOf(traffic.leaks().get(0)),
                    "every query's Process column says it too, not an empty cell");

            c.leaks.add(toRouter("a.example"));
            tasks.tick();
            assertEquals(before + 1, shown.shown.size(), "the user's own leak is announced");

            // a user's leak and Port853's check in one poll, the check newest: the user's is still announced
            TrafficViewModel again = new TrafficViewModel(model);
            again.start();
            Fakes.FakeCapture c2 = captures.get(captures.size() - 1);
            int now = shown.shown.size();
            model.ownLookups().asking("example.com", () -> {
                c2.leaks.add(toRouter("bank.example"));
                c2.leaks.add(toRouter("example.com"));
                tasks.tick();
                return null;
            });
            assertEquals(now + 1, shown.shown.size(), shown.shown.toString());
            assertTrue(shown.shown.get(shown.shown.size() - 1).contains("bank.example"), shown.shown.toString());
            traffic.groupByProperty().set(org.port853.ui.traffic.LeakGroups.By.NAME);
            org.port853.ui.traffic.LeakGroups.Group user = traffic.groups().stream()
                    .filter(x -> x.key().equals("a.example")).findFirst().orElseThrow();
            assertFalse(user.why().text().contains("own check"), user.why().text());
        }

        @Test
        @DisplayName("a leak whose program was not found: its fix says where Port853 could look only when the capture "
                + "did not look there (as root or through the capture service, only that a one-off lookup is often over)")
        void anUnidentifiedLeaksFixSaysWhereTheCaptureLooked() {
            for (boolean looked : new boolean[]{false, true}) {
                capturesNamePrograms.set(looked);
                TrafficViewModel t = new TrafficViewModel(model);
                t.start();
                captures.get(captures.size() - 1).leaks.add(new LeakRecord(Instant.now(), "wlan0", "198.51.100.77",
                        "a.example", "A", null));
                tasks.tick();
                t.groupByProperty().set(org.port853.ui.traffic.LeakGroups.By.NAME);
                org.port853.ui.traffic.LeakExplainer.Why why = t.groups().get(0).why();
                assertEquals(org.port853.ui.traffic.LeakExplainer.Cause.UNKNOWN, why.cause());
                assertEquals(!looked, why.fix().contains("(the installed package's capture service, or root)"), why.fix());
                assertEquals(looked, why.fix().endsWith("A one-off lookup such as dig's is often over before Port853 can "
                        + "name its program."), why.fix());
                t.stop();
                assertEquals(why, t.groups().get(0).why(), "the leaks stay explained as the capture that saw them looked");
            }
        }

        @Test
        @DisplayName("Clear while paused empties the summary line too, and the graph's no-data shading starts at the clear")
        void clearWhilePaused() throws Exception {
            traffic.start();
            Fakes.FakeCapture c = captures.get(0);
            c.next = new MeterSnapshot(Instant.now().getEpochSecond(), 3, new long[3], new long[3], new long[]{0, 0, 4},
                    new long[]{0, 0, 26}, Map.of(), 0, 0);
            tasks.tick();
            assertTrue(traffic.totalsProperty().get().contains("26 leaked queries"), traffic.totalsProperty().get());
            Instant started = traffic.dataSinceProperty().get().at();
            traffic.pausedProperty().set(true);
            Thread.sleep(5);
            traffic.clear();
            tasks.tick();
            assertTrue(traffic.totalsProperty().get().contains(": 0 leaked queries"), traffic.totalsProperty().get());
            assertTrue(traffic.dataSinceProperty().get().at().isAfter(started), "no data before the clear");
            assertTrue(traffic.dataSinceProperty().get().cleared(), "the graph calls that time cleared, not before monitoring");
            // frames still queued at the Clear are counted after it, for their own second before it: not shown
            traffic.pausedProperty().set(false);
            long clearedAt = traffic.dataSinceProperty().get().at().getEpochSecond();
            c.next = new MeterSnapshot(clearedAt, 3, new long[3], new long[3], new long[]{0, 4, 0},
                    new long[]{0, 9, 0}, Map.of(), 0, 0);
            tasks.tick();
            assertTrue(traffic.totalsProperty().get().contains(": 0 leaked queries"), traffic.totalsProperty().get());
            assertEquals(0, java.util.Arrays.stream(traffic.snapshotProperty().get().leakMarkers()).sum(),
                    "nor in the graph's scale");
        }

        @Test
        @DisplayName("Clear while paused: the summary under the 'cleared' graph counts nothing from before the clear, "
                + "also while the capture has not yet cleared its counts (window walkthrough: '5 encrypted queries')")
        void clearWhilePausedCountsNothingFromBefore() throws Exception {
            traffic.start();
            Fakes.FakeCapture c = captures.get(0);
            c.meterLagsClear = true;
            long now = Instant.now().getEpochSecond();
            c.next = new MeterSnapshot(now, 3, new long[3], new long[3], new long[3], new long[3], Map.of(), 0, 0,
                    List.of(), new long[3], new MeterSnapshot.Queries(new long[]{0, 0, 5}, new long[3]));
            tasks.tick();
            assertTrue(traffic.totalsProperty().get().contains(" 5 encrypted queries"), traffic.totalsProperty().get());
            traffic.pausedProperty().set(true);
            while (Instant.now().getEpochSecond() == now) {
                Thread.sleep(20); // the clear comes in a later second than the counted one
            }
            traffic.clear();
            String after = traffic.totalsProperty().get();
            assertTrue(after.contains(" 0 encrypted queries"), after);
            assertEquals(0, java.util.Arrays.stream(traffic.snapshotProperty().get().queries().encrypted()).sum(),
                    "nor drawn");
        }

        @Test
        @DisplayName("choosing another span while paused shows it once and stays paused (walkthrough: the graph and "
                + "totals kept the old span while the box showed the new one)")
        void spanChangedWhilePaused() {
            traffic.start();
            Fakes.FakeCapture c = captures.get(0);
            long now = Instant.now().getEpochSecond();
            c.next = new MeterSnapshot(now, 300, new long[300], new long[300], new long[300], new long[300], Map.of(), 0, 0);
            tasks.tick();
            traffic.pausedProperty().set(true);
            c.next = new MeterSnapshot(now, 3600, new long[3600], new long[3600], new long[3600], new long[3600], Map.of(),
                    0, 0);
            traffic.windowSecondsProperty().set(3600);
            assertEquals(3600, traffic.snapshotProperty().get().seconds(), "the graph shows the hour");
            assertTrue(traffic.totalsProperty().get().startsWith("Last 1 h"), traffic.totalsProperty().get());
            assertTrue(traffic.pausedProperty().get());
            long polls = traffic.pollsProperty().get();
            tasks.tick();
            assertEquals(polls, traffic.pollsProperty().get(), "still frozen after that");
        }

        @Test
        @DisplayName("the filter searches the Process column as it reads: in German 'unbekannt' finds a sender not found")
        void filterMatchesTheShownProcess() {
            traffic.start();
            captures.get(0).leaks.add(new LeakRecord(Instant.now(), "eth0", "198.18.121.4", "leak.example", "A",
                    "dig (812) → " + LeakRecord.UNKNOWN_PROGRAM));
            tasks.tick();
            I18n.in(java.util.Locale.GERMAN, () -> {
                traffic.filterProperty().set("unbekannt");
                assertEquals(1, traffic.filteredLeaks().size());
                traffic.filterProperty().set(LeakRecord.UNKNOWN_PROGRAM);
                assertEquals(0, traffic.filteredLeaks().size(), "a word the column does not show");
                return null;
            });
        }

        @Test
        @DisplayName("CSV export writes the filtered leaks in the capture's format and reports how many")
        void exportCsv(@TempDir Path dir) throws Exception {
            traffic.start();
            captures.get(0).leaks.add(new LeakRecord(Instant.parse("2026-11-25T10:00:00Z"), "wlan0", "192.168.1.1",
                    "=evil,name", "A", null));
            captures.get(0).leaks.add(new LeakRecord(Instant.parse("2026-11-25T10:00:01Z"), "wlan0", "192.168.1.1",
                    "other.example", "A", null));
            tasks.tick();
            traffic.filterProperty().set("evil");
            Path csv = dir.resolve("leaks.csv");
            traffic.exportCsv(csv);
            assertEquals(I18n.t("traffic.export.done", 1, "leaks.csv"), traffic.exportMessageProperty().get());
            List<String> lines = Files.readAllLines(csv);
            assertEquals(List.of(LeakCsv.HEADER + ",why,fix"), lines.subList(0, 1));
            assertEquals(2, lines.size());
            // each row says why it leaked and the fix, as the leak list does
            var why = org.port853.ui.traffic.LeakExplainer.explain(captures.get(0).leaks.get(0), model.stateProperty().get());
            assertTrue(lines.get(1).contains(",wlan0,192.168.1.1,\"'=evil,name\",A,," + LeakCsv.cell(why.text()) + ","
                    + LeakCsv.cell(why.fix())), lines.get(1));

            traffic.exportCsv(dir.resolve("missing").resolve("x.csv"));
            assertTrue(traffic.exportMessageProperty().get().startsWith(I18n.t("traffic.export.failed", "")),
                    traffic.exportMessageProperty().get());
            traffic.clear();
            assertEquals("", traffic.exportMessageProperty().get(), "Clear drops the message about rows it removed");
        }
    }

    @Nested
    @DisplayName("Verify")
    class Verify {
        @Test
        @DisplayName("with the capture down after a denied start, Verify starts it again and then sends")
        void restartsCapture() {
            denials.set(1);
            TrafficViewModel traffic = new TrafficViewModel(model);
            traffic.start();
            assertFalse(traffic.runningProperty().get());
            VerifyViewModel verify = new VerifyViewModel(model, traffic);
            verify.setSettle(Duration.ofMillis(10));
            tasks.hold();
            verify.run();
            assertTrue(verify.runningProperty().get());
            tasks.runNext(); // the capture starts
            assertTrue(traffic.runningProperty().get());
            assertTrue(verify.runningProperty().get(), "still running: the queries are being sent");
            assertEquals(1, tasks.waiting());
            tasks.runAll();
            assertFalse(verify.runningProperty().get());
            assertNotEquals(VerifyViewModel.Outcome.NONE, verify.outcome());
            assertNotEquals(VerifyViewModel.Outcome.NO_CAPTURE, verify.outcome(), verify.headlineProperty().get());
            assertEquals(2, captures.size());
        }

        @Test
        @DisplayName("without capture, Verify adds what the resolver itself says of a fresh lookup; with capture it "
                + "does not ask")
        void withoutCaptureTheResolversWord() {
            denials.set(1000);
            adapter.lookupTransport = java.util.Optional.of(
                    new org.port853.platform.LookupTransport("systemd-resolved", "example.com", true));
            TrafficViewModel traffic = new TrafficViewModel(model);
            VerifyViewModel verify = new VerifyViewModel(model, traffic);
            verify.setSettle(Duration.ofMillis(10));
            verify.run();
            assertEquals(VerifyViewModel.Outcome.NO_CAPTURE, verify.outcome(), "one lookup proves nothing of the rest");
            String said = verify.headlineProperty().get();
            assertTrue(said.endsWith(". systemd-resolved itself reports that a fresh lookup of example.com just now came "
                    + "over an encrypted connection (one lookup: plaintext sent on another link is not ruled out)."), said);
            assertFalse(said.contains(".."), said);

            denials.set(0);
            adapter.calls.clear();
            verify.run();
            assertNotEquals(VerifyViewModel.Outcome.NO_CAPTURE, verify.outcome(), verify.headlineProperty().get());
            assertFalse(adapter.calls.contains("freshLookupTransport"), adapter.calls.toString());
        }

        @Test
        @DisplayName("a clean Verify while a program's own plaintext queries still count says that Verify does not "
                + "cover them, and is not shown as an all-clear")
        void cleanVerifyNamesAProgramsOwnLeak() {
            TrafficViewModel traffic = new TrafficViewModel(model);
            traffic.start();
            VerifyViewModel verify = new VerifyViewModel(model, traffic);
            verify.setSettle(Duration.ofMillis(10));
            verify.run();
            assertFalse(verify.headlineProperty().get().contains("sends its own"), verify.headlineProperty().get());
            model.evidence().bypassSeen(new LeakEvidence.Bypass(java.time.Instant.now().minusSeconds(5),
                    "python3 (4242)", "198.18.0.4"));
            verify.run();
            assertEquals(VerifyViewModel.Outcome.UNPROVEN, verify.outcome());
            assertTrue(verify.headlineProperty().get().contains("But python3 (4242) sends its own DNS queries in "
                    + "plaintext, past the system resolver"), verify.headlineProperty().get());
            assertTrue(model.evidence().leakingProperty().get(), "the program's leak still counts");
        }

        @Test
        @DisplayName("a result is not shown as today's once the settings changed after it (window walkthrough: 'all "
                + "encrypted' stayed after opportunistic mode was applied)")
        void resultGoesStaleWithNewSettings() {
            TrafficViewModel traffic = new TrafficViewModel(model);
            traffic.start();
            VerifyViewModel verify = new VerifyViewModel(model, traffic);
            verify.setSettle(Duration.ofMillis(10));
            verify.run();
            assertNotEquals(VerifyViewModel.Outcome.NONE, verify.outcome());
            model.evidence().settingsChanged(java.time.Instant.now().minusSeconds(60));
            assertNotEquals(VerifyViewModel.Outcome.NONE, verify.outcome(), "a change from before the Verify");
            model.evidence().settingsChanged(java.time.Instant.now().plusMillis(1));
            assertEquals(VerifyViewModel.Outcome.NONE, verify.outcome());
            assertTrue(verify.headlineProperty().get().startsWith("The settings have changed since the last Verify"),
                    verify.headlineProperty().get());
            assertTrue(verify.details().isEmpty());
        }

        @Test
        @DisplayName("a query the resolver gave up on is said in the window's language (German walkthrough: English "
                + "'REFUSED from the resolver')")
        void resolverGaveUpInGerman() throws Exception {
            QuerySender refusing = stub((n, timeout) -> new QueryOutcome(n, false, "REFUSED", Duration.ofMillis(3),
                    "REFUSED from the resolver"));
            for (String d : germanVerifyDetails(refusing)) {
                assertTrue(d.endsWith("keine Antwort: REFUSED (der Resolver hat aufgegeben, oder ein Server dahinter hat abgelehnt)"), d);
            }
        }

        @Test
        @DisplayName("a leaked test query whose sending socket was not found says so in the window's language (German "
                + "walkthrough in a rig: 'von uid 0 (root) → unknown'), on Verify and in Traffic's Process column")
        void unknownSenderInGerman() throws Exception {
            QuerySender leaking = new QuerySender() {
                @Override public String target() { return "127.0.0.53:53"; }

                @Override
                public List<QueryOutcome> send(List<String> names, Duration timeout) {
                    for (String n : names) {
                        captures.get(captures.size() - 1).leaks.add(new LeakRecord(Instant.now(), "eth0",
                                "198.18.121.4", n, "A", "uid 0 (root) → " + LeakRecord.UNKNOWN_PROGRAM));
                    }
                    return names.stream().map(n -> new QueryOutcome(n, true, "NOERROR", Duration.ofMillis(3), null))
                            .toList();
                }
            };
            for (String d : germanVerifyDetails(leaking)) {
                assertTrue(d.contains(", von uid 0 (root) → unbekannt · "), d);
            }
            LeakRecord r = new LeakRecord(Instant.now(), "eth0", "198.18.121.4", "leak.example", "A",
                    "dig (812) → " + LeakRecord.UNKNOWN_PROGRAM);
            assertEquals("dig (812) → unbekannt", I18n.in(java.util.Locale.GERMAN,
                    () -> new TrafficViewModel(model).processOf(r)));
        }

        /** The lines of a Verify in German whose queries {@code sender} answers. */
        private List<String> germanVerifyDetails(QuerySender sender) throws Exception {
            AppModel m = new AppModel(services(sender), tasks);
            TrafficViewModel traffic = new TrafficViewModel(m);
            traffic.start();
            VerifyViewModel verify = new VerifyViewModel(m, traffic);
            verify.setSettle(Duration.ofMillis(10));
            List<String> details = I18n.in(java.util.Locale.GERMAN, () -> {
                verify.run();
                return List.copyOf(verify.details());
            });
            assertFalse(details.isEmpty());
            return details;
        }

        @Test
        @DisplayName("a stopped resolver's stub is said in the window's language (German walkthrough: English 'nothing "
                + "listens on 127.0.0.53:53 …' quoted as the system's words)")
        void stubWhereNothingListensInGerman() throws Exception {
            QuerySender unheard = stub((n, timeout) -> new QueryOutcome(n, false, null, Duration.ofMillis(3),
                    "nothing listens on 127.0.0.53:53, the stub of systemd-resolved: is systemd-resolved running?",
                    "127.0.0.53:53"));
            for (String d : germanVerifyDetails(unheard)) {
                assertTrue(d.endsWith("keine Antwort: An 127.0.0.53:53 lauscht nichts, dem Stub von systemd-resolved: "
                        + "Läuft systemd-resolved?"), d);
            }
        }

        @Test
        @DisplayName("a probe that fails is reported, and Verify can run again")
        void failure() throws Exception {
            QuerySender broken = new QuerySender() {
                @Override public String target() { return "127.0.0.53:53"; }

                @Override
                public List<QueryOutcome> send(List<String> names, Duration timeout) {
                    throw new IllegalStateException("no route to the stub");
                }
            };
            AppModel m = new AppModel(services(broken), tasks);
            TrafficViewModel traffic = new TrafficViewModel(m);
            traffic.start();
            VerifyViewModel verify = new VerifyViewModel(m, traffic);
            verify.setSettle(Duration.ofMillis(10));
            verify.run();
            assertFalse(verify.runningProperty().get());
            assertEquals(I18n.t("verify.failed", "no route to the stub"), verify.headlineProperty().get());
            int before = tasks.executed();
            verify.run();
            assertEquals(before + 2, tasks.executed(), "not stuck in 'running': the Verify, then the state read again");
        }
    }

    @Nested
    @DisplayName("Status")
    class Status {
        org.port853.ui.apply.ApplyViewModel apply;
        org.port853.ui.status.StatusViewModel status;

        @BeforeEach
        void create() {
            adapter.delayMs = 0;
            apply = new org.port853.ui.apply.ApplyViewModel(model);
            status = new org.port853.ui.status.StatusViewModel(model, apply);
            apply.setOnFinished(status::resync);
        }

        @Test
        @DisplayName("while the state is read: Reading, no action offered, the switch not usable")
        void reading() {
            tasks.hold();
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.READING, status.stateProperty().get());
            assertFalse(status.protectOfferedProperty().get());
            assertFalse(status.switchUsableProperty().get());
            assertTrue(status.refreshingProperty().get());
            tasks.runAll();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
            assertFalse(status.refreshingProperty().get());
        }

        @Test
        @DisplayName("the switch on a plaintext resolver: Off, and flipping it previews Protect; cancelling changes nothing")
        void honestSwitch() {
            adapter.state = Fakes.plaintextState(null);
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_ENCRYPTED, status.stateProperty().get());
            assertFalse(status.switchOnProperty().get());
            assertTrue(status.switchUsableProperty().get());
            assertTrue(status.protectOfferedProperty().get());
            status.switchOnProperty().set(true); // what the view does when the user flips it
            status.switchFlipped(true);
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, apply.phaseProperty().get());
            assertTrue(apply.diffProperty().get().contains("DNSOverTLS=yes"), apply.diffProperty().get());
            assertFalse(status.switchUsableProperty().get(), "not usable while a change is open");
            apply.close();
            assertFalse(status.switchOnProperty().get(), "the switch shows the real state again");
            assertEquals(List.of(), adapter.applied, "nothing applied");
        }

        /** Protect, confirmed in its preview, and its result closed. */
        private void protectConfirmed() {
            status.protect();
            apply.confirm();
            apply.close();
        }

        @Test
        @DisplayName("deleting the custom provider the system uses renames its servers on Status at once "
                + "(window walkthrough: the deleted name stayed until the next state change)")
        void deletedProviderNoLongerNamed() {
            org.port853.core.Provider rig = new org.port853.core.Provider("rig", "Rig", List.of("198.18.0.53"),
                    List.of(), "dot.rig.test", null, org.port853.core.Filtering.NONE, null, null, null, true);
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("198.18.0.53#dot.rig.test")), true);
            model.refresh();
            assertEquals("198.18.0.53 (dot.rig.test)", status.providersProperty().get());
            model.catalogue().add(rig); // saved as a custom provider after the state was read
            assertTrue(status.providersProperty().get().contains("Rig"), status.providersProperty().get());
            model.catalogue().remove(rig);
            assertFalse(status.providersProperty().get().contains("Rig"), status.providersProperty().get());
            assertTrue(status.providersProperty().get().contains("198.18.0.53"), status.providersProperty().get());
        }

        @Test
        @DisplayName("encryption turned off (its servers removed) and on again: Protect proposes the providers it had, "
                + "not the recommended ones (window walkthrough: the user's own provider was forgotten)")
        void offThenOnKeepsTheProviders() {
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("1.1.1.1#cloudflare-dns.com")), true);
            model.refresh();
            adapter.state = Fakes.plaintextState(null); // after a revert: no servers of its own
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_ENCRYPTED, status.stateProperty().get());
            assertTrue(status.protectOfferedProperty().get());
            assertTrue(status.protectTextProperty().get().contains("Cloudflare"), status.protectTextProperty().get());
            assertEquals(0, model.draftChangesProperty().get(), "the draft is what turning it on applies");
        }

        @Test
        @DisplayName("encryption turned off, the window closed and opened again: Protect proposes the providers "
                + "encryption last used, kept in the config folder, not the recommended ones")
        void providersKeptAcrossARestart() throws Exception {
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("1.1.1.1#cloudflare-dns.com")), true);
            model.refresh();
            adapter.state = Fakes.plaintextState(null); // reverted, then the window closed
            AppModel reopened = new AppModel(model.services(), tasks);
            org.port853.ui.status.StatusViewModel reopenedStatus = new org.port853.ui.status.StatusViewModel(reopened,
                    new org.port853.ui.apply.ApplyViewModel(reopened));
            reopened.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_ENCRYPTED, reopenedStatus.stateProperty().get());
            assertTrue(reopenedStatus.protectTextProperty().get().contains("Cloudflare"),
                    reopenedStatus.protectTextProperty().get());
            assertFalse(reopenedStatus.protectTextProperty().get().contains("Quad9"),
                    reopenedStatus.protectTextProperty().get());
            assertEquals(List.of("1.1.1.1#cloudflare-dns.com"), java.nio.file.Files.readAllLines(
                    model.services().configDir().resolve("last-encrypted-servers")));
        }

        @Test
        @DisplayName("a provider of one's own deleted after encryption used it is not proposed again, also not after a "
                + "restart: the recommended ones are")
        void deletedProviderIsNotProposedAgain() throws Exception {
            org.port853.core.Provider rig = new org.port853.core.Provider("rig", "Rig", List.of("198.18.0.53"),
                    List.of(), "dot.rig.test", null, org.port853.core.Filtering.NONE, null, null, null, true);
            model.services().providers().saveCustom().accept(rig);
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("198.18.0.53#dot.rig.test")), true);
            model.refresh();
            adapter.state = Fakes.plaintextState(null); // turned off
            model.refresh();
            assertTrue(status.protectTextProperty().get().contains("Rig"), status.protectTextProperty().get());
            model.services().providers().removeCustom().accept(rig.id());
            model.showDeletedProvider(rig);
            AppModel reopened = new AppModel(model.services(), tasks);
            org.port853.ui.status.StatusViewModel reopenedStatus = new org.port853.ui.status.StatusViewModel(reopened,
                    new org.port853.ui.apply.ApplyViewModel(reopened));
            reopened.refresh();
            assertFalse(reopenedStatus.protectTextProperty().get().contains("198.18.0.53"),
                    reopenedStatus.protectTextProperty().get());
            assertTrue(reopenedStatus.protectTextProperty().get().contains("Quad9"),
                    reopenedStatus.protectTextProperty().get());
        }

        @Test
        @DisplayName("servers kept from before a restart that a hand edit spoiled: the good lines count, the rest is "
                + "left out")
        void keptServersReadLeniently() throws Exception {
            java.nio.file.Files.writeString(model.services().configDir().resolve("last-encrypted-servers"),
                    "not a server\n\n1.1.1.1#cloudflare-dns.com\n");
            adapter.state = Fakes.plaintextState(null);
            model.refresh();
            assertTrue(status.protectTextProperty().get().contains("Cloudflare"), status.protectTextProperty().get());
        }

        @Test
        @DisplayName("a Verify that gets no answer through a protected-looking resolver turns the state to Not working "
                + "(said once: the resolver's own lookup after it says it with why); an answered Verify or changed "
                + "settings end it")
        void unansweredVerifyIsNotWorking() throws Exception {
            java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
            QuerySender upstream = stub((n, timeout) -> refuse.get()
                    ? new QueryOutcome(n, false, "SERVFAIL", Duration.ofMillis(3), "SERVFAIL from the resolver")
                    : new QueryOutcome(n, true, "NXDOMAIN", Duration.ofMillis(3), null));
            AppModel m = new AppModel(services(upstream), tasks);
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(m);
            org.port853.ui.status.StatusViewModel status = new org.port853.ui.status.StatusViewModel(m, apply);
            m.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
            TrafficViewModel traffic = new TrafficViewModel(m);
            traffic.start();
            VerifyViewModel verify = new VerifyViewModel(m, traffic);
            verify.setSettle(Duration.ofMillis(10));
            adapter.lookupFails = "example.com: no answer"; // the resolver's own lookup finds the same as Verify
            verify.run();
            assertEquals(VerifyViewModel.Outcome.NO_ANSWERS, verify.outcome(), verify.headlineProperty().get());
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertEquals(org.port853.probe.Verifier.DEFAULT_QUERIES, m.evidence().unansweredProperty().get().queries());
            // the re-read after Verify asks the resolver itself: that newer lookup says it, with why, and only once
            assertEquals("NAMES_UNRESOLVED", status.reasons().get(0).reason().code());
            assertEquals(1, status.reasons().stream().filter(r -> r.message().startsWith("Names do not resolve")).count(),
                    "one 'names do not resolve', not two: " + status.reasons());

            refuse.set(false);
            adapter.lookupFails = null;
            verify.run();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get(), "an answered Verify is newer");
            assertTrue(status.reasons().stream().noneMatch(r -> r.reason().code().equals("VERIFY_UNANSWERED")));

            refuse.set(true);
            adapter.lookupFails = "example.com: no answer";
            verify.run();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            m.evidence().leakSeen(java.time.Instant.now());
            assertTrue(m.evidence().leakingProperty().get());
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get(),
                    "a leak seen meanwhile does not hide that nothing resolves");
            adapter.lookupFails = null; // the new settings' servers answer
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("198.18.0.9#other.test")), true);
            m.refresh();
            assertNull(m.evidence().unansweredProperty().get(), "measured under settings that are gone");
            assertEquals(org.port853.ui.status.ProtectionState.LEAKING, status.stateProperty().get(),
                    "the leak came after the change began: it still counts");
        }

        @Test
        @DisplayName("a Verify that got no answer because no DNS server is configured anywhere says so, with Status's "
                + "reason and its fix (Protect my DNS), in English and German, not 'a server behind it refused' "
                + "(outside test)")
        void unansweredVerifyWithoutAnyServerSaysWhy() throws Exception {
            QuerySender stubRefuses = stub((n, timeout) -> new QueryOutcome(n, false, "REFUSED", Duration.ofMillis(1),
                    "REFUSED through the resolver (it gave up, or a server behind it refused)"));
            org.port853.core.ResolverState off = Fakes.plaintextState(null);
            adapter.state = new org.port853.core.ResolverState(off.resolverName(), off.source(), true, true,
                    off.global(), List.of(),
                    null, null, off.platform()); // no link has servers either
            AppModel m = new AppModel(services(stubRefuses), tasks);
            m.refresh();
            TrafficViewModel traffic = new TrafficViewModel(m);
            traffic.start();
            for (java.util.Locale language : List.of(java.util.Locale.ENGLISH, java.util.Locale.GERMAN)) {
                VerifyViewModel verify = new VerifyViewModel(m, traffic);
                verify.setSettle(Duration.ofMillis(10));
                org.port853.ui.common.I18n.in(language, () -> {
                    verify.run();
                    return null;
                });
                assertEquals(VerifyViewModel.Outcome.NO_ANSWERS, verify.outcome());
                String said = org.port853.ui.common.I18n.in(language, () -> org.port853.ui.common.I18n.withDetails(
                        "reason.NO_SERVERS", List.of("", "", "", "0")));
                assertTrue(verify.headlineProperty().get().endsWith(said), verify.headlineProperty().get());
                assertTrue(verify.fixOfferedProperty().get(), "Protect my DNS gives it servers");
                assertFalse(verify.whyProperty().get().isEmpty());
                assertTrue(verify.details().stream().noneMatch(d -> d.contains("refused") || d.contains("abgelehnt")),
                        verify.details().toString());
            }
        }

        @Test
        @DisplayName("a Verify that got no answer (the resolver hung: SIGSTOP) ends when the resolver's own lookup "
                + "answers again, on Refresh or the next re-read: the state follows what is measured now, not the "
                + "last Verify")
        void unansweredVerifyEndsWhenTheResolverAnswersAgain() throws Exception {
            QuerySender silent = stub((n, timeout) -> new QueryOutcome(n, false, null, timeout, "Query timed out"));
            AppModel m = new AppModel(services(silent), tasks);
            org.port853.ui.status.StatusViewModel status = new org.port853.ui.status.StatusViewModel(m,
                    new org.port853.ui.apply.ApplyViewModel(m));
            m.refresh();
            TrafficViewModel traffic = new TrafficViewModel(m);
            traffic.start();
            VerifyViewModel verify = new VerifyViewModel(m, traffic);
            verify.setSettle(Duration.ofMillis(10));
            adapter.lookupFails = "example.com: no answer"; // hung: nothing answers
            verify.run();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertEquals(1, status.reasons().stream().filter(r -> r.message().startsWith("Names do not resolve")).count(),
                    "the Verify and the lookup after it say one thing: " + status.reasons());

            adapter.lookupFails = null; // kill -CONT: it answers again
            Thread.sleep(5); // the lookup is asked after the Verify began
            int asked = adapter.lookups.get();
            m.reread();
            assertEquals(asked + 1, adapter.lookups.get(), "while a Verify's failure stands, a re-read asks again");
            assertNull(m.evidence().unansweredProperty().get());
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get(),
                    "no Verify needed once names resolve again");

            adapter.lookupFails = "example.com: no answer";
            verify.run();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            adapter.lookupFails = null;
            Thread.sleep(5);
            m.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get(),
                    "a Refresh that reads a healthy resolver ends it");
        }

        @Test
        @DisplayName("where the resolver's lookup cannot skip its cache (systemd before 248), a Verify that got no answer "
                + "is not asked after again at every re-read: a cached answer cannot end it")
        void unansweredVerifyIsNotAskedAfterWhereOnlyTheCacheAnswers() throws Exception {
            QuerySender silent = stub((n, timeout) -> new QueryOutcome(n, false, null, timeout, "Query timed out"));
            adapter.pastCache = false;
            AppModel m = new AppModel(services(silent), tasks);
            m.refresh();
            TrafficViewModel traffic = new TrafficViewModel(m);
            traffic.start();
            VerifyViewModel verify = new VerifyViewModel(m, traffic);
            verify.setSettle(Duration.ofMillis(10));
            verify.run();
            assertNotNull(m.evidence().unansweredProperty().get());
            m.reread(); // asks once: it does not know yet what the resolver's answer is worth
            int asked = adapter.lookups.get();
            m.reread();
            m.reread();
            assertEquals(asked, adapter.lookups.get(), "no lookup at every re-read that could never end it");
            assertNotNull(m.evidence().unansweredProperty().get(), "a cached answer does not end it");
        }

        @Test
        @DisplayName("a Verify through a stopped resolver does not add Not working: the state already says stopped, and "
                + "starting it again must not leave a stale failure")
        void unansweredThroughStoppedResolver() throws Exception {
            QuerySender silent = stub((n, timeout) -> new QueryOutcome(n, false, null, timeout, "timed out"));
            adapter.state = Fakes.unavailableState();
            AppModel m = new AppModel(services(silent), tasks);
            org.port853.ui.status.StatusViewModel status = new org.port853.ui.status.StatusViewModel(m,
                    new org.port853.ui.apply.ApplyViewModel(m));
            m.refresh();
            TrafficViewModel traffic = new TrafficViewModel(m);
            traffic.start();
            VerifyViewModel verify = new VerifyViewModel(m, traffic);
            verify.setSettle(Duration.ofMillis(10));
            verify.run();
            assertNull(m.evidence().unansweredProperty().get());
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true);
            m.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
        }

        @Test
        @DisplayName("a server in use whose DNS-over-TLS just failed (a probe found its port 853 silent) is not what "
                + "Protect sets in strict mode: the recommended providers without it are, and the Protect row and the "
                + "preview say why; a later probe it passes ends that")
        void protectSkipsAServerWhoseTlsJustFailed() {
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            adapter.state = Fakes.state(new org.port853.core.GlobalState(List.of(quad9), List.of(), quad9,
                    org.port853.core.DotMode.OPPORTUNISTIC, org.port853.core.DnssecMode.NO, true,
                    List.of(new org.port853.core.DomainEntry(".", true)), "yes", "stub"), null);
            model.refresh();
            String proposed = status.protectTextProperty().get();
            assertTrue(proposed.startsWith("Strict mode with Quad9 (malware blocking) for every domain"), proposed);

            model.tlsFailures().checked(List.of(Check.failure("dot.reachable", quad9.toString(), "TCP 9.9.9.9:853 got "
                    + "no answer within the timeout.", "Try from another network.").says("dot.reachable.timeout",
                    "9.9.9.9:853")));
            String said = status.protectTextProperty().get();
            assertTrue(said.startsWith("Strict mode with Mullvad DNS for every domain"), said);
            assertTrue(said.endsWith(" Quad9 (malware blocking) is not used: its encrypted port did not answer just now."), said);

            status.protect();
            tasks.runAll();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, apply.phaseProperty().get());
            assertTrue(apply.plainSummaryProperty().get().endsWith("\nQuad9 (malware blocking) is not used: its encrypted port did not "
                    + "answer just now."), apply.plainSummaryProperty().get());
            apply.confirm();
            tasks.runAll();
            org.port853.core.DesiredSettings set = adapter.applied.get(adapter.applied.size() - 1);
            assertTrue(set.servers().stream().noneMatch(a -> a.addressText().equals("9.9.9.9")), set.servers().toString());
            assertFalse(set.servers().isEmpty());
            apply.close();

            adapter.state = Fakes.state(new org.port853.core.GlobalState(List.of(quad9), List.of(), quad9,
                    org.port853.core.DotMode.OPPORTUNISTIC, org.port853.core.DnssecMode.NO, true,
                    List.of(new org.port853.core.DomainEntry(".", true)), "yes", "stub"), null);
            model.refresh();
            model.tlsFailures().checked(List.of(Check.ok("dot.reachable", quad9.toString(), "TCP connected.")));
            assertEquals(proposed, status.protectTextProperty().get());
        }

        @Test
        @DisplayName("a lookup that came back without encryption from the one global server in opportunistic mode keeps "
                + "Protect from proposing that server in strict mode (window walkthrough: 198.18.0.4 with port 853 "
                + "closed was proposed); with two servers it is not known which fell back")
        void protectSkipsTheOneServerThatFellBack() {
            ServerAddress closed = ServerAddress.parse("198.18.0.4#dot.test");
            org.port853.core.Assessment fellBack = new org.port853.core.Assessment(
                    org.port853.core.Verdict.NOT_ENCRYPTED, List.of(new org.port853.core.Reason("DOT_DOWNGRADED",
                    org.port853.core.Severity.UNENCRYPTED, "Opportunistic mode fell back to plaintext.", "Use strict mode.",
                    List.of("example.com", "0"))));
            org.port853.ui.TlsFailures two = new org.port853.ui.TlsFailures();
            two.assessed(fellBack, Fakes.strictState(List.of(closed, ServerAddress.parse("198.18.0.2#dot.test")), true));
            assertTrue(two.of(closed).isEmpty());
            adapter.state = Fakes.state(new org.port853.core.GlobalState(List.of(closed), List.of(), closed,
                    org.port853.core.DotMode.OPPORTUNISTIC, org.port853.core.DnssecMode.NO, true,
                    List.of(new org.port853.core.DomainEntry(".", true)), "yes", "stub"), null)
                    .withPlatform(new org.port853.platform.linux.LinuxDetails(252, new org.port853.core.ResolvConfState(
                            org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                            List.of("127.0.0.53")), List.of(), org.port853.platform.linux.Downgrade.lookup()));
            model.refresh();
            String said = status.protectTextProperty().get();
            assertTrue(said.startsWith("Strict mode with Quad9 (malware blocking), Mullvad DNS for every domain"), said);
            assertTrue(said.endsWith(" 198.18.0.4 · dot.test is not used: the resolver gave up encrypting queries to it "
                    + "just now."), said);
        }

        @Test
        @DisplayName("resolved's journal saying it gave up TLS with the server in use keeps Protect from proposing it")
        void protectSkipsAServerTheJournalSaysFellBack() {
            model.refresh();
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            model.tlsFailures().assessed(new org.port853.core.Assessment(org.port853.core.Verdict.NOT_ENCRYPTED, List.of(
                    new org.port853.core.Reason("DOT_DOWNGRADED_JOURNAL", org.port853.core.Severity.UNENCRYPTED,
                            "Opportunistic mode fell back to plaintext.", "Use strict mode.", List.of("resolved's journal "
                            + "says: Using degraded feature set UDP+EDNS0 instead of TLS+EDNS0 for DNS server 9.9.9.9#dns.quad9.net.")))),
                    model.stateProperty().get());
            assertTrue(model.tlsFailures().of(quad9).isPresent());
            assertTrue(status.protectTextProperty().get().startsWith("Strict mode with Mullvad DNS for every domain"),
                    status.protectTextProperty().get());
            assertTrue(status.protectTextProperty().get().endsWith(". Quad9 (malware blocking) is not used: the resolver gave up encrypting "
                    + "queries to it just now."), status.protectTextProperty().get());
        }

        /** The state with {@code servers} in use in opportunistic mode. */
        private org.port853.core.ResolverState opportunistic(ServerAddress... servers) {
            return Fakes.state(new org.port853.core.GlobalState(List.of(servers), List.of(), servers[0],
                    org.port853.core.DotMode.OPPORTUNISTIC, org.port853.core.DnssecMode.NO, true,
                    List.of(new org.port853.core.DomainEntry(".", true)), "yes", "stub"), null);
        }

        @Test
        @DisplayName("a provider whose IPv4 server passed is proposed though its IPv6 one failed: one with no route (an "
                + "IPv4-only network) is no TLS failure, and one that failed otherwise does not outweigh the pass")
        void protectKeepsAProviderWithAServerThatPassed() {
            ServerAddress v4 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            ServerAddress v6 = ServerAddress.parse("2620:fe::fe#dns.quad9.net");
            adapter.state = opportunistic(v4, v6);
            model.refresh();
            String proposed = status.protectTextProperty().get();
            assertTrue(proposed.startsWith("Strict mode with Quad9 (malware blocking) for every domain"), proposed);
            model.tlsFailures().checked(List.of(Check.ok("dot.reachable", v4.toString(), "TCP connected."),
                    Fakes.portSilent(v6, "dot.reachable.no-route")));
            assertEquals(proposed, status.protectTextProperty().get());
            model.tlsFailures().checked(List.of(Check.ok("dot.reachable", v4.toString(), "TCP connected."),
                    Fakes.portSilent(v6, "dot.reachable.timeout")));
            assertEquals(proposed, status.protectTextProperty().get());
        }

        @Test
        @DisplayName("when the recommended providers failed as well, the Protect row and the preview say so plainly "
                + "rather than proposing strict mode with them without a word")
        void protectWarnsWhenEveryProviderFailed() {
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            adapter.state = opportunistic(quad9);
            model.refresh();
            model.tlsFailures().checked(List.of(Fakes.portSilent(quad9, "dot.reachable.timeout"),
                    Fakes.portSilent(ServerAddress.parse("194.242.2.2#dns.mullvad.net"), "dot.reachable.timeout")));
            String said = status.protectTextProperty().get();
            assertTrue(said.endsWith(" " + I18n.t("protect.skipped.all")), said);
            status.protect();
            tasks.runAll();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, apply.phaseProperty().get());
            assertTrue(apply.plainSummaryProperty().get().endsWith(I18n.t("protect.skipped.all")),
                    apply.plainSummaryProperty().get());
            apply.close();
        }

        @Test
        @DisplayName("when the recommended providers' encrypted connections all just failed, Protect's preview shows "
                + "the change but cannot be confirmed, says why, and Check again begins it afresh once one passes")
        void protectIsHeldWhileEveryProviderFails(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            java.util.concurrent.atomic.AtomicBoolean reachable = new java.util.concurrent.atomic.AtomicBoolean();
            List<List<ServerAddress>> probed = new ArrayList<>();
            AppModel m = withPins(new org.port853.probe.pins.ServerPins(servers -> {
                probed.add(servers);
                return servers.stream().map(s -> reachable.get() ? Fakes.passingProbe(s)
                        : Fakes.silentProbe(s)).toList();
            }, dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC()));
            org.port853.ui.apply.ApplyViewModel a = new org.port853.ui.apply.ApplyViewModel(m);
            org.port853.ui.status.StatusViewModel s = new org.port853.ui.status.StatusViewModel(m, a);
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            adapter.state = opportunistic(quad9);
            m.refresh();
            m.tlsFailures().checked(List.of(Fakes.portSilent(quad9, "dot.reachable.timeout"),
                    Fakes.portSilent(ServerAddress.parse("194.242.2.2#dns.mullvad.net"), "dot.reachable.timeout")));
            s.protect();
            tasks.runAll();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, a.phaseProperty().get());
            assertEquals(I18n.t("protect.held"), a.heldProperty().get());
            assertTrue(a.canCheckAgain());
            a.confirm();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, a.phaseProperty().get(),
                    "strict mode with servers that just failed is not applied");

            a.checkAgain();
            tasks.runAll();
            assertTrue(probed.get(0).contains(quad9), "the providers left out are probed: " + probed);
            assertTrue(a.heldProperty().get().startsWith("Checked again at "), a.heldProperty().get());
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, a.phaseProperty().get());

            reachable.set(true);
            a.checkAgain();
            tasks.runAll();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, a.phaseProperty().get(), "begun afresh");
            assertNull(a.heldProperty().get());
            assertFalse(a.plainSummaryProperty().get().contains(I18n.t("protect.skipped.all")),
                    a.plainSummaryProperty().get());
            a.confirm();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.RESULT, a.phaseProperty().get());
        }

        @Test
        @DisplayName("a one-click fix towards strict mode whose servers' encrypted connections all just failed is held as "
                + "Protect is: its preview cannot be confirmed, and Check again begins it afresh once one passes")
        void fixTowardsFailingServersIsHeld(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            java.util.concurrent.atomic.AtomicBoolean reachable = new java.util.concurrent.atomic.AtomicBoolean();
            AppModel m = withPins(new org.port853.probe.pins.ServerPins(servers -> servers.stream()
                    .map(s -> reachable.get() ? Fakes.passingProbe(s) : Fakes.silentProbe(s)).toList(),
                    dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC()));
            org.port853.ui.apply.ApplyViewModel a = new org.port853.ui.apply.ApplyViewModel(m);
            org.port853.ui.status.StatusViewModel s = new org.port853.ui.status.StatusViewModel(m, a);
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            adapter.state = opportunistic(quad9);
            m.refresh();
            m.tlsFailures().checked(List.of(Fakes.portSilent(quad9, "dot.reachable.timeout")));
            s.fix(new org.port853.core.Reason("DOT_OPPORTUNISTIC", org.port853.core.Severity.WARNING, "", null,
                    org.port853.core.FixAction.USE_STRICT_MODE));
            tasks.runAll();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, a.phaseProperty().get());
            assertEquals(I18n.t("protect.held"), a.heldProperty().get());
            a.confirm();
            assertFalse(adapter.calls.contains("apply"), "strict mode with a server that just failed is not applied");

            a.checkAgain();
            tasks.runAll();
            assertTrue(a.heldProperty().get().startsWith("Checked again at "), a.heldProperty().get());
            reachable.set(true);
            a.checkAgain();
            tasks.runAll();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, a.phaseProperty().get(), "begun afresh");
            assertNull(a.heldProperty().get());
            a.confirm();
            assertEquals(List.of(quad9), adapter.applied.get(0).servers());
            assertEquals(org.port853.core.DotMode.STRICT, adapter.applied.get(0).mode());
        }

        @Test
        @DisplayName("a change's pins recorded just after it (a handshake that showed the server's key) end that "
                + "server's failure: Protect proposes it again at once, not 15 minutes later")
        void pinsRecordedAfterAChangeEndAFailure(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            AppModel m = withPins(new org.port853.probe.pins.ServerPins(servers -> servers.stream().map(Fakes::passingProbe)
                    .toList(), dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC()));
            org.port853.ui.apply.ApplyViewModel a = new org.port853.ui.apply.ApplyViewModel(m);
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            adapter.state = opportunistic(quad9);
            m.refresh();
            m.tlsFailures().checked(List.of(Fakes.portSilent(quad9, "dot.reachable.timeout")));
            a.beginApplyOrExplain(() -> new org.port853.core.DesiredSettings(List.of(quad9),
                    org.port853.core.DotMode.STRICT, null, true, List.of()));
            tasks.runAll();
            a.confirm();
            tasks.runAll();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.RESULT, a.phaseProperty().get());
            assertTrue(m.tlsFailures().of(quad9).isEmpty(), "its key was shown: " + a.pinsTextProperty().get());
        }

        @Test
        @DisplayName("the Protect row stops leaving a server out once its failure is 15 minutes old, at the next "
                + "re-read of the state (the window re-reads every 10 s), as Protect itself does")
        void protectRowFollowsAnExpiredFailure() throws Exception {
            MovableClock clock = new MovableClock();
            AppModel m = new AppModel(services(new Fakes.AnsweringProbe()), tasks, new TlsFailures(clock));
            org.port853.ui.status.StatusViewModel s = new org.port853.ui.status.StatusViewModel(m,
                    new org.port853.ui.apply.ApplyViewModel(m));
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            adapter.state = opportunistic(quad9);
            m.refresh();
            String proposed = s.protectTextProperty().get();
            m.tlsFailures().checked(List.of(Fakes.portSilent(quad9, "dot.reachable.timeout")));
            assertTrue(s.protectTextProperty().get().startsWith("Strict mode with Mullvad DNS"),
                    s.protectTextProperty().get());
            clock.advance(TlsFailures.STANDS.plusSeconds(5));
            m.reread();
            assertEquals(proposed, s.protectTextProperty().get());
        }

        @Test
        @DisplayName("after Protect's change was rolled back, Protect says so and offers it again as a retry, until one takes")
        void protectRemembersItsFailure() {
            adapter.state = Fakes.plaintextState(null);
            model.refresh();
            String fresh = status.protectTextProperty().get();
            assertEquals("_Protect my DNS", status.protectLabelProperty().get());
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.ROLLED_BACK,
                    "resolving example.com failed: All attempts to contact name servers or networks failed");
            protectConfirmed();
            assertTrue(status.protectOfferedProperty().get(), "the change can be tried again");
            assertEquals("_Protect my DNS again", status.protectLabelProperty().get());
            String said = status.protectTextProperty().get();
            assertTrue(said.startsWith("Tried at ") && said.contains("Rolled back: resolving example.com failed"), said);

            // another change (other providers) is not the one that failed
            model.chosen().setAll(model.catalogue().stream().filter(p -> p.displayName().startsWith("Mullvad")).toList());
            assertEquals("_Protect my DNS", status.protectLabelProperty().get());
            assertNotEquals(said, status.protectTextProperty().get());
            model.chosen().clear();
            assertEquals("_Protect my DNS again", status.protectLabelProperty().get(), "the failed one is remembered");

            // refused, or failed before any step (the password dialog closed, as pkexec reports it): the change was not
            // tried, so still the earlier failure
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.REFUSED, "dismissed");
            protectConfirmed();
            assertEquals("_Protect my DNS again", status.protectLabelProperty().get());
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.FAILED,
                    org.port853.core.Sentence.of("the password dialog was closed without authorizing; nothing was changed",
                            "result.auth-dismissed")); // as PrivilegedClient says it
            protectConfirmed();
            assertEquals(said, status.protectTextProperty().get(), "the rollback is what Status still tells");
            // a failure of the change itself before any step (a write refused) was tried: it is what Status tells now
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.FAILED,
                    "could not write /etc/systemd/resolved.conf.d/zz-port853.conf: read-only file system; nothing was changed");
            protectConfirmed();
            assertTrue(status.protectTextProperty().get().contains("read-only file system"), status.protectTextProperty().get());

            adapter.nextApply = null; // this time it takes
            protectConfirmed();
            adapter.state = Fakes.plaintextState(null); // reverted elsewhere later
            model.refresh();
            assertEquals("_Protect my DNS", status.protectLabelProperty().get());
            assertEquals(fresh, status.protectTextProperty().get());
        }

        @Test
        @DisplayName("the Protect row's place is kept while the state is read, not after a reading failed, nor when "
                + "Protect is not offered")
        void protectPlaceKeptOnlyWhileReading() {
            tasks.hold();
            model.refresh();
            assertTrue(status.protectPlaceKeptProperty().get(), "reading");
            tasks.runAll();
            assertFalse(status.protectPlaceKeptProperty().get(), "protected: no Protect, no gap");
            adapter.readFailure = new IllegalStateException("the bus hung up");
            org.port853.ui.AppModel fresh = new org.port853.ui.AppModel(model.services(), tasks);
            org.port853.ui.status.StatusViewModel failing = new org.port853.ui.status.StatusViewModel(fresh,
                    new org.port853.ui.apply.ApplyViewModel(fresh));
            fresh.refresh();
            tasks.runAll();
            assertEquals(org.port853.ui.status.ProtectionState.READING, failing.stateProperty().get());
            assertFalse(failing.protectPlaceKeptProperty().get(), "no empty gap under the reading error");
        }

        @Test
        @DisplayName("a failed Protect is forgotten once the system has its settings, however they got there")
        void protectFailureForgottenWhenInPlace() {
            adapter.state = Fakes.plaintextState(null);
            model.refresh();
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.ROLLED_BACK,
                    "no server answered");
            status.protect();
            apply.confirm();
            apply.close();
            assertEquals("_Protect my DNS again", status.protectLabelProperty().get());
            org.port853.core.DesiredSettings failed = apply.lastFailureProperty().get().settings();
            adapter.state = Fakes.strictState(failed.servers(), true); // e.g. `port853 apply` in a terminal
            model.refresh();
            assertNull(apply.lastFailureProperty().get());
            adapter.state = Fakes.plaintextState(null); // and reverted again later
            model.refresh();
            assertEquals("_Protect my DNS", status.protectLabelProperty().get());
        }

        @Test
        @DisplayName("Protect leaves out a server in use that has no TLS name (it cannot be strict) instead of refusing")
        void protectSkipsUnnamedServerInUse() {
            ServerAddress bare = ServerAddress.parse("192.0.2.53");
            adapter.state = Fakes.state(new org.port853.core.GlobalState(List.of(bare), List.of(), bare,
                    org.port853.core.DotMode.OPPORTUNISTIC, org.port853.core.DnssecMode.NO, true, List.of(), "yes", "stub"), null);
            model.refresh();
            assertEquals(List.of("192.0.2.53"), model.chosen().stream().map(org.port853.core.Provider::displayName).toList());
            status.protect();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, apply.phaseProperty().get(), apply.summaryProperty().get());
            assertTrue(apply.diffProperty().get().contains("dns.quad9.net"), apply.diffProperty().get());
            // pkexec asks for a password; run as root (the tests here are, on CI), the helper runs without it
            assertEquals(!org.port853.core.Privileges.isRoot(), apply.summaryProperty().get().contains("password"),
                    apply.summaryProperty().get());
            apply.close();
        }

        @Test
        @DisplayName("settings that look right while the resolver's own lookup fails are 'Not working', as status says; "
                + "the re-reads ask again while it fails, and not once it answers")
        void namesThatDoNotResolveAreNotProtected() {
            adapter.lookupFails = "example.com: All attempts to contact name servers or networks failed";
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertTrue(status.reasons().stream().anyMatch(r -> r.reason().code().equals("NAMES_UNRESOLVED")));
            int asked = adapter.lookups.get();
            model.reread();
            assertEquals(asked + 1, adapter.lookups.get(), "a re-read after a failed lookup asks again");
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            adapter.lookupFails = null; // the servers answer again
            model.reread();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get(),
                    "no Refresh needed once names resolve again");
            asked = adapter.lookups.get();
            model.reread();
            assertEquals(asked, adapter.lookups.get(), "after an answer, a re-read sends no query");
            adapter.lookupFails = "example.com: All attempts to contact name servers or networks failed";
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("9.9.9.10#dns.quad9.net")), true);
            tasks.hold();
            model.reread();
            tasks.runNext(); // the reading; its lookup waits
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get(),
                    "other settings: the old lookup says nothing about them");
            tasks.runAll(); // their own lookup fails too
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            adapter.lookupFails = null;
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
        }

        @Test
        @DisplayName("servers that stop answering under the same settings (port 853 blocked, the provider down) are "
                + "'Not working' without a Refresh: a re-read asks again once the last answer is a minute old")
        void answeredLookupIsAskedAgainAfterAMinute() {
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
            int asked = adapter.lookups.get();
            adapter.lookupFails = "example.com: All attempts to contact name servers or networks failed";
            model.reread();
            assertEquals(asked, adapter.lookups.get(), "an answer younger than a minute is kept: no query");
            model.keepLookupAnswersFor(java.time.Duration.ZERO);
            model.reread();
            assertEquals(asked + 1, adapter.lookups.get(), "the answer has aged: asked again");
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
        }

        @Test
        @DisplayName("an interrupted change whose settings do not resolve is 'Not working', not only 'At risk': the "
                + "resolver's own lookup is made beside the interruption")
        void interruptedChangeThatDoesNotResolveIsNotWorking() {
            org.port853.core.GlobalState g = Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true).global();
            adapter.state = Fakes.state(g, new org.port853.core.PendingChange("a",
                    java.time.Instant.parse("2026-12-04T10:00:00Z"), "DNS-over-TLS strict", false));
            adapter.lookupFails = "example.com: All attempts to contact name servers or networks failed";
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertTrue(status.reasons().stream().anyMatch(r -> r.reason().code().equals("NAMES_UNRESOLVED")));
            adapter.lookupFails = null;
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.AT_RISK, status.stateProperty().get(),
                    "names resolve: the interruption alone is At risk");
        }

        @Test
        @DisplayName("settings changed outside Port853 (a drop-in and a restart) are looked up again by the next "
                + "re-read: names that stopped resolving are 'Not working' without a Refresh")
        void settingsChangedElsewhereAreLookedUpAgain() {
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
            int asked = adapter.lookups.get();
            adapter.lookupFails = "example.com: DNSSEC validation failed: no-signature";
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("9.9.9.10#dns.quad9.net")), true);
            model.reread();
            assertEquals(asked + 1, adapter.lookups.get(), "other settings: asked again");
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertTrue(status.reasons().stream().anyMatch(r -> r.reason().code().equals("DNSSEC_VALIDATION_FAILED")),
                    "the cause named: DNSSEC");
        }

        @Test
        @DisplayName("a change another process is making now offers no Recover; an interrupted one does")
        void changeInProgressIsNoInterruptedOne() {
            java.time.Instant at = java.time.Instant.parse("2026-12-04T10:00:00Z");
            adapter.state = Fakes.plaintextState(new org.port853.core.PendingChange("a", at, "revert", true));
            model.refresh();
            assertNull(status.pendingProperty().get(), "under way: nothing to recover");
            adapter.state = Fakes.plaintextState(new org.port853.core.PendingChange("a", at, "revert", false));
            model.refresh();
            assertNotNull(status.pendingProperty().get());
        }

        @Test
        @DisplayName("an interrupted revert whose recovery waits on a named pipe among resolved's settings: the banner's "
                + "Recover is not offered (it would only be refused), the reason says what to move first")
        void recoverWaitingOnAPipeIsNotOffered() {
            java.time.Instant at = java.time.Instant.parse("2026-12-04T10:00:00Z");
            org.port853.core.ResolverState plain = Fakes.plaintextState(new org.port853.core.PendingChange("a", at,
                    org.port853.change.ChangeRecord.REVERT, false));
            org.port853.platform.linux.LinuxDetails d = (org.port853.platform.linux.LinuxDetails) plain.platform();
            adapter.state = plain.withPlatform(new org.port853.platform.linux.LinuxDetails(252, d.resolvConf(),
                    List.of(), null, true, null, false, null, null, "/etc/systemd/resolved.conf", null, false, null,
                    false, "/run/systemd/resolved.conf.d/zz-port853.conf", null));
            model.refresh();
            assertNotNull(status.pendingProperty().get());
            assertTrue(status.recoverRefusedProperty().get());
            adapter.state = plain;
            model.refresh();
            assertFalse(status.recoverRefusedProperty().get(), "without the pipe it can be recovered");
        }

        @Test
        @DisplayName("without a resolver the switch says why and which command fixes it")
        void blockedSwitch() {
            adapter.state = Fakes.unavailableState();
            model.refresh();
            assertFalse(status.switchUsableProperty().get());
            assertNotNull(status.blockedReasonProperty().get());
            assertEquals(org.port853.platform.RootAdvice.forThisUser("sudo apt install systemd-resolved"),
                    status.blockedCommandProperty().get(), "a command to copy into a terminal, as this user types it");
            assertEquals(org.port853.ui.status.ProtectionState.RESOLVER_MISSING, status.stateProperty().get());
            model.evidence().leakSeen(Instant.now());
            assertEquals(org.port853.ui.status.ProtectionState.RESOLVER_MISSING_LEAKING, status.stateProperty().get());
        }

        @Test
        @DisplayName("on Windows a state that cannot be read offers no Linux command and no D-Bus advice")
        void windowsUnreadableSaysNoLinuxCommand() {
            adapter.rules = new org.port853.platform.windows.WindowsRules();
            adapter.state = org.port853.platform.windows.WindowsStates.unreadable("the DNS client did not answer", null);
            I18n.in(java.util.Locale.ENGLISH, () -> {
                model.refresh();
                return null;
            });
            assertFalse(status.switchUsableProperty().get());
            assertNull(status.blockedCommandProperty().get());
            String reason = status.blockedReasonProperty().get();
            assertTrue(reason.contains("the DNS client did not answer") && reason.contains("resolver service answers")
                    && !reason.contains("D-Bus") && !reason.contains("resolvectl"), reason);
        }

        @Test
        @DisplayName("opportunistic mode seen falling back: the switch says so, not 'On · opportunistic' alone")
        void switchSaysTheFallback() {
            var g = new org.port853.core.GlobalState(List.of(ServerAddress.parse("198.18.0.4#dot.test")), List.of(), null,
                    org.port853.core.DotMode.OPPORTUNISTIC, org.port853.core.DnssecMode.NO, false,
                    List.of(new org.port853.core.DomainEntry(".", true)), "yes", "stub");
            var fine = Fakes.state(g, null);
            adapter.state = fine;
            model.refresh();
            assertEquals(I18n.t("switch.opportunistic"), status.switchTextProperty().get());
            adapter.state = fine.withPlatform(new org.port853.platform.linux.LinuxDetails(252,
                    ((org.port853.platform.linux.LinuxDetails) fine.platform()).resolvConf(), List.of(),
                    org.port853.platform.linux.Downgrade.lookup()));
            model.refresh();
            assertEquals(I18n.t("switch.opportunistic.fallback"), status.switchTextProperty().get());
        }

        @Test
        @DisplayName("the switch off while a connection encrypts its own DNS does not say queries leave in plaintext "
                + "(re-check walkthrough: 'Protected' above 'Off · queries leave in plaintext')")
        void switchOffWhileALinkEncrypts() {
            var g = new org.port853.core.GlobalState(List.of(), List.of(), null, org.port853.core.DotMode.OFF,
                    org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub");
            var vpn = new org.port853.core.LinkState(3, "tun0", List.of(ServerAddress.parse("198.18.0.2#dot.test")),
                    org.port853.core.DotMode.STRICT, null, List.of(), true, null);
            var s = Fakes.state(g, null);
            adapter.state = new org.port853.core.ResolverState(s.resolverName(), s.source(), s.installed(), s.running(),
                    g, List.of(vpn), null, null, s.platform());
            model.refresh();
            assertEquals(I18n.t("switch.off.links"), status.switchTextProperty().get());
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
        }

        @Test
        @DisplayName("no DNS server anywhere: 'Not working' in red, not 'At risk' above a red 'names cannot resolve'")
        void noServersIsNotWorking() {
            var g = new org.port853.core.GlobalState(List.of(), List.of(), null, org.port853.core.DotMode.OFF,
                    org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub");
            adapter.state = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.DBUS,
                    true, true, g, List.of(), null, null, new org.port853.platform.linux.LinuxDetails(252,
                    new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                            "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of()));
            model.refresh();
            assertEquals(org.port853.core.Verdict.BROKEN, model.assessmentProperty().get().verdict());
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertEquals("Not working", status.stateTextProperty().get());
            assertEquals(org.port853.ui.status.ProtectionState.Tone.BAD, status.stateProperty().get().tone());
        }

        @Test
        @DisplayName("no DNS server anywhere and a leak seen meanwhile: still 'Not working' (it outranks a leak), and the "
                + "reasons list the leak too")
        void noServersOutranksALeak() {
            noServersIsNotWorking();
            model.evidence().leakSeen(Instant.now());
            assertTrue(model.evidence().leakingProperty().get());
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertTrue(status.reasons().stream().anyMatch(t -> t.reason().code().equals("LEAK_SEEN")),
                    status.reasons().toString());
        }

        @Test
        @DisplayName("packets on port 53 in which no DNS query was read (a VPN on port 53) count as a leak, but the reason "
                + "does not call them DNS queries; a query read beside them is said as one")
        void portTrafficWithoutAQueryIsNotCalledQueries() {
            model.refresh();
            model.evidence().unreadLeakSeen(Instant.now());
            assertEquals(org.port853.ui.status.ProtectionState.LEAKING, status.stateProperty().get());
            assertEquals(I18n.t("state.leaking.unread.detail"), status.stateDetailProperty().get(),
                    "not 'Plaintext DNS queries were seen leaving'");
            assertEquals(I18n.t("status.showTraffic"), status.showLeaksTextProperty().get(), "no leaked query to show");
            assertTrue(status.leakWithoutQueryProperty().get(), "the tray says it as Status does");
            List<String> codes = status.reasons().stream().map(t -> t.reason().code()).toList();
            assertTrue(codes.contains("LEAK_UNREAD") && !codes.contains("LEAK_SEEN"), codes.toString());
            model.evidence().leakSeen(Instant.now().minusSeconds(5));
            codes = status.reasons().stream().map(t -> t.reason().code()).toList();
            assertTrue(codes.contains("LEAK_SEEN") && !codes.contains("LEAK_UNREAD"), codes.toString());
            assertEquals(I18n.t("state.leaking.detail"), status.stateDetailProperty().get());
            assertEquals(I18n.t("status.showLeaks"), status.showLeaksTextProperty().get());
            assertFalse(status.leakWithoutQueryProperty().get());
        }

        @Test
        @DisplayName("without a resolver too, packets on port 53 with no DNS query read in them are not called DNS")
        void portTrafficWithoutAQueryBesideAMissingResolver() {
            adapter.state = Fakes.unavailableState();
            model.refresh();
            model.evidence().unreadLeakSeen(Instant.now());
            assertEquals(org.port853.ui.status.ProtectionState.RESOLVER_MISSING_LEAKING, status.stateProperty().get());
            assertEquals(I18n.t("state.resolver_missing_leaking.unread.detail"), status.stateDetailProperty().get());
            assertTrue(status.leakWithoutQueryProperty().get());
        }

        @Test
        @DisplayName("a program's own leak: 'Leaking' with the program named first, and a clean Verify does not clear it "
                + "(Verify measures the resolver's path only)")
        void ownResolverLeakOutlivesACleanVerify() {
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
            Instant at = Instant.now();
            model.evidence().bypassSeen(new LeakEvidence.Bypass(at, "python3 (32416)", "198.18.0.4"));
            assertEquals(org.port853.ui.status.ProtectionState.LEAKING, status.stateProperty().get());
            org.port853.ui.status.ReasonTexts.Text first = status.reasons().get(0);
            assertEquals("LEAK_OWN_RESOLVER", first.reason().code());
            assertTrue(first.message().startsWith("python3 (32416) sent its own plaintext DNS queries to 198.18.0.4"),
                    first.message());
            assertTrue(first.fix().startsWith("Set python3 (32416) to use the system resolver"), first.fix());
            model.evidence().verified(new LeakEvidence.VerifyFinding(at.plusSeconds(2), 5, 0, null));
            assertEquals(org.port853.ui.status.ProtectionState.LEAKING, status.stateProperty().get());
            assertEquals("LEAK_OWN_RESOLVER", status.reasons().get(0).reason().code());
            // a sender not identified: opening the sentence capitalised, inside the fix's sentence not
            model.evidence().bypassSeen(new LeakEvidence.Bypass(at.plusSeconds(3), null, "198.18.0.4"));
            org.port853.ui.status.ReasonTexts.Text unknown = status.reasons().get(0);
            assertTrue(unknown.message().startsWith("A program that could not be identified sent its own plaintext"),
                    unknown.message());
            assertTrue(unknown.fix().startsWith("Set that program to use the system resolver"), unknown.fix());
        }

        @Test
        @DisplayName("a link's default route is said to be unused when all domains go to the encrypted servers")
        void unusedDefaultRoute() {
            List<ServerAddress> servers = List.of(ServerAddress.parse("198.18.0.2#dot.test"));
            adapter.state = Fakes.strictState(servers, true);
            model.refresh();
            assertEquals("yes, not used", status.links().get(0).defaultRoute());
            adapter.state = Fakes.strictState(servers, false);
            model.refresh();
            assertEquals("yes", status.links().get(0).defaultRoute(), "wlan0 takes the names no domain claims");
        }

        @Test
        @DisplayName("a fix that could only be refused is not offered as a button: routing all domains while nothing is "
                + "encrypted")
        void noButtonForAFixThatWouldBeRefused() {
            adapter.state = Fakes.plaintextState(null);
            model.refresh();
            org.port853.core.Reason link = status.reasons().stream().map(org.port853.ui.status.ReasonTexts.Text::reason)
                    .filter(r -> r.code().equals("LINK_PLAINTEXT_DEFAULT_ROUTE")).findFirst().orElseThrow();
            assertEquals(org.port853.core.FixAction.ROUTE_ALL_DOMAINS, link.fixAction());
            assertFalse(status.offersFix(link), "the preview would only say 'needs encrypted servers first'");
            org.port853.core.Reason off = status.reasons().stream().map(org.port853.ui.status.ReasonTexts.Text::reason)
                    .filter(r -> r.code().equals("DOT_OFF")).findFirst().orElseThrow();
            assertTrue(status.offersFix(off));

            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("198.18.0.2#dot.test")), false);
            model.refresh();
            assertTrue(status.offersFix(new org.port853.core.Reason("X", org.port853.core.Severity.WARNING, "m", "f",
                    org.port853.core.FixAction.ROUTE_ALL_DOMAINS)), "with encryption on, routing is a change of its own");
        }

        /**
         * Strict with {@code servers} now, with {@code dropIns} and no file setting DNSOverTLS= (built-in default no),
         * changed since resolved started: off at its next start.
         */
        private org.port853.core.ResolverState strictUntilTheNextStart(List<ServerAddress> servers,
                                                                      List<org.port853.core.DropIn> dropIns) {
            org.port853.core.ResolverState strict = Fakes.strictState(servers, true);
            return new org.port853.core.ResolverState(strict.resolverName(), strict.source(), true, true,
                    strict.global(), strict.links(), null, null, new org.port853.platform.linux.LinuxDetails(252,
                    new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                            "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), dropIns, null, true, null,
                    false, null, null, "/etc/systemd/resolved.conf", "no", true));
        }

        @Test
        @DisplayName("strict now but off at the resolver's next start (Port853's drop-in deleted by hand): 'At risk', and "
                + "the reason's one click writes the same strict settings again")
        void strictOnlyUntilTheNextStart() {
            List<ServerAddress> servers = List.of(ServerAddress.parse("198.18.0.2#dot.test"));
            adapter.state = strictUntilTheNextStart(servers, List.of());
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.AT_RISK, status.stateProperty().get());
            org.port853.core.Reason r = status.reasons().stream().map(org.port853.ui.status.ReasonTexts.Text::reason)
                    .filter(x -> x.code().equals("DOT_AT_NEXT_START")).findFirst().orElseThrow();
            assertTrue(status.offersFix(r));
            org.port853.core.DesiredSettings again = org.port853.ui.status.OneClickChanges.fix(r.fixAction(),
                    adapter.state, List.of()).settings();
            assertEquals(servers, again.servers());
            assertEquals(org.port853.core.DotMode.STRICT, again.mode());
            assertTrue(again.routeAllDomains());
        }

        @Test
        @DisplayName("strict now, off at the next start because a file resolved cannot read hides Port853's drop-in: no "
                + "one click (apply would refuse), the fix names that file first")
        void noOneClickWhileAFileHidesOurs() {
            String closed = "/etc/systemd/resolved.conf.d/10-closed.conf";
            org.port853.core.DropIn hider = new org.port853.core.DropIn(closed, false, false, java.util.Map.of(),
                    "not readable by systemd-resolved's user systemd-resolve (mode 0600, owner root)", true, null,
                    java.util.Set.of(), false, org.port853.core.DropIn.Stop.HERE);
            adapter.state = strictUntilTheNextStart(List.of(ServerAddress.parse("198.18.0.2#dot.test")), List.of(hider));
            model.refresh();
            org.port853.ui.status.ReasonTexts.Text t = status.reasons().stream()
                    .filter(x -> x.reason().code().equals("DOT_AT_NEXT_START")).findFirst().orElseThrow();
            assertFalse(status.offersFix(t.reason()));
            assertTrue(t.fix().startsWith("First make " + closed + " readable for systemd-resolved"), t.fix());
        }

        @Test
        @DisplayName("a static /etc/resolv.conf that names only the stub sends programs to the stub, not past it; a link "
                + "to another program's file is named as such")
        void staticFileNamingTheStubGoesThroughIt() {
            resolvConfIs(null, "127.0.0.53");
            assertEquals("a file of its own naming the stub (127.0.0.53): programs that read it go through the stub",
                    status.resolvConfProperty().get());
            resolvConfIs(null, "192.168.1.1");
            assertEquals("a file of its own naming 192.168.1.1: programs that read it bypass the stub",
                    status.resolvConfProperty().get());
            resolvConfIs("/run/resolvconf/resolv.conf", "192.168.1.1", "192.168.1.2");
            assertEquals("a file of its own (a link to /run/resolvconf/resolv.conf) naming 192.168.1.1, 192.168.1.2: "
                    + "programs that read it bypass the stub", status.resolvConfProperty().get());
            resolvConfIs(null);
            assertEquals("a file of its own: programs that read it bypass the stub", status.resolvConfProperty().get());
            adapter.state = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.NONE,
                    true, false, null, List.of(), null, "systemd-resolved is not running",
                    new org.port853.platform.linux.LinuxDetails(252, new org.port853.core.ResolvConfState(
                            org.port853.core.ResolvConfState.Kind.STATIC, null, List.of("127.0.0.53")), List.of()));
            model.refresh();
            assertEquals("a file of its own naming the stub (127.0.0.53), which does not answer while systemd-resolved "
                    + "is stopped: programs cannot resolve names", status.resolvConfProperty().get());
        }

        /** A strict resolver whose /etc/resolv.conf is a file of its own, a link to {@code target} (null: none). */
        private void resolvConfIs(String target, String... nameservers) {
            org.port853.core.ResolverState strict = Fakes.strictState(List.of(ServerAddress.parse("198.18.0.2#dot.test")), true);
            adapter.state = new org.port853.core.ResolverState(strict.resolverName(), strict.source(), true, true,
                    strict.global(), strict.links(), null, null, new org.port853.platform.linux.LinuxDetails(252,
                    new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STATIC, target,
                            List.of(nameservers)), List.of()));
            model.refresh();
        }

        @Test
        @DisplayName("a resolver that is installed but stopped is 'Resolver stopped', with the command that starts it")
        void stoppedResolverIsNotMissing() {
            adapter.state = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.NONE,
                    true, false, null, List.of(), null, "systemd-resolved is not running",
                    new org.port853.platform.linux.LinuxDetails(252, new org.port853.core.ResolvConfState(
                            org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                            List.of("127.0.0.53")), List.of()));
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.RESOLVER_STOPPED, status.stateProperty().get());
            assertEquals(org.port853.ui.status.ProtectionState.Tone.BAD, status.stateProperty().get().tone(),
                    "nothing protects, and the stub answers nobody: red, not a grey question mark");
            assertTrue(status.resolvConfProperty().get().contains("does not answer while systemd-resolved is stopped"),
                    status.resolvConfProperty().get());
            assertEquals(org.port853.platform.RootAdvice.forThisUser("sudo systemctl enable --now systemd-resolved.service"),
                    status.blockedCommandProperty().get());
            assertEquals("Unavailable while systemd-resolved is stopped", status.switchTextProperty().get(),
                    "a state that passes, not 'cannot be used here'");
            assertEquals("nothing: systemd-resolved is not running · systemd 252", status.sourceProperty().get(),
                    "found, not 'no resolver found'");
            adapter.state = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.DBUS,
                    true, false, null, List.of(), null, "systemd-resolved is not running", adapter.state.platform());
            model.refresh(); // as the reader says it when the bus works: read over D-Bus, which found it stopped
            assertEquals("nothing: systemd-resolved is not running · systemd 252", status.sourceProperty().get());
            model.evidence().leakSeen(Instant.now());
            assertEquals(org.port853.ui.status.ProtectionState.RESOLVER_STOPPED_LEAKING, status.stateProperty().get());
            assertEquals(org.port853.ui.status.ProtectionState.Tone.BAD, status.stateProperty().get().tone());
        }

        @Test
        @DisplayName("a resolver that runs but answers neither D-Bus nor resolvectl (hung): 'Settings unreadable', read "
                + "from nothing, not 'Resolver missing' and 'no resolver found'")
        void hungResolverIsNotMissing() {
            adapter.state = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.NONE,
                    true, true, null, List.of(), null, "D-Bus unavailable (systemd-resolved did not answer on D-Bus "
                    + "within 3000 ms) and resolvectl did not answer within 10 s",
                    new org.port853.platform.linux.LinuxDetails(257, new org.port853.core.ResolvConfState(
                            org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                            List.of("127.0.0.53")), List.of()));
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.RESOLVER_UNREADABLE, status.stateProperty().get());
            assertEquals("Settings unreadable", status.stateTextProperty().get());
            assertEquals("nothing: the settings of systemd-resolved could not be read · systemd 257",
                    status.sourceProperty().get());
        }

        @Test
        @DisplayName("a stopped resolver where systemd is not the init system: the fix says why it cannot be started "
                + "and the blocked switch offers no command that would fail")
        void stoppedResolverWithoutSystemdInit() {
            adapter.state = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.NONE,
                    true, false, null, List.of(), null, "systemd-resolved is not running",
                    new org.port853.platform.linux.LinuxDetails(252, new org.port853.core.ResolvConfState(
                            org.port853.core.ResolvConfState.Kind.STATIC, "/etc/resolv.conf", List.of("198.18.0.1")),
                            List.of(), null, false));
            model.refresh();
            assertEquals(org.port853.ui.status.ProtectionState.RESOLVER_STOPPED, status.stateProperty().get());
            assertEquals(null, status.blockedCommandProperty().get());
            String blocked = status.blockedReasonProperty().get();
            assertTrue(blocked.contains("This system was not started by systemd") && !blocked.contains("systemctl"),
                    blocked);
            I18n.in(java.util.Locale.GERMAN, () -> {
                String de = org.port853.ui.status.ReasonTexts.of(adapter.assess(adapter.state).reasons().get(0),
                        adapter.state).fix();
                assertTrue(de.startsWith("Dieses System wurde nicht von systemd gestartet"), de);
                return null;
            });
        }

        @Test
        @DisplayName("Off after a revert made elsewhere (the command line): the sheet says what is there now, "
                + "not that another file keeps the encryption the screen still shows")
        void offAfterAnOutsideRevert() {
            model.refresh(); // strict, as the window last read it
            assertTrue(status.switchOnProperty().get());
            adapter.state = Fakes.plaintextState(null); // `port853 revert` in a terminal; no refresh since
            adapter.nextPlan = new org.port853.platform.Plan(List.of(), List.of(), null); // nothing of Port853's left
            status.switchOnProperty().set(false); // what the view does when the user flips it
            status.switchFlipped(false);
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.NO_CHANGE, apply.phaseProperty().get());
            String said = apply.summaryProperty().get();
            assertFalse(said.contains("outside Port853"), said);
            assertTrue(said.startsWith("Nothing to turn off"), said);
            assertEquals(org.port853.core.DotMode.OFF, model.stateProperty().get().global().dnsOverTls(),
                    "the screen catches up with the state the sheet found");
        }

        @Test
        @DisplayName("Status and Providers are blocked together, for the same reason, and unblocked together")
        void statusAndProvidersAgreeOnBlocked() {
            var providers = new org.port853.ui.providers.ProvidersViewModel(model, apply);
            model.refresh();
            assertNull(model.blockedProperty().get());
            assertNull(status.blockedReasonProperty().get());
            assertNull(providers.blockedBinding().get());

            adapter.state = Fakes.unavailableState();
            model.refresh();
            Blocked blocked = model.blockedProperty().get();
            assertEquals("RESOLVER_MISSING", blocked.reason().code());
            String why = blocked.text().message();
            assertTrue(status.blockedReasonProperty().get().startsWith(why), status.blockedReasonProperty().get());
            assertEquals(org.port853.ui.common.I18n.t("providers.blocked", why), providers.blockedBinding().get());

            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true);
            model.refresh();
            assertNull(status.blockedReasonProperty().get());
            assertNull(providers.blockedBinding().get());
        }

        @Test
        @DisplayName("DNSSEC turned off is said to be off, not 'not supported by the current server'")
        void dnssecOffIsSaidOff() {
            assertEquals("off (answers are not validated)", dnssecShownFor(org.port853.core.DnssecMode.NO));
            assertEquals("Yes (validate, strict) · not supported by the current server", dnssecShownFor(org.port853.core.DnssecMode.YES));
        }

        /** The DNSSEC line for a strict state with this mode, whose server resolved reports as not supporting DNSSEC. */
        private String dnssecShownFor(org.port853.core.DnssecMode mode) {
            ServerAddress quad9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
            adapter.state = Fakes.state(new org.port853.core.GlobalState(List.of(quad9), List.of(), quad9,
                    org.port853.core.DotMode.STRICT, mode, false, List.of(), "yes", "stub"), null);
            model.refresh();
            return status.dnssecProperty().get();
        }
    }

    @Nested
    @DisplayName("the demo machine: encryption set outside Port853, and a protect that is already in place")
    class DemoMachine {
        org.port853.platform.demo.DemoResolverAdapter demo;
        AppModel demoModel;
        org.port853.ui.apply.ApplyViewModel apply;
        org.port853.ui.status.StatusViewModel status;

        @BeforeEach
        void create() throws Exception {
            demo = new org.port853.platform.demo.DemoResolverAdapter(Duration.ZERO, false);
            demoModel = new AppModel(new AppServices(demo, () -> new Fakes.FakeCapture(null), new Fakes.AnsweringProbe(),
                    ProviderSource.inMemory(), org.port853.core.ScratchFolders.create("port853-vm-test"), Runnable::run,
                    new Fakes.RecordingNotifier(), true), tasks);
            apply = new org.port853.ui.apply.ApplyViewModel(demoModel);
            status = new org.port853.ui.status.StatusViewModel(demoModel, apply);
            apply.setOnFinished(status::resync);
            demoModel.refresh();
        }

        @Test
        @DisplayName("Off with encryption that resolved.conf turns on: says where, offers no Turn off, changes nothing")
        void offDoesNotPretend() {
            assertTrue(status.switchOnProperty().get());
            status.switchOnProperty().set(false); // what the view does when the user flips it
            status.switchFlipped(false);
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.NO_CHANGE, apply.phaseProperty().get(),
                    "no preview with a Turn off button that would do nothing");
            String said = apply.summaryProperty().get();
            assertTrue(said.contains("/etc/systemd/resolved.conf") && said.contains("outside Port853"), said);
            assertEquals("", apply.actionsProperty().get());
            apply.confirm();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.NO_CHANGE, apply.phaseProperty().get(), "nothing to confirm");
            apply.close();
            assertTrue(status.switchOnProperty().get(), "the switch shows the real state again");
            assertEquals(org.port853.core.DotMode.OPPORTUNISTIC, demoModel.stateProperty().get().global().dnsOverTls());
        }

        @Test
        @DisplayName("after protecting, Protect is no longer offered; a protect that changes nothing offers no Apply and no actions")
        void protectInPlace() {
            assertTrue(status.protectOfferedProperty().get());
            demoModel.evidence().leakSeen(java.time.Instant.now().minusSeconds(5)); // leaked under the old settings
            // the sample's wlan0 never uses TLS and takes every unrouted name: not encrypted, as measured
            assertEquals(org.port853.ui.status.ProtectionState.NOT_ENCRYPTED, status.stateProperty().get());
            status.protect();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, apply.phaseProperty().get());
            assertFalse(apply.actionsProperty().get().isEmpty());
            apply.confirm();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.RESULT, apply.phaseProperty().get());
            apply.close();
            // the Wi-Fi's router still answers home.arpa: local names, which never reach the internet; the leak
            // seen before the change describes settings that are gone
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
            assertFalse(status.protectOfferedProperty().get(), "Protect would change nothing now");

            status.protect();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.NO_CHANGE, apply.phaseProperty().get());
            assertEquals("", apply.actionsProperty().get(), "no restart or health check for a change that changes nothing");
            assertEquals("", apply.diffProperty().get());
            assertTrue(apply.summaryProperty().get().startsWith("Nothing to change"), apply.summaryProperty().get());
            apply.confirm();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.NO_CHANGE, apply.phaseProperty().get());
            AtomicInteger verified = new AtomicInteger();
            apply.setOnVerify(verified::incrementAndGet);
            apply.verifyNow();
            assertEquals(1, verified.get(), "Verify now is offered instead");
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.IDLE, apply.phaseProperty().get());

            // once Port853's own settings are in place, Off is a real revert again
            status.switchOnProperty().set(false);
            status.switchFlipped(false);
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, apply.phaseProperty().get());
        }
        @Test
        @DisplayName("Providers follows a change applied from Status (no footer, the new mode and servers); "
                + "an edited draft survives a refresh and counts its changes against the new state")
        void providersDraftFollowsTheSystem() {
            org.port853.ui.providers.ProvidersViewModel providers = new org.port853.ui.providers.ProvidersViewModel(demoModel, apply);
            assertEquals(org.port853.core.DotMode.OPPORTUNISTIC, demoModel.modeProperty().get());
            status.protect();
            apply.confirm();
            apply.close();
            org.port853.core.GlobalState now = demoModel.stateProperty().get().global();
            assertEquals(org.port853.core.DotMode.STRICT, now.dnsOverTls(), "the protect was applied");
            assertFalse(providers.draftDiffersBinding().get(), "no footer: the user changed nothing on Providers");
            assertEquals(org.port853.core.DotMode.STRICT, demoModel.modeProperty().get());
            assertEquals(now.routesEverything(), demoModel.routeAllDomainsProperty().get());
            assertEquals(now.servers(), demoModel.desired().servers(), "the draft holds the servers now in use");

            org.port853.core.DnssecMode edited = now.dnssec() == org.port853.core.DnssecMode.YES
                    ? org.port853.core.DnssecMode.NO : org.port853.core.DnssecMode.YES;
            demoModel.dnssecProperty().set(edited); // the user's edit
            demoModel.refresh();
            assertEquals(edited, demoModel.dnssecProperty().get(), "the edit is kept");
            assertEquals(1, demoModel.draftChangesProperty().get());
            assertEquals("1 change, not applied yet", providers.footerTextBinding().get());
        }

        @Test
        @DisplayName("a change applied from Status after an edit on Providers: what the user did not edit follows the "
                + "system, so the footer never offers to undo it (window walkthrough: 'Mode: strict → opportunistic')")
        void uneditedPartsOfAnEditedDraftFollowTheSystem() {
            org.port853.ui.providers.ProvidersViewModel providers = new org.port853.ui.providers.ProvidersViewModel(demoModel, apply);
            assertEquals(org.port853.core.DotMode.OPPORTUNISTIC, demoModel.modeProperty().get());
            org.port853.core.DnssecMode edited = demoModel.dnssecProperty().get() == org.port853.core.DnssecMode.YES
                    ? org.port853.core.DnssecMode.NO : org.port853.core.DnssecMode.YES;
            demoModel.dnssecProperty().set(edited); // the user's edit on Providers, not applied
            status.protect(); // strict, every domain: built from the system, not from the draft's DNSSEC
            apply.confirm();
            apply.close();
            org.port853.core.GlobalState now = demoModel.stateProperty().get().global();
            assertEquals(org.port853.core.DotMode.STRICT, now.dnsOverTls(), "the protect was applied");
            assertEquals(org.port853.core.DotMode.STRICT, demoModel.modeProperty().get(), "the mode followed");
            assertEquals(now.routesEverything(), demoModel.routeAllDomainsProperty().get());
            assertEquals(edited, demoModel.dnssecProperty().get(), "the user's edit stays");
            assertEquals(1, demoModel.draftChangesProperty().get(), "only the edit is a change");
            assertEquals(org.port853.core.DotMode.STRICT, demoModel.desired().mode(),
                    "the footer's change keeps strict mode");
        }
    }

    @Nested
    @DisplayName("the apply flow")
    class Apply {
        @Test
        @DisplayName("without the helper the preview shows the change and why it cannot be made here, and offers no Apply")
        void previewSaysWhenNoChangeCanBeMadeHere() {
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            model.refresh();
            adapter.cannotChange = org.port853.core.Sentence.of("changing DNS settings needs root and Port853's helper is "
                    + "not installed (/usr/lib/port853/lib/port853-helper); run the command with sudo", "refused.no-helper",
                    "/usr/lib/port853/lib/port853-helper");
            apply.beginApplyOrExplain(() -> new org.port853.core.DesiredSettings(
                    List.of(ServerAddress.parse("9.9.9.10#dns.quad9.net")), org.port853.core.DotMode.STRICT, null, true,
                    List.of()));
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.REFUSED, apply.phaseProperty().get());
            String said = apply.summaryProperty().get();
            assertTrue(said.contains("install the Port853 package, or start Port853 as root"), said);
            assertFalse(said.contains("password"), said);
            assertFalse(apply.diffProperty().get().isEmpty(), "the change is still shown");
            assertTrue(adapter.applied.isEmpty());
        }

        @Test
        @DisplayName("an apply whose check was answered without encryption says so (as the command line's exit 3), "
                + "in the warning's colour and notification, and a verified one does not")
        void unencryptedAnswerIsNotSuccess() {
            adapter.delayMs = 0;
            model.refresh();
            model.modeProperty().set(org.port853.core.DotMode.OPPORTUNISTIC);
            adapter.nextApply = new org.port853.platform.ApplyResult(org.port853.platform.ApplyResult.Outcome.APPLIED,
                    null, null, List.of(), false, java.time.Duration.ZERO);
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.beginApplyOrExplain(model::desired);
            apply.confirm();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.RESULT, apply.phaseProperty().get());
            assertTrue(apply.encryptionUnprovenProperty().get());
            assertTrue(apply.resultTextProperty().get().contains("plaintext fallback"), apply.resultTextProperty().get());
            Fakes.RecordingNotifier shown = (Fakes.RecordingNotifier) model.services().notifier();
            assertTrue(shown.shown.get(shown.shown.size() - 1).startsWith("WARNING"), shown.shown.toString());

            model.modeProperty().set(org.port853.core.DotMode.STRICT);
            adapter.nextApply = new org.port853.platform.ApplyResult(org.port853.platform.ApplyResult.Outcome.APPLIED,
                    null, null, List.of(), true, java.time.Duration.ZERO);
            apply.close();
            apply.beginApplyOrExplain(model::desired);
            apply.confirm();
            assertFalse(apply.encryptionUnprovenProperty().get());
            assertTrue(apply.resultTextProperty().get().startsWith("Applied. The health check got an answer over an "
                    + "encrypted connection"), apply.resultTextProperty().get());
            assertTrue(shown.shown.get(shown.shown.size() - 1).startsWith("INFO"), shown.shown.toString());
        }

        @Test
        @DisplayName("plan, preview, apply, result: each step waits for its task, the result re-reads the state")
        void applyFlow() {
            adapter.state = Fakes.plaintextState(null);
            adapter.delayMs = 0;
            model.refresh();
            model.chosen().setAll(model.catalogue().get(0));
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            tasks.hold();
            apply.beginApplyOrExplain(model::desired);
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PLANNING, apply.phaseProperty().get());
            apply.confirm();
            assertEquals(1, tasks.waiting(), "nothing is applied before the preview");
            tasks.runNext();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.PREVIEW, apply.phaseProperty().get());
            assertTrue(apply.diffProperty().get().contains("DNSOverTLS=yes"), apply.diffProperty().get());
            assertSame(adapter.state, adapter.plannedAgainst.get(0), "planned against the state the model holds");
            apply.confirm();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.APPLYING, apply.phaseProperty().get());
            apply.close();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.APPLYING, apply.phaseProperty().get(),
                    "an apply under way cannot be closed");
            tasks.runAll();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.RESULT, apply.phaseProperty().get());
            assertEquals(1, adapter.applied.size());
            assertSame(adapter.state, model.stateProperty().get(), "the result refreshed the state");
            assertFalse(model.refreshingProperty().get());
        }

        /** A model whose changes probe their servers with {@code pins}. */
        /** The model's draft previewed and confirmed; the adapter answers {@code next}. */
        private org.port853.ui.apply.ApplyViewModel appliedWith(org.port853.platform.ApplyResult next) {
            adapter.delayMs = 0;
            adapter.nextApply = next;
            model.refresh();
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.beginApplyOrExplain(model::desired);
            apply.confirm();
            return apply;
        }

        @Test
        @DisplayName("a rolled-back change towards encryption names its servers' problem, probed in the background")
        void rollbackNamesTheCause(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            List<List<ServerAddress>> probed = new ArrayList<>();
            org.port853.probe.pins.ServerPins pins = new org.port853.probe.pins.ServerPins(servers -> {
                probed.add(servers);
                return servers.stream().map(s -> org.port853.probe.dot.ProbeReport.failed(s,
                        org.port853.probe.dot.TcpOutcome.REFUSED, org.port853.probe.dot.TlsOutcome.NOT_ATTEMPTED,
                        "connection refused", null)).toList();
            }, dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC());
            model = withPins(pins);
            org.port853.ui.apply.ApplyViewModel apply = appliedWith(org.port853.platform.ApplyResult.of(
                    org.port853.platform.ApplyResult.Outcome.ROLLED_BACK,
                    "resolving example.com failed: All attempts to contact name servers or networks failed"));
            assertEquals(List.of(model.desired().servers()), probed, "the chosen servers, once");
            String why = apply.causeTextProperty().get();
            assertTrue(why.startsWith("Why: " + model.desired().servers().get(0)) && why.contains("853"), why);
            String said = apply.lastFailureProperty().get().cause();
            assertTrue(why.contains(said) && said.startsWith(model.desired().servers().get(0) + ": "),
                    "Status's Protect row says the server and what failed, without the fix: " + said);
            assertTrue(said.length() < why.length(), said);

            adapter.nextApply = null; // applied: nothing to explain (its servers are probed for their pins only)
            apply.close();
            apply.beginApplyOrExplain(model::desired);
            apply.confirm();
            assertEquals("", apply.causeTextProperty().get());
        }

        @Test
        @DisplayName("the probe after a rollback keeps which servers answered: the sheet and Status's failure say so, "
                + "and a server that answered there no longer counts as one that just failed")
        void rollbackProbeRecordsTheServersThatAnswered(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            ServerAddress refusing = ServerAddress.parse("198.18.0.5#dot.test");
            ServerAddress answering = ServerAddress.parse("198.18.0.6#dot.test");
            model = withPins(new org.port853.probe.pins.ServerPins(servers -> servers.stream().map(s -> s.equals(answering)
                    ? Fakes.passingProbe(s) : org.port853.probe.dot.ProbeReport.failed(s,
                    org.port853.probe.dot.TcpOutcome.REFUSED, org.port853.probe.dot.TlsOutcome.NOT_ATTEMPTED,
                    "connection refused", null)).toList(), dir.resolve("pins.json"), List::of,
                    java.time.Clock.systemUTC()));
            model.tlsFailures().checked(List.of(Fakes.portSilent(answering, "dot.reachable.timeout")));
            adapter.delayMs = 0;
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.ROLLED_BACK,
                    "resolving example.com failed: All attempts to contact name servers or networks failed");
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.beginApplyOrExplain(() -> new org.port853.core.DesiredSettings(List.of(refusing, answering),
                    org.port853.core.DotMode.STRICT, null, true, List.of()));
            apply.confirm();
            String answered = "Answered with a TLS handshake when checked after the rollback: 198.18.0.6#dot.test.";
            String why = apply.causeTextProperty().get();
            assertTrue(why.startsWith("Why: 198.18.0.5#dot.test: ") && why.endsWith("\n" + answered), why);
            assertEquals(answered, apply.lastFailureProperty().get().answered());
            assertTrue(model.tlsFailures().of(answering).isEmpty(), "its pass ends its earlier failure");
            assertTrue(model.tlsFailures().of(refusing).isPresent());
        }

        @Test
        @DisplayName("Recover that keeps an interrupted opportunistic change whose check came without encryption says "
                + "so as a warning (as the command line's exit 3), not as a plain success")
        void recoverKeepingAnUnencryptedChangeWarns() {
            adapter.delayMs = 0;
            adapter.written = new org.port853.core.DesiredSettings(List.of(ServerAddress.parse("198.18.0.4#dot.test")),
                    org.port853.core.DotMode.OPPORTUNISTIC, null, true, List.of());
            adapter.nextRecover = new org.port853.platform.ApplyResult(org.port853.platform.ApplyResult.Outcome.KEPT,
                    null, null, List.of(), false, java.time.Duration.ZERO);
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.RECOVER, null);
            apply.confirm();
            assertTrue(apply.encryptionUnprovenProperty().get());
            assertTrue(apply.resultTextProperty().get().startsWith("Kept, but not encrypted yet"),
                    apply.resultTextProperty().get());
            Fakes.RecordingNotifier shown = (Fakes.RecordingNotifier) model.services().notifier();
            assertTrue(shown.shown.get(shown.shown.size() - 1).startsWith("WARNING"), shown.shown.toString());

            adapter.nextRecover = new org.port853.platform.ApplyResult(org.port853.platform.ApplyResult.Outcome.KEPT,
                    null, null, List.of(), true, java.time.Duration.ZERO);
            apply.close();
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.RECOVER, null);
            apply.confirm();
            assertFalse(apply.encryptionUnprovenProperty().get());
            assertEquals(org.port853.ui.apply.ApplyViewModel.resultText(adapter.nextRecover),
                    apply.resultTextProperty().get());
        }

        @Test
        @DisplayName("Recover that rolls an interrupted change back names its servers' problem too: the settings it wrote")
        void recoverNamesTheCause(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            List<List<ServerAddress>> probed = new ArrayList<>();
            model = withPins(new org.port853.probe.pins.ServerPins(servers -> {
                probed.add(servers);
                return servers.stream().map(s -> org.port853.probe.pins.ServerPinsTest.shows(s, null)).toList();
            }, dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC()));
            adapter.delayMs = 0;
            adapter.written = new org.port853.core.DesiredSettings(List.of(ServerAddress.parse("198.18.0.3#dot.test")),
                    org.port853.core.DotMode.STRICT, null, true, List.of());
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.RECOVER, null);
            apply.confirm();
            assertEquals(List.of(adapter.written.servers()), probed);
            String why = apply.causeTextProperty().get();
            assertTrue(why.startsWith("Why: 198.18.0.3#dot.test: ") && why.contains("853"), why);
        }

        @Test
        @DisplayName("a server in use whose key is not its pin: Status is At risk and says why; accepting the key ends it")
        void changedKeyIsAtRisk(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            Path file = dir.resolve("pins.json");
            org.port853.probe.pins.ServerPins pins = new org.port853.probe.pins.ServerPins(servers -> List.of(), file,
                    List::of, java.time.Clock.systemUTC());
            model = withPins(pins);
            adapter.delayMs = 0;
            model.refresh();
            org.port853.ui.status.StatusViewModel status = new org.port853.ui.status.StatusViewModel(model,
                    new org.port853.ui.apply.ApplyViewModel(model));
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
            String inUse = org.port853.probe.pins.PinStore.canonical(
                    model.stateProperty().get().global().servers().get(0).toString());
            org.port853.probe.pins.PinStore store = org.port853.probe.pins.PinStore.load(file);
            java.time.Instant then = java.time.Instant.parse("2026-11-01T10:00:00Z");
            String a = java.util.Base64.getEncoder().encodeToString(new byte[32]);
            String b = java.util.Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                    13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
            store.put(new org.port853.probe.pins.PinRecord(inUse, a, "tofu", "CA", then, then, b));
            store.put(new org.port853.probe.pins.PinRecord("198.51.100.7#other.example", a, "tofu", "CA", then, then, b));
            store.save();
            model.pinsRecorded(); // as the watcher does after a check
            assertEquals(org.port853.ui.status.ProtectionState.AT_RISK, status.stateProperty().get());
            org.port853.ui.status.ReasonTexts.Text said = status.reasons().stream()
                    .filter(t -> t.reason().code().equals("PIN_CHANGED")).findFirst().orElseThrow();
            assertTrue(said.message().startsWith("The key of " + inUse + " is not the one recorded"), said.message());
            assertFalse(said.message().contains("other.example"), "a server not in use is no risk now");

            assertEquals(org.port853.probe.pins.Pinning.Acceptance.ACCEPTED, pins.accept(ServerAddress.parse(inUse)));
            model.pinsRecorded();
            assertEquals(org.port853.ui.status.ProtectionState.PROTECTED, status.stateProperty().get());
        }

        @Test
        @DisplayName("a Providers change that did not take (DNSSEC) is said on Status with its cause until dismissed")
        void failedChangeIsSaidOnStatus(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            List<List<ServerAddress>> probed = new ArrayList<>();
            org.port853.probe.pins.ServerPins pins = new org.port853.probe.pins.ServerPins(servers -> {
                probed.add(servers);
                return List.of();
            }, dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC());
            model = withPins(pins);
            adapter.delayMs = 0;
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.ROLLED_BACK,
                    "resolving example.com failed: DNSSEC validation failed: no-signature");
            model.refresh();
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            org.port853.ui.status.StatusViewModel status = new org.port853.ui.status.StatusViewModel(model, apply);
            assertNull(status.changeFailedProperty().get());
            model.dnssecProperty().set(org.port853.core.DnssecMode.ALLOW_DOWNGRADE);
            apply.beginApplyOrExplain(model::desired);
            apply.confirm();
            assertTrue(apply.causeTextProperty().get().contains("DNSSEC validation failed (no-signature)"),
                    "the sheet names DNSSEC, not the servers: " + apply.causeTextProperty().get());
            assertEquals(List.of(), probed, "no server probe for a DNSSEC failure");
            String said = status.changeFailedProperty().get();
            assertNotNull(said, "Status says the change did not take");
            assertTrue(said.contains("DNSSEC validation failed (no-signature)"), said);
            status.dismissChangeFailed();
            assertNull(status.changeFailedProperty().get());
        }

        @Test
        @DisplayName("a change that did not take is no longer 'your last change' once encryption was turned off")
        void revertForgetsTheFailedChange(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            model = withPins(new org.port853.probe.pins.ServerPins(servers -> List.of(), dir.resolve("pins.json"),
                    List::of, java.time.Clock.systemUTC()));
            adapter.delayMs = 0;
            adapter.state = Fakes.strictState(List.of(ServerAddress.parse("198.18.0.2#dot.test")), true);
            model.refresh();
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            org.port853.ui.status.StatusViewModel status = new org.port853.ui.status.StatusViewModel(model, apply);
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.ROLLED_BACK,
                    "resolving example.com failed: DNSSEC validation failed: no-signature");
            model.dnssecProperty().set(org.port853.core.DnssecMode.ALLOW_DOWNGRADE);
            apply.beginApplyOrExplain(model::desired);
            apply.confirm();
            assertNotNull(status.changeFailedProperty().get());
            apply.close();

            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
            apply.confirm();
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.RESULT, apply.phaseProperty().get());
            assertNull(status.changeFailedProperty().get(),
                    "'the system keeps the settings it had' no longer holds: the revert changed them");
        }

        @Test
        @DisplayName("a rolled-back change's cause that arrives after the next change began stays out of its sheet")
        void lateCauseStaysWithItsChange(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            org.port853.probe.pins.ServerPins pins = new org.port853.probe.pins.ServerPins(servers -> servers.stream()
                    .map(s -> org.port853.probe.dot.ProbeReport.failed(s, org.port853.probe.dot.TcpOutcome.REFUSED,
                            org.port853.probe.dot.TlsOutcome.NOT_ATTEMPTED, "connection refused", null)).toList(),
                    dir.resolve("pins.json"), List::of, java.time.Clock.systemUTC());
            model = withPins(pins);
            adapter.delayMs = 0;
            adapter.nextApply = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.ROLLED_BACK,
                    "resolving example.com failed: All attempts to contact name servers or networks failed");
            model.refresh();
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.beginApplyOrExplain(model::desired);
            tasks.hold();
            apply.confirm();
            tasks.runNext(); // the apply; the state's refresh and the cause probe now wait
            tasks.runNext(); // the refresh
            assertEquals(2, tasks.waiting(), "the cause probe waits, and the lookup the refresh asked for after it");

            apply.close();
            apply.beginApplyOrExplain(model::desired); // the next change's sheet
            tasks.runNewest(); // its plan
            tasks.runNext(); // the first change's cause, late
            assertEquals("", apply.causeTextProperty().get(), "the late cause belongs to the rolled-back change");
            tasks.runAll();
        }

        @Test
        @DisplayName("turning off names, before it is done, the file that keeps DNS-over-TLS on and the mode that stays, "
                + "or else where queries then go in plaintext")
        void turningOffNamesTheFileThatKeepsEncryptionOn() {
            adapter.delayMs = 0;
            var g = strictGlobal();
            var stub = stubResolvConf();
            var ours = new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/zz-port853.conf", true, false,
                    java.util.Map.of("DNSOverTLS", "yes"), null);
            adapter.state = Fakes.state(g, null).withPlatform(new org.port853.platform.linux.LinuxDetails(252, stub,
                    List.of(ours), null, true, "opportunistic"));
            model.refresh();
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
            assertEquals(I18n.t("summary.off.stays", "DNS-over-TLS (opportunistic) stays on: it is set in "
                    + "/etc/systemd/resolved.conf, outside Port853, and revert removes only Port853's own settings; to "
                    + "turn it off, change DNSOverTLS= there."), apply.plainSummaryProperty().get());

            adapter.state = Fakes.state(g, null).withPlatform(new org.port853.platform.linux.LinuxDetails(252, stub,
                    List.of(ours), null, true, "no"));
            model.refresh();
            org.port853.ui.apply.ApplyViewModel again = new org.port853.ui.apply.ApplyViewModel(model);
            again.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
            assertEquals(I18n.t("summary.off.plain", "192.168.1.1 (wlan0)"), again.plainSummaryProperty().get(),
                    "nothing else turns it on: the sheet says where queries then go in plaintext");
            assertTrue(again.plainSummaryProperty().get().endsWith("to the network's own servers: 192.168.1.1 (wlan0)."),
                    again.plainSummaryProperty().get());
        }

        @Test
        @DisplayName("turning off, where only its header says Port853's drop-in is Port853's (revert scope unrecorded, "
                + "journal closed to this user), promises no end of encryption: the helper decides by its journal, and "
                + "the sheet says what happens either way")
        void turningOffWithOursJudgedByHeaderSaysBothOutcomes() {
            adapter.delayMs = 0;
            String ourPath = "/etc/systemd/resolved.conf.d/zz-port853.conf";
            var ours = new org.port853.core.DropIn(ourPath, true, false, java.util.Map.of("DNSOverTLS", "yes"), null);
            adapter.state = Fakes.state(strictGlobal(), null).withPlatform(new org.port853.platform.linux.LinuxDetails(
                    252, stubResolvConf(), List.of(ours), null, true, "no", false, null, null,
                    "/etc/systemd/resolved.conf", null, false, null, false, null, null, null, true, ourPath));
            model.refresh();
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
            String removed = I18n.t("summary.off.plain", "192.168.1.1 (wlan0)");
            assertEquals("Port853's helper decides from Port853's journal whether " + ourPath + " is Port853's: here only "
                    + "the file's header says so, as the record of what a revert removes is missing. If the file is as "
                    + "Port853 wrote it: " + removed + " If it was edited since, revert keeps it, and the settings in it "
                    + "stay in force: DNS-over-TLS (yes) stays on: it is set in " + ourPath + ", which has the name of Port853's "
                    + "settings file but is not as Port853 wrote it (written by hand or by another tool, or edited since), "
                    + "and revert removes only what Port853 wrote; to turn it off, change DNSOverTLS= there or remove that "
                    + "file.", apply.plainSummaryProperty().get());

            String german = I18n.in(java.util.Locale.GERMAN, () -> {
                org.port853.ui.apply.ApplyViewModel de = new org.port853.ui.apply.ApplyViewModel(model);
                de.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
                return de.plainSummaryProperty().get();
            });
            assertTrue(german.startsWith("Ob " + ourPath + " von Port853 ist, entscheidet der Helfer von Port853 anhand "
                    + "seines Journals") && german.contains("DNS-over-TLS (yes) bleibt an"), german);
        }

        @Test
        @DisplayName("Off with nothing of Port853's to remove names the file that keeps DNS-over-TLS on and what to do "
                + "with it, in the words the command line's revert says: an exported copy is removed with the fleet tool "
                + "that deployed it, a file at Port853's path is not as Port853 wrote it, another file is edited")
        void offNamesWhoseFileKeepsEncryptionOn() {
            adapter.delayMs = 0;
            String ourPath = "/etc/systemd/resolved.conf.d/zz-port853.conf";
            assertOffSays(new org.port853.core.DropIn(ourPath, false, false, java.util.Map.of("DNSOverTLS", "yes"), null,
                    false, null, java.util.Set.of(), true), "remove that file with the tool that deployed it");
            assertOffSays(new org.port853.core.DropIn(ourPath, false, false, java.util.Map.of("DNSOverTLS", "yes"), null,
                    false, null, java.util.Set.of()), "is not as Port853 wrote it");
            assertOffSays(new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/60-corp.conf", false, false,
                    java.util.Map.of("DNSOverTLS", "yes"), null, false, null, java.util.Set.of()),
                    "outside Port853, and revert removes only Port853's own settings; to turn it off, change DNSOverTLS= there");
        }

        @Test
        @DisplayName("Off with Port853's drop-in to remove, while a copy deployed from 'port853 export' keeps DNS-over-TLS "
                + "on afterwards, says before it is done what the command line's revert says then: remove that copy with "
                + "the tool that deployed it, not 'change DNSOverTLS= in that file'")
        void turningOffSaysWhatTheRevertWillSayOfAnExportedCopy() {
            adapter.delayMs = 0;
            var g = strictGlobal();
            var stub = stubResolvConf();
            var fleet = new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/50-fleet.conf", false, false,
                    java.util.Map.of("DNSOverTLS", "yes"), null, false, null, java.util.Set.of(), true);
            var ours = new org.port853.core.DropIn("/etc/systemd/resolved.conf.d/zz-port853.conf", true, false,
                    java.util.Map.of("DNSOverTLS", "yes"), null);
            adapter.state = Fakes.state(g, null).withPlatform(new org.port853.platform.linux.LinuxDetails(252, stub,
                    List.of(fleet, ours), null, true, null));
            model.refresh();
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
            // the state the revert leaves: the fleet's copy alone sets it
            var afterRevert = Fakes.state(g, null).withPlatform(new org.port853.platform.linux.LinuxDetails(252, stub,
                    List.of(fleet), null, true, null));
            String cli = org.port853.platform.OutsideEncryption.afterRevert(org.port853.platform.ApplyResult.of(
                    org.port853.platform.ApplyResult.Outcome.REVERTED, ""), afterRevert).reason();
            String said = apply.plainSummaryProperty().get();
            assertTrue(cli.contains("50-fleet.conf") && cli.contains("remove that file with the tool that deployed it"),
                    cli);
            assertTrue(said.endsWith(Character.toUpperCase(cli.charAt(0)) + cli.substring(1) + "."), said + "\n" + cli);
            assertFalse(said.contains("change DNSOverTLS= in that file"), said);
        }

        /** Off's preview while only {@code file} turns DNS-over-TLS on: the command line's note, with {@code advice}. */
        private void assertOffSays(org.port853.core.DropIn file, String advice) {
            var g = strictGlobal();
            var stub = stubResolvConf();
            adapter.state = Fakes.state(g, null).withPlatform(new org.port853.platform.linux.LinuxDetails(252, stub,
                    List.of(file), null, true, null));
            adapter.nextPlan = new org.port853.platform.Plan(List.of(), List.of(), null);
            model.refresh();
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.NO_CHANGE, apply.phaseProperty().get());
            String cli = org.port853.platform.OutsideEncryption.afterRevert(org.port853.platform.ApplyResult.of(
                    org.port853.platform.ApplyResult.Outcome.UNCHANGED, ""), adapter.state).reason();
            String said = apply.summaryProperty().get();
            assertTrue(cli.contains(file.path()) && cli.contains(advice), cli);
            assertTrue(said.startsWith("Nothing would change here") && said.endsWith(
                    Character.toUpperCase(cli.charAt(0)) + cli.substring(1) + "."), said + "\n" + cli);
        }

        /** Port853's strict DNS-over-TLS to 198.18.0.2, as the resolver reports it globally. */
        private static org.port853.core.GlobalState strictGlobal() {
            return new org.port853.core.GlobalState(List.of(ServerAddress.parse("198.18.0.2#dot.test")), List.of(),
                    null, org.port853.core.DotMode.STRICT, org.port853.core.DnssecMode.NO, false, List.of(), "yes",
                    "stub");
        }

        private static org.port853.core.ResolvConfState stubResolvConf() {
            return new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                    "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53"));
        }

        @Test
        @DisplayName("a revert after which names do not resolve says so, as a warning, not 'back as it was'")
        void unhealthyRevertIsAWarning() {
            adapter.delayMs = 0;
            model.refresh();
            adapter.nextRevert = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.REVERTED,
                    org.port853.core.Sentence.of("restored the previous settings, but names do not resolve with them: "
                            + "no servers", "result.reverted-unhealthy", 0, "", "no servers", 0));
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            org.port853.ui.status.StatusViewModel status = new org.port853.ui.status.StatusViewModel(model, apply);
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
            adapter.lookupFails = "example.com: no servers"; // the resolver's own lookup, after the revert, finds the same
            apply.confirm();
            assertEquals("Reverted: restored the previous settings, but names do not resolve with them: no servers",
                    apply.resultTextProperty().get());
            assertTrue(apply.resultWarningProperty().get());
            // the Status screen says the same: the revert's own check is the newest measurement
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertEquals("NAMES_UNRESOLVED", status.reasons().get(0).reason().code(),
                    "the resolver's own lookup after the revert says it, with why");
            assertTrue(status.reasons().stream().noneMatch(r -> r.reason().code().equals("CHANGE_LEFT_UNRESOLVED")),
                    "one 'names do not resolve', not two");
            adapter.lookupFails = null;
            assertNotNull(model.evidence().unansweredProperty().get(), "no newer answer yet");
        }

        @Test
        @DisplayName("a revert that left no DNS server anywhere says that, not 'the servers refuse' with a stale time")
        void revertToNoServersSaysNoServers() {
            adapter.delayMs = 0;
            model.refresh();
            adapter.nextRevert = org.port853.platform.ApplyResult.of(org.port853.platform.ApplyResult.Outcome.REVERTED,
                    org.port853.core.Sentence.of("restored the previous settings, but names do not resolve with them: "
                            + "no servers", "result.reverted-unhealthy", 0, "", "no servers", 0));
            var none = new org.port853.core.GlobalState(List.of(), List.of(), null, org.port853.core.DotMode.OFF,
                    org.port853.core.DnssecMode.NO, false, List.of(), "yes", "stub");
            org.port853.ui.apply.ApplyViewModel apply = new org.port853.ui.apply.ApplyViewModel(model);
            org.port853.ui.status.StatusViewModel status = new org.port853.ui.status.StatusViewModel(model, apply);
            apply.begin(org.port853.ui.apply.ApplyViewModel.Kind.REVERT, AppModel.off());
            // what the revert left: the settings from before, no server on any link either
            adapter.stateAfterRevert = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.DBUS,
                    true, true, none, List.of(), null, null, new org.port853.platform.linux.LinuxDetails(252,
                    new org.port853.core.ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB,
                            "/run/systemd/resolve/stub-resolv.conf", List.of("127.0.0.53")), List.of()));
            apply.confirm();
            assertNotNull(model.evidence().unansweredProperty().get(), "the revert's check is the newest measurement");
            assertEquals(org.port853.ui.status.ProtectionState.NOT_WORKING, status.stateProperty().get());
            assertEquals(List.of("NO_SERVERS", "DNSSEC_OFF"), status.reasons().stream().map(t -> t.reason().code())
                    .toList(), "the configuration says why; the check adds nothing");
        }

        @Test
        @DisplayName("a failed apply shows its reason as the result")
        void applyFails() {
            org.port853.ui.apply.ApplyViewModel apply = appliedWith(org.port853.platform.ApplyResult.of(
                    org.port853.platform.ApplyResult.Outcome.FAILED, "the helper was not authorised"));
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.RESULT, apply.phaseProperty().get());
            assertTrue(apply.resultTextProperty().get().contains("the helper was not authorised"),
                    apply.resultTextProperty().get());
        }

        @Test
        @DisplayName("a change that failed before doing anything (pkexec refused, no helper) lists no steps as done")
        void failedBeforeAnyStepListsNothingDone() {
            adapter.state = Fakes.plaintextState(null);
            adapter.delayMs = 0;
            model.refresh();
            model.chosen().setAll(model.catalogue().get(0));
            org.port853.ui.apply.ApplyViewModel apply = appliedWith(org.port853.platform.ApplyResult.of(
                    org.port853.platform.ApplyResult.Outcome.FAILED, "authorization was refused or cancelled"));
            assertEquals(org.port853.ui.apply.ApplyViewModel.Phase.RESULT, apply.phaseProperty().get());
            assertEquals("", apply.actionsProperty().get(),
                    "the plan's steps ('write ...', 'systemctl restart ...') must not appear under 'Done'");
        }
    }

    @Nested
    @DisplayName("Preferences and Diagnostics")
    class Others {
        /** Preferences saved into {@code store}, whose saves wait until the test runs them. */
        private PreferencesViewModel heldPreferences(PreferencesStore store) {
            PreferencesViewModel prefs = new PreferencesViewModel(store, tasks, Preferences.defaults(),
                    org.port853.ui.prefs.LoginStart.unavailable("test"));
            tasks.hold();
            return prefs;
        }

        @Test
        @DisplayName("a preference change is saved by a task; a failed save is reported")
        void preferences(@TempDir Path dir) throws Exception {
            PreferencesStore store = new PreferencesStore(dir.resolve("conf"));
            PreferencesViewModel prefs = heldPreferences(store);
            prefs.notificationsProperty().set(false);
            assertFalse(Files.exists(store.file()), "nothing written before the task runs");
            tasks.runAll();
            assertFalse(store.load().notifications());
            assertEquals(I18n.t("prefs.saved", store.file()), prefs.messageProperty().get());

            Path notADir = Files.writeString(dir.resolve("file"), "x");
            PreferencesViewModel broken = new PreferencesViewModel(new PreferencesStore(notADir), tasks,
                    Preferences.defaults(), org.port853.ui.prefs.LoginStart.unavailable("test"));
            broken.closeToTrayProperty().set(true);
            assertTrue(broken.messageProperty().get().startsWith(I18n.t("prefs.saveFailed", "")),
                    broken.messageProperty().get());
        }

        @Test
        @DisplayName("the demo's preferences say they last for the demo session only, not where they were saved (en, de)")
        void demoPreferencesSaySessionOnly(@TempDir Path dir) throws Exception {
            for (String lang : new String[]{"en", "de"}) {
                I18n.use(java.util.Locale.forLanguageTag(lang));
                try {
                    PreferencesStore store = new PreferencesStore(dir.resolve("demo-" + lang));
                    PreferencesViewModel prefs = new PreferencesViewModel(store, tasks, Preferences.defaults(),
                            org.port853.ui.prefs.LoginStart.unavailable("test"), true);
                    tasks.hold();
                    prefs.notificationsProperty().set(false);
                    tasks.runAll();
                    String said = prefs.messageProperty().get();
                    assertEquals(I18n.t("prefs.saved.demo"), said);
                    assertFalse(said.contains(dir.toString()), said);
                } finally {
                    I18n.use(null);
                }
            }
            assertNotEquals(I18n.in(java.util.Locale.ENGLISH, () -> I18n.t("prefs.saved.demo")),
                    I18n.in(java.util.Locale.GERMAN, () -> I18n.t("prefs.saved.demo")), "said in German too");
        }

        @Test
        @DisplayName("two quick preference changes whose saves finish in the other order leave the newer one in the file")
        void newestPreferenceWins(@TempDir Path dir) throws Exception {
            PreferencesStore store = new PreferencesStore(dir.resolve("conf"));
            PreferencesViewModel prefs = heldPreferences(store);
            prefs.themeProperty().set(Preferences.Theme.DARK);
            prefs.themeProperty().set(Preferences.Theme.SYSTEM);
            tasks.runNewest();
            tasks.runAll();
            assertEquals(Preferences.Theme.SYSTEM, store.load().theme());
        }

        @Test
        @DisplayName("start at login: read from the autostart folder, written there by a task, and a failed write says so")
        void startAtLogin(@TempDir Path dir) throws Exception {
            Path autostart = dir.resolve("autostart");
            Path launcher = Files.writeString(dir.resolve("port853"), "#!/bin/sh\n");
            PreferencesStore store = new PreferencesStore(dir.resolve("conf"));
            var login = org.port853.ui.prefs.LoginStart.in(autostart, launcher);
            PreferencesViewModel prefs = new PreferencesViewModel(store, tasks, Preferences.defaults(), login);
            tasks.runAll();
            assertTrue(prefs.startAtLoginKnownProperty().get());
            assertFalse(prefs.startAtLoginProperty().get());

            tasks.hold();
            prefs.startAtLoginProperty().set(true);
            assertFalse(prefs.startAtLoginKnownProperty().get(), "the check box waits while the entry is written");
            assertFalse(Files.exists(autostart), "nothing written before the task runs");
            tasks.runAll();
            Path entry = autostart.resolve("org.port853.Port853.desktop");
            String text = Files.readString(entry);
            assertTrue(text.contains("\nExec=" + launcher + "\n"), text);
            assertTrue(text.contains("\nTryExec=" + launcher + "\n"), "skipped once uninstalled: " + text);
            assertTrue(prefs.startAtLoginProperty().get());
            assertFalse(Files.exists(store.file()), "the autostart entry is the setting: ui.properties is not written");

            PreferencesViewModel again = new PreferencesViewModel(store, tasks, Preferences.defaults(), login);
            tasks.runAll();
            assertTrue(again.startAtLoginProperty().get(), "read back from the folder");
            again.startAtLoginProperty().set(false);
            tasks.runAll();
            assertFalse(Files.exists(entry));

            Files.writeString(entry, text.replace("X-GNOME-Autostart-enabled=true", "Hidden=true"));
            PreferencesViewModel hidden = new PreferencesViewModel(store, tasks, Preferences.defaults(), login);
            tasks.runAll();
            assertFalse(hidden.startAtLoginProperty().get(), "an entry the desktop was told to skip is off");

            Files.delete(entry);
            Files.delete(autostart);
            Files.writeString(autostart, "not a folder");
            PreferencesViewModel blocked = new PreferencesViewModel(store, tasks, Preferences.defaults(), login);
            tasks.runAll();
            blocked.startAtLoginProperty().set(true);
            tasks.runAll();
            assertFalse(blocked.startAtLoginProperty().get(), "the check box shows what is true: off");
            assertTrue(blocked.messageProperty().get().startsWith(I18n.t("prefs.saveFailed", "")),
                    blocked.messageProperty().get());
        }

        @Test
        @DisplayName("an Exec path with spaces and quotes is quoted as the desktop entry specification says")
        void loginStartQuoting(@TempDir Path dir) throws Exception {
            Path launcher = dir.resolve("my apps").resolve("port\"853$");
            Files.createDirectories(launcher.getParent());
            Files.writeString(launcher, "");
            var login = org.port853.ui.prefs.LoginStart.in(dir.resolve("autostart"), launcher);
            login.set(true);
            String exec = Files.readAllLines(dir.resolve("autostart/org.port853.Port853.desktop")).stream()
                    .filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow();
            // the file's string escape turns \\ into \, then the quoting rule turns \" into " and \$ into $
            assertEquals("Exec=\"" + launcher.getParent() + "/port\\\\\"853\\\\$\"", exec);
        }

        @Test
        @DisplayName("the providers' filter finds a country by the name the window shows")
        void providersByTheirCountrysShownName() {
            model.refresh();
            var providers = new org.port853.ui.providers.ProvidersViewModel(model, new org.port853.ui.apply.ApplyViewModel(model));
            assertFalse(providers.catalogue().isEmpty());
            I18n.in(java.util.Locale.GERMAN, () -> {
                providers.filterProperty().set("schweiz");
                return null;
            });
            assertFalse(providers.filtered().isEmpty());
            assertTrue(providers.filtered().stream().allMatch(p -> "Switzerland".equals(p.jurisdiction())),
                    providers.filtered().toString());
        }

        /** Diagnostics whose doctor and pin check the test scripts; no pins recorded, no benchmark. */
        private DiagnosticsService diagnostics(java.util.function.Supplier<Doctor.Report> doctor,
                                               java.util.function.Supplier<List<Check>> checkPins) {
            return new DiagnosticsService() {
                public Doctor.Report doctor() { return doctor.get(); }
                public List<Check> checkPins() { return checkPins.get(); }
                public List<PinRecord> pins() { return List.of(); }
                public List<BenchResult> bench() { return List.of(); }
                public boolean demo() { return false; }
            };
        }

        @Test
        @DisplayName("only a run's own checks count as TLS failures seen then: a pin check 16 minutes after a run that "
                + "found a port silent does not make that old failure new again")
        void onlyARunsOwnChecksCountAsNew() {
            ServerAddress server = ServerAddress.parse("198.18.0.4#dot.test");
            Check silent = Check.failure("dot.reachable", server.toString(), "no answer", "Try another network.")
                    .says("dot.reachable.timeout", "198.18.0.4:853");
            MovableClock clock = new MovableClock();
            TlsFailures failures = new TlsFailures(clock);
            DiagnosticsViewModel vm = new DiagnosticsViewModel(diagnostics(
                    () -> new Doctor.Report(List.of(silent), List.of(), List.of()),
                    () -> List.of(Check.ok("pin.spki", "198.18.0.2#dot.test", "matches"))), tasks, text -> { });
            vm.onRun(failures::checked);
            vm.runDoctor();
            assertTrue(failures.of(server).isPresent());
            clock.advance(Duration.ofMinutes(16));
            vm.checkPins();
            assertTrue(vm.checks().contains(silent), "the run's row stays in the table");
            assertTrue(failures.of(server).isEmpty(), "the failure is 16 minutes old");
        }

        @Test
        @DisplayName("Check pins says how many keys it checked, how many changed and how many it could not check, and "
                + "its results take the place of the last run's pin rows in the checks table")
        void checkPinsSaysWhatItFound() {
            Check oldPin = Check.ok("pin.spki", "198.18.0.2#a.test", "matches (the run before)");
            Check dot = Check.ok("dot.reachable", "198.18.0.2#a.test", "reachable");
            List<Check> pinResults = List.of(Check.ok("pin.spki", "198.18.0.2#a.test", "matches"),
                    Check.failure("pin.spki", "198.18.0.3#b.test", "THE SERVER'S KEY CHANGED", "accept or investigate"),
                    Check.warning("pin.spki", "198.18.0.4#c.test", "no TLS handshake", null));
            DiagnosticsViewModel vm = new DiagnosticsViewModel(diagnostics(
                    () -> new Doctor.Report(List.of(dot, oldPin), List.of(), List.of()), () -> pinResults), tasks, text -> { });
            vm.runDoctor();
            vm.checkPins();
            String said = vm.headlineProperty().get();
            assertTrue(said.startsWith("3 server keys checked at ") && said.contains("1 KEY CHANGED, 1 not checked or not recorded"),
                    said);
            assertFalse(vm.checks().contains(oldPin), vm.checks().toString());
            assertEquals(pinResults.get(1), vm.checks().get(0), "the changed key first");
            assertTrue(vm.checks().containsAll(pinResults) && vm.checks().contains(dot), vm.checks().toString());

            DiagnosticsViewModel one = new DiagnosticsViewModel(diagnostics(() -> null,
                    () -> List.of(pinResults.get(0))), tasks, text -> { });
            one.checkPins();
            assertTrue(one.headlineProperty().get().startsWith("1 server key checked at "), one.headlineProperty().get());
            assertTrue(one.headlineProperty().get().contains(": no key changed."), one.headlineProperty().get());
        }

        @Test
        @DisplayName("the pins table is read again when the servers or mode change (a change checks their pins), not at "
                + "every re-read of the same settings")
        void pinsAreReadAgainAfterAChangeOfSettings() {
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            DiagnosticsService service = new DiagnosticsService() {
                public Doctor.Report doctor() { return null; }
                public List<Check> checkPins() { return List.of(); }
                public List<PinRecord> pins() { reads.incrementAndGet(); return List.of(); }
                public List<BenchResult> bench() { return List.of(); }
                public boolean demo() { return false; }
            };
            DiagnosticsViewModel vm = new DiagnosticsViewModel(service, tasks, text -> { });
            var state = new javafx.beans.property.SimpleObjectProperty<org.port853.core.ResolverState>();
            var recorded = new javafx.beans.property.SimpleIntegerProperty();
            vm.followSettings(state, recorded);
            var strict = new org.port853.core.GlobalState(List.of(ServerAddress.parse("198.18.0.2#dot.test")),
                    List.of(), null, org.port853.core.DotMode.STRICT, org.port853.core.DnssecMode.NO, false, List.of(),
                    "yes", "stub");
            state.set(Fakes.state(strict, null));
            int afterFirst = reads.get();
            assertTrue(afterFirst >= 1, "the first settings read");
            state.set(Fakes.state(strict, null));
            assertEquals(afterFirst, reads.get(), "the same settings read again: no new read");
            state.set(Fakes.state(new org.port853.core.GlobalState(List.of(ServerAddress.parse("198.18.0.5#dot.test")),
                    List.of(), null, org.port853.core.DotMode.STRICT, org.port853.core.DnssecMode.NO, false, List.of(),
                    "yes", "stub"), null));
            assertEquals(afterFirst + 1, reads.get(), "another server: its pin was checked by the change");
            recorded.set(1); // this window's change saved the pins after its result, after the state was read again
            assertEquals(afterFirst + 2, reads.get(), "read again once the change's pins are saved");
        }

        @Test
        @DisplayName("the benchmark says which servers the chart leaves out (no answer) or strict mode would refuse, "
                + "and counts only the servers that answered as ranked")
        void benchSaysWhatTheChartCannot() {
            org.port853.core.ServerAddress good = org.port853.core.ServerAddress.parse("198.18.0.2#dot.test");
            org.port853.core.ServerAddress untrusted = org.port853.core.ServerAddress.parse("198.18.0.3#dot.test");
            org.port853.core.ServerAddress closed = org.port853.core.ServerAddress.parse("198.18.0.4#dot.test");
            List<BenchResult> results = List.of(
                    new BenchResult(1, good, "Rig", true, 10.0, 5.0, 6.0, 1.0, 2.0, 4, 0, "TLSv1.3", null, null),
                    new BenchResult(2, untrusted, null, false, 11.0, 5.0, 6.0, 1.0, 2.0, 4, 0, "TLSv1.3", null,
                            "certificate not trusted"),
                    new BenchResult(3, closed, null, false, null, null, null, null, null, 4, 4, null,
                            "TCP connection refused", null));
            DiagnosticsService service = new DiagnosticsService() {
                public Doctor.Report doctor() { return null; }
                public List<Check> checkPins() { return List.of(); }
                public List<PinRecord> pins() { return List.of(); }
                public List<BenchResult> bench() { return results; }
                public boolean demo() { return false; }
            };
            DiagnosticsViewModel vm = new DiagnosticsViewModel(service, tasks, text -> { });
            assertEquals("", vm.benchProblemsProperty().get());
            vm.runBench();
            List<String> lines = List.of(vm.benchProblemsProperty().get().split("\n"));
            assertEquals(2, lines.size(), lines.toString());
            assertEquals(I18n.t("diag.bench.problem.not-strict", "2. 198.18.0.3#dot.test", "certificate not trusted"),
                    lines.get(0));
            assertEquals(I18n.t("diag.bench.problem.no-answer", "3. 198.18.0.4#dot.test", "TCP connection refused"),
                    lines.get(1));
            assertTrue(vm.suggestionProperty().get().startsWith(I18n.t("diag.bench.done", 2)),
                    vm.suggestionProperty().get());
        }

        @Test
        @DisplayName("in the demo, Check pins and Benchmark providers say their results are samples, as Run diagnostics does")
        void demoResultsCarryTheDemoMark() {
            DiagnosticsViewModel vm = new DiagnosticsViewModel(new org.port853.ui.diagnostics.DemoDiagnostics(
                    new org.port853.platform.demo.DemoResolverAdapter()), tasks, text -> { });
            String mark = I18n.t("diag.demo");
            vm.runDoctor();
            assertTrue(vm.headlineProperty().get().endsWith(mark), vm.headlineProperty().get());
            vm.checkPins();
            assertTrue(vm.headlineProperty().get().endsWith(mark), vm.headlineProperty().get());
            String checksFound = vm.headlineProperty().get();
            vm.runBench();
            assertFalse(vm.bench().isEmpty());
            assertEquals(checksFound, vm.headlineProperty().get(), "the benchmark leaves what the checks found");
            assertTrue(vm.suggestionProperty().get().startsWith(I18n.t("diag.bench.done", vm.bench().size())),
                    vm.suggestionProperty().get());
            assertTrue(vm.suggestionProperty().get().endsWith(mark), vm.suggestionProperty().get());
        }

        @Test
        @DisplayName("in the demo, the configuration checks follow what the demo applied (no bypass warning once all "
                + "domains are routed)")
        void demoConfigurationChecksFollowTheDemo() {
            org.port853.platform.demo.DemoResolverAdapter machine = new org.port853.platform.demo.DemoResolverAdapter(
                    java.time.Duration.ZERO, false);
            org.port853.ui.diagnostics.DemoDiagnostics demo = new org.port853.ui.diagnostics.DemoDiagnostics(machine);
            assertEquals(org.port853.probe.doctor.CheckStatus.FAILURE, linkBypass(demo).status(),
                    "the sample machine's wlan0 gets every unrouted name in plaintext");
            assertEquals(org.port853.platform.ApplyResult.Outcome.APPLIED, machine.apply(new org.port853.core.DesiredSettings(
                    List.of(org.port853.core.ServerAddress.parse("9.9.9.9#dns.quad9.net")), org.port853.core.DotMode.STRICT,
                    org.port853.core.DnssecMode.NO, true, List.of())).outcome());
            assertEquals(org.port853.probe.doctor.CheckStatus.OK, linkBypass(demo).status(), "all domains routed: nothing bypasses");
        }

        @Test
        @DisplayName("in the demo, the server probes and pins are of the servers the demo applied, not a fixed sample")
        void demoProbesFollowTheAppliedServers() {
            org.port853.platform.demo.DemoResolverAdapter machine = new org.port853.platform.demo.DemoResolverAdapter(
                    java.time.Duration.ZERO, false);
            org.port853.ui.diagnostics.DemoDiagnostics demo = new org.port853.ui.diagnostics.DemoDiagnostics(machine);
            String mullvad = "194.242.2.2#dns.mullvad.net";
            assertFalse(probed(demo).contains(mullvad), probed(demo).toString());
            assertEquals(org.port853.platform.ApplyResult.Outcome.APPLIED, machine.apply(new org.port853.core.DesiredSettings(
                    List.of(org.port853.core.ServerAddress.parse(mullvad)), org.port853.core.DotMode.STRICT,
                    org.port853.core.DnssecMode.NO, true, List.of())).outcome());
            assertEquals(List.of(mullvad), probed(demo));
            assertEquals(List.of(mullvad), demo.pins().stream().map(PinRecord::server).toList());
            assertEquals(List.of(mullvad), demo.checkPins().stream().map(Check::server).toList());
            assertTrue(org.port853.core.SpkiPin.isValid(demo.pins().get(0).pin()), demo.pins().get(0).pin());
        }

        private List<String> probed(org.port853.ui.diagnostics.DemoDiagnostics demo) {
            return demo.doctor().checks().stream().filter(c -> c.id().equals("dot.reachable")).map(Check::server).toList();
        }

        private Check linkBypass(org.port853.ui.diagnostics.DemoDiagnostics demo) {
            return demo.doctor().checks().stream().filter(c -> c.id().equals("config.link-bypass")).findFirst().orElseThrow();
        }

        @Test
        @DisplayName("Diagnostics runs one check at a time and is not left running after a failure")
        void diagnostics() {
            AtomicInteger doctors = new AtomicInteger();
            DiagnosticsService service = diagnostics(() -> {
                doctors.incrementAndGet();
                throw new IllegalStateException("resolver gone");
            }, List::of);
            DiagnosticsViewModel vm = new DiagnosticsViewModel(service, tasks, text -> { });
            tasks.hold();
            vm.runDoctor();
            assertTrue(vm.runningProperty().get());
            vm.runBench();
            assertEquals(1, tasks.waiting(), "the benchmark waits for the doctor");
            tasks.runAll();
            assertFalse(vm.runningProperty().get());
            assertEquals(I18n.t("diag.failed", "resolver gone"), vm.headlineProperty().get());
            vm.runBench();
            assertFalse(vm.runningProperty().get());
            assertEquals(1, doctors.get());
        }
    }
}
