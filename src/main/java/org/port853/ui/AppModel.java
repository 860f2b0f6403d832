package org.port853.ui;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.port853.core.Assessment;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.Provider;
import org.port853.core.ResolverSettings;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.ui.common.Errors;
import org.port853.ui.common.I18n;
import org.port853.ui.common.ProviderNames;
import org.port853.core.SystemDnssec;
import org.port853.ui.task.BackgroundTask;
import org.port853.ui.task.FxTaskExecutor;
import org.port853.ui.task.TaskExecutor;
import org.port853.ui.task.TaskSlot;

/**
 * State shared by all screens: what the resolver does now (read off the JavaFX thread), and what the user
 * has chosen (providers in order, mode, DNSSEC, route all domains). Also the capture's leak signal.
 */
public final class AppModel {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AppModel.class.getName());
    /** The providers the system used while encryption was last on; empty before that was seen. */
    private List<Provider> lastEncrypted = List.of();
    /** Their servers, kept across restarts. */
    private final org.port853.ui.prefs.LastServersStore lastServers;
    /** What the next save of {@link #lastServers} writes: the newest list. */
    private final java.util.concurrent.atomic.AtomicReference<List<ServerAddress>> serversToKeep =
            new java.util.concurrent.atomic.AtomicReference<>(List.of());
    private final AppServices services;
    private final TaskExecutor tasks;
    private final TaskSlot refreshing;
    /** A refresh was asked for while one was under way: one more follows it. */
    private boolean refreshQueued;
    /** The resolver's lookup of one name after a refresh (see {@link #lookUp}). */
    private final TaskSlot lookingUp;
    private final TaskSlot rereading;
    /** The settings of the newest readable reading and when that reading began (null: none yet). */
    private ResolverSettings settings;
    private java.time.Instant settingsReadAt;
    /** Readings are numbered as they start; the number of the one on screen. */
    private long readingsStarted;
    private long readingShown;
    /** Custom providers saved or deleted in this window: a list read before one of them is older news. */
    private long catalogueEdits;
    private java.util.function.BooleanSupplier rereadsHeld = () -> false;
    private final ReadOnlyObjectWrapper<ResolverState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Assessment> assessment = new ReadOnlyObjectWrapper<>();
    /** The last refresh's lookup (null before the first); written on the JavaFX thread, read on the workers too. */
    private volatile LookupCheck lookup;
    // a binding, not a property set after the two: whoever reads it while state or assessment changes gets the new value
    private final javafx.beans.binding.ObjectBinding<Blocked> blocked = javafx.beans.binding.Bindings.createObjectBinding(
            () -> Blocked.of(state.get(), assessment.get(), this::refusesChanges), state, assessment);
    private final StringProperty refreshError = new SimpleStringProperty();
    /** Why the user's own providers could not be read (null when they could): said on Providers, not as a state error. */
    private final javafx.beans.property.ReadOnlyStringWrapper providerProblem = new javafx.beans.property.ReadOnlyStringWrapper();
    /** The file of the user's own providers that was refused and left as it is; null when it was read (or none). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.nio.file.Path> refusedProviderFile =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    /** Which of the user's own providers are listed under a new id, as an update gave theirs to a built-in one. */
    private final javafx.beans.property.ReadOnlyStringWrapper providersRenamed = new javafx.beans.property.ReadOnlyStringWrapper();
    private final ObservableList<Provider> catalogue = FXCollections.observableArrayList();
    private final ObservableList<Provider> chosen = FXCollections.observableArrayList();
    private final ObjectProperty<DotMode> mode = new SimpleObjectProperty<>(DotMode.STRICT);
    private final ObjectProperty<DnssecMode> dnssec = new SimpleObjectProperty<>(DnssecMode.NO);
    private final BooleanProperty routeAllDomains = new SimpleBooleanProperty(true);
    private final LeakEvidence evidence = new LeakEvidence();
    private final TlsFailures tlsFailures;
    private final OwnLookups ownLookups = new OwnLookups();
    private final ReadOnlyIntegerWrapper draftChanges = new ReadOnlyIntegerWrapper();
    /** Counts the pin records a change made in this window saved (after its result: they probe the servers). */
    private final ReadOnlyIntegerWrapper pinsRecorded = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<List<String>> changedKeys = new ReadOnlyObjectWrapper<>(List.of());
    /** Encryption is off and the draft is Port853's unedited proposal for turning it on: not what the system does. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper draftIsProposal =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** The draft as last taken from the system; while the draft still equals it, the user has not edited it. */
    private Draft followed = currentDraft();

    /** The window's model: system work on {@code services.executor()}, outcomes on the JavaFX thread. */
    public AppModel(AppServices services) {
        this(services, new FxTaskExecutor(services.executor()));
    }

    /** @param tasks runs every background task of the window (a current-thread executor in unit tests) */
    public AppModel(AppServices services, TaskExecutor tasks) {
        this(services, tasks, new TlsFailures());
    }

    /** @param tlsFailures the servers whose DNS-over-TLS just failed (one on a test clock in unit tests) */
    public AppModel(AppServices services, TaskExecutor tasks, TlsFailures tlsFailures) {
        this.tlsFailures = tlsFailures;
        this.services = services;
        this.tasks = tasks;
        this.lastServers = new org.port853.ui.prefs.LastServersStore(services.configDir());
        this.refreshing = new TaskSlot(tasks);
        this.lookingUp = new TaskSlot(tasks);
        this.rereading = new TaskSlot(tasks);
        chosen.addListener((javafx.collections.ListChangeListener<Provider>) c -> updateDraftChanges());
        assessment.addListener((o, was, a) -> tlsFailures.assessed(a, state.get()));
        mode.addListener((o, a, b) -> updateDraftChanges());
        dnssec.addListener((o, a, b) -> updateDraftChanges());
        routeAllDomains.addListener((o, a, b) -> updateDraftChanges());
    }

    public AppServices services() {
        return services;
    }

    /** Runs the window's background work; view models hand their tasks to it. */
    public TaskExecutor tasks() {
        return tasks;
    }

    /** The user's choices as one value, to tell an edited draft from one that still shows the system. */
    private record Draft(List<Provider> chosen, DotMode mode, DnssecMode dnssec, boolean routeAllDomains) {
    }

    private Draft currentDraft() {
        return new Draft(List.copyOf(chosen), mode.get(), dnssec.get(), routeAllDomains.get());
    }

    /**
     * One background read: the state, its assessment, the provider list and the servers encryption last used (null:
     * not read this time).
     */
    private record Reading(ResolverState state, Assessment assessment, List<Provider> providers, String providerProblem,
                           java.nio.file.Path refusedProviderFile, String providersRenamed, List<String> changedKeys,
                           List<ServerAddress> lastServers) {
    }

    /**
     * Reads the resolver state and the provider list in the background, showing progress; safe to call often. Asked
     * while a reading is under way, it reads once more after that one: the reading under way may have started before
     * what the user refreshes for (a resolver started again in a terminal).
     */
    public void refresh() {
        if (!refreshing.isBusy()) {
            refreshing.run(reading(true));
        } else if (!refreshQueued) {
            refreshQueued = true;
            refreshing.whenIdle(() -> {
                refreshQueued = false;
                refreshing.run(reading(true));
            });
        }
    }

    /** {@link #refresh()}, then {@code afterwards} once the reading has been shown. */
    public void refresh(Runnable afterwards) {
        refresh();
        refreshing.whenIdle(afterwards);
    }

    /**
     * The same reading when nobody asked for it (a timer, the window regaining focus, the end of a Verify), so that a
     * change made elsewhere shows: no progress shown, and nothing when a reading is under way already or while
     * {@link #holdRereadsWhile} says a change is being made (the resolver would be read half-restarted).
     */
    public void reread() {
        if (!refreshing.isBusy() && !rereadsHeld.getAsBoolean()) {
            rereading.run(reading(false)); // the state only: the provider list changes through the window
        }
    }

    /** Re-readings wait while {@code changing} is true; the change refreshes the state at its end. */
    public void holdRereadsWhile(java.util.function.BooleanSupplier changing) {
        rereadsHeld = changing;
    }

    private BackgroundTask<Reading> reading(boolean withProviders) {
        java.time.Instant started = java.time.Instant.now();
        long number = ++readingsStarted;
        long editsBefore = catalogueEdits;
        boolean lastServersWanted = lastEncrypted.isEmpty();
        return BackgroundTask.of(() -> {
            // reading can look a name up too (in opportunistic mode, whether the resolver fell back to plaintext)
            ResolverState s = ownLookups.asking(services.adapter().ownLookupName(), services.adapter()::readState);
            Assessment a = withLookup(s, services.adapter().assess(s));
            if (!withProviders) {
                return new Reading(s, a, null, null, null, null, null, null);
            }
            List<Provider> providers;
            String providerProblem = null;
            java.nio.file.Path refusedFile = null;
            String renamed = null;
            try {
                org.port853.core.ProviderCatalog c = services.providers().catalogue().get();
                providers = c.all();
                if (!c.failures().isEmpty()) { // the user's own file: the built-in providers are there all the same
                    providerProblem = I18n.t("providers.customUnreadable", Errors.describe(c.failures().get(0)));
                    refusedFile = c.failures().get(0) instanceof org.port853.core.CustomProviders.Refused refused
                            ? refused.file() : null;
                }
                renamed = org.port853.ui.providers.RenamedProviderTexts.of(c.renamed());
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "the provider list could not be read", e);
                providers = List.of();
                providerProblem = I18n.t("providers.unreadable", Errors.describe(e));
            }
            // 'port853 pins --check' may have found a key change meanwhile
            return new Reading(s, a, providers, providerProblem, refusedFile, renamed, changedKeysNow(),
                    lastServersWanted ? lastServers.load() : null);
        }).onSuccess(r -> {
            // a refresh and a re-read can run at once: one that began before the reading already shown is older news
            if (number < readingShown) {
                return;
            }
            readingShown = number;
            tlsFailures.forgetExpired(); // the Protect row must not keep naming a server left out no longer
            boolean untouched = currentDraft().equals(followed);
            if (r.changedKeys() != null) {
                changedKeys.set(r.changedKeys());
            }
            if (r.providers() != null && editsBefore == catalogueEdits) {
                providerProblem.set(r.providerProblem());
                refusedProviderFile.set(r.refusedProviderFile());
                providersRenamed.set(r.providersRenamed());
                if (!r.providers().equals(catalogue)) {
                    catalogue.setAll(r.providers());
                }
            }
            noteSettings(ResolverSettings.of(r.state()), started);
            if (!r.state().equals(state.get())) {
                state.set(r.state());
            }
            if (!r.assessment().equals(assessment.get())) {
                assessment.set(r.assessment());
            }
            if (lastEncrypted.isEmpty() && r.lastServers() != null) { // from before a restart
                lastEncrypted = ProviderNames.draftOf(r.lastServers(), catalogue);
            }
            rememberEncryptedProviders();
            followSystem(untouched);
            // while the last lookup or Verify got no answer, every re-read asks again: names that resolve again are
            // not "Not working" (after a Verify, not where only the resolver's cache answers: that says nothing of the
            // servers, systemd before 248); so does one that finds other settings (changed outside Port853): the last
            // answer says nothing of them; and one a minute after the last answer: servers that stop answering under
            // the same settings (a provider down, port 853 blocked on a new network) are "Not working" without Refresh
            LookupCheck last = lookup;
            boolean verifyUnanswered = evidence.unansweredProperty().get() != null && (last == null || !last.cacheOnly());
            if (withProviders || verifyUnanswered || last != null && (last.failure() != null
                    || !java.util.Objects.equals(last.settings(), ResolverSettings.of(r.state()))
                    || last.olderThan(answerKeptFor))) {
                lookUp(r.state());
            }
        }).onFailure(e -> refreshError.set(I18n.t("state.readFailed.detail", Errors.describe(e))));
    }

    /**
     * The resolver's own lookup of one name, as the command line's {@code status} makes it: settings that look right
     * while nothing resolves (strict mode on a network that blocks port 853) are not "Protected". One real query, so
     * only after a refresh (start, Refresh, after a change) has shown its reading, never holding it back (a failing
     * lookup waits for its timeout); the re-reads every few seconds keep a success while the settings stay those it
     * was made under, for {@link #keepLookupAnswersFor} (a minute; longer while the window is hidden in the tray), and
     * ask again after a failure.
     */
    private void lookUp(ResolverState s) {
        // after the one under way, if any: that one was made under the settings before this refresh. One waits at
        // most, for the newest reading: re-reads while a slow lookup fails would otherwise queue one each
        boolean waiting = lookupNext != null;
        lookupNext = s;
        if (!waiting) {
            lookingUp.whenIdle(() -> {
                ResolverState next = lookupNext;
                lookupNext = null;
                lookUpNow(next);
            });
        }
    }

    /** The reading the next lookup is for, while one waits for the lookup under way; JavaFX thread only. */
    private ResolverState lookupNext;

    private void lookUpNow(ResolverState s) {
        ResolverSettings settings = ResolverSettings.of(s);
        org.port853.platform.ResolverAdapter adapter = services.adapter();
        java.time.Instant asked = java.time.Instant.now();
        lookingUp.run(BackgroundTask.of(() -> ownLookups.asking(adapter.ownLookupName(),
                // the assessment without the last lookup's failure: with it, "already broken" would skip the query
                () -> adapter.lookup(s, adapter.assess(s)))).onSuccess(found -> {
            lookup = new LookupCheck(settings, found, asked);
            if (found.serversAnswered()) {
                evidence.namesResolved(asked); // newer than a Verify that got no answer: names resolve now
            }
            ResolverState now = state.get();
            if (now != null && settings != null && settings.equals(ResolverSettings.of(now))) {
                Assessment again = withLookup(now, services.adapter().assess(now));
                if (!again.equals(assessment.get())) {
                    assessment.set(again);
                }
            }
        }));
    }

    /** {@code a} with the last lookup's failure when it was made under {@code s}'s settings (any thread). */
    private Assessment withLookup(ResolverState s, Assessment a) {
        ResolverSettings settings = ResolverSettings.of(s);
        LookupCheck last = lookup;
        if (last == null || last.failure() == null || settings == null || !settings.equals(last.settings())) {
            return a;
        }
        return org.port853.core.Assessor.namesUnresolved(a, s, last.failure());
    }

    /** How long a re-read keeps the last lookup's answer before it asks again. */
    private volatile java.time.Duration answerKeptFor = java.time.Duration.ofMinutes(1);

    /** How long a re-read keeps an answer of the resolver's own lookup before it asks again. */
    void keepLookupAnswersFor(java.time.Duration d) {
        answerKeptFor = d;
    }

    /** A lookup's outcome, the settings it was made under and when it was asked. */
    private record LookupCheck(ResolverSettings settings, org.port853.platform.OwnLookup found, java.time.Instant asked) {
        boolean olderThan(java.time.Duration d) {
            return !asked.plus(d).isAfter(java.time.Instant.now());
        }

        String failure() {
            return found.failure();
        }

        /** Answered by a resolver that cannot be told to skip its cache: the answer says nothing of its servers. */
        boolean cacheOnly() {
            return found.asked() && found.failure() == null && !found.pastCache();
        }
    }

    /**
     * Settings that differ from the previous readable reading were changed in between, by whoever. Leaks seen before
     * that reading began were made under the settings that are gone; later ones may be the new settings' own, so they
     * still count (they age out of the evidence as any leak does). An unreadable reading says nothing about the
     * settings, and readings from different sources (D-Bus, or resolvectl when the bus failed) are not compared:
     * they report unset values differently.
     */
    private void noteSettings(ResolverSettings now, java.time.Instant readingStarted) {
        if (now == null) {
            return;
        }
        if (settings != null && settings.source() == now.source() && !settings.equals(now)) {
            evidence.settingsChanged(settingsReadAt);
        }
        settings = now;
        settingsReadAt = readingStarted;
    }

    /**
     * The draft follows what the resolver does, also after a change made elsewhere (Status, Verify's Fix, the command
     * line). What the user has edited stays, its changes counted against the new state; what they did not edit
     * follows (a provider ticked before Status's "Use strict mode" must not leave opportunistic mode in the draft, to
     * be applied back by the footer).
     */
    private void followSystem(boolean untouched) {
        updateDraftChanges();
        if (untouched || draftChanges.get() == 0) {
            resetDraft();
            return;
        }
        ResolverState s = state.get();
        if (s == null || !s.readable()) {
            return;
        }
        Draft was = followed;
        Draft now = systemsDraft(s.global());
        if (chosen.equals(was.chosen())) chosen.setAll(now.chosen());
        if (mode.get() == was.mode()) mode.set(now.mode());
        if (dnssec.get() == was.dnssec()) dnssec.set(now.dnssec());
        if (routeAllDomains.get() == was.routeAllDomains()) routeAllDomains.set(now.routeAllDomains());
        // whether it is touched from now on is measured against what these settings make, not the old
        followed = now;
        updateDraftChanges();
    }

    /** Makes the draft equal to the system's settings again (also "Discard"). */
    public void resetDraft() {
        ResolverState s = state.get();
        if (s == null || !s.readable()) {
            return;
        }
        Draft d = systemsDraft(s.global());
        // the same providers again are no edit of the draft: a change event would take the Providers screen's note
        // away (a re-read resets a draft it follows, and an edited provider in use is followed with its old servers)
        if (!chosen.equals(d.chosen())) chosen.setAll(d.chosen());
        mode.set(d.mode());
        dnssec.set(d.dnssec());
        routeAllDomains.set(d.routeAllDomains());
        followed = currentDraft();
        updateDraftChanges();
    }

    /**
     * The draft the system's settings make, what Discard returns to and what changes are counted against. An
     * unencrypted system's draft proposes strict mode with every domain routed (what turning encryption on applies).
     */
    private Draft systemsDraft(GlobalState g) {
        boolean on = encryptionOn();
        return new Draft(systemProviders(g), on ? g.dnsOverTls() : DotMode.STRICT,
                SystemDnssec.shown(g), !on || g.routesEverything());
    }

    /**
     * How many changes the draft makes to the system (0 = none): each provider added or removed, a new order of the
     * same providers, and each of mode, DNSSEC and routing.
     */
    private void updateDraftChanges() {
        ResolverState s = state.get();
        draftIsProposal.set(false);
        if (s == null || !s.readable()) {
            draftChanges.set(0);
            return;
        }
        if (!encryptionOn() && chosen.isEmpty()) {
            draftChanges.set(0);
            return;
        }
        GlobalState g = s.global();
        Draft d = systemsDraft(g);
        // compared by provider: the system may use only some of a provider's addresses
        int servers = serverChanges(chosen, d.chosen());
        int dnssecChanged = dnssec.get() != d.dnssec() ? 1 : 0;
        boolean edited = servers + dnssecChanged > 0 || mode.get() != d.mode()
                || routeAllDomains.get() != d.routeAllDomains();
        // nothing counts until the user edits the draft (an unencrypted system's draft is only a proposal); then the
        // items the preview lists as changed ("Servers: none → Quad9 · Mode: off → strict · All domains": 3)
        draftChanges.set(!edited ? 0 : previewedChanges(s));
        draftIsProposal.set(!edited && !encryptionOn());
    }

    /**
     * Encryption is off and the draft still is the proposal for turning it on (the providers it had, or those its
     * plaintext servers belong to): shown as chosen, but not in use, which the Providers screen must say.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty draftIsProposalProperty() {
        return draftIsProposal.getReadOnlyProperty();
    }

    /** The items applying the draft changes (0: it changes nothing); one when it cannot be applied (the preview says why). */
    private int previewedChanges(ResolverState s) {
        try {
            return org.port853.ui.common.SettingsDiff.of(s, desired(), false, catalogue).count();
        } catch (org.port853.core.InvalidInputException e) {
            return 1;
        }
    }

    /** Each provider added or removed is one change; the same providers in another order are one. */
    static int serverChanges(List<Provider> draft, List<Provider> system) {
        long added = draft.stream().filter(p -> !system.contains(p)).count();
        long removed = system.stream().filter(p -> !draft.contains(p)).count();
        int n = (int) (added + removed);
        return n == 0 && !draft.equals(system) ? 1 : n;
    }

    /**
     * The system's servers as the draft shows them. While encryption is on, servers that match no provider stay in
     * it as what they are; plaintext servers of an unencrypted system do not (they cannot be kept under DoT).
     */
    private List<Provider> systemProviders(GlobalState g) {
        if (encryptionOn()) {
            return ProviderNames.draftOf(g.servers(), catalogue);
        }
        // turned off (servers removed): turning it on again proposes the providers it had, not the recommended ones
        List<Provider> plaintext = ProviderNames.providersOf(g.servers(), catalogue);
        return plaintext.isEmpty() ? lastEncrypted : plaintext;
    }

    /** The providers of an encrypted system, kept for when encryption is turned off, also after a restart. */
    private void rememberEncryptedProviders() {
        ResolverState s = state.get();
        if (s != null && s.readable() && encryptionOn()) {
            List<Provider> now = ProviderNames.draftOf(s.global().servers(), catalogue);
            if (!now.isEmpty() && !now.equals(lastEncrypted)) {
                lastEncrypted = List.copyOf(now);
                keepLastServers(s.global().servers());
            }
        }
    }

    /** Writes {@code servers} off the JavaFX thread; of two saves close together, the later one's list stays. */
    private void keepLastServers(List<ServerAddress> servers) {
        serversToKeep.set(List.copyOf(servers));
        tasks.execute(BackgroundTask.of(() -> {
            synchronized (lastServers) {
                lastServers.save(serversToKeep.get());
            }
        }).onFailure(e -> LOG.log(java.util.logging.Level.INFO, "the last encrypted servers were not kept", e)));
    }

    /**
     * Pins were checked and saved (after a change, by the watcher, or accepted): the screens that show them read them
     * again, and so does the list of servers whose key changed.
     */
    public void pinsRecorded() {
        pinsRecorded.set(pinsRecorded.get() + 1);
        readChangedKeys();
    }

    /** Reads which servers' keys changed from the pin store, in the background (none without a store). */
    private void readChangedKeys() {
        if (services.pins() != null) {
            tasks.execute(BackgroundTask.of(this::changedKeysNow).onSuccess(k -> {
                if (k != null) {
                    changedKeys.set(k);
                }
            }));
        }
    }

    /** The pin store's servers whose key changed; null without a store or when it cannot be read (blocking). */
    private List<String> changedKeysNow() {
        org.port853.probe.pins.ServerPins pins = services.pins();
        if (pins == null) {
            return null;
        }
        try {
            return pins.changedServers();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "the pins could not be read", e);
            return null;
        }
    }

    /** The servers (as the pin store writes them) whose key changed since it was pinned, not accepted; none at first. */
    public ReadOnlyObjectProperty<List<String>> changedKeysProperty() {
        return changedKeys.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pinsRecordedProperty() {
        return pinsRecorded.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty draftChangesProperty() {
        return draftChanges.getReadOnlyProperty();
    }

    /**
     * What applying now would ask for; throws InvalidInputException with one sentence if it cannot work. DNSSEC is
     * written only when the user changed it here ({@link SystemDnssec#toWrite}).
     */
    public DesiredSettings desired(DotMode withMode, boolean routeAll) {
        List<ServerAddress> servers = keepsSystemServers(withMode) ? ServerAddress.writtenOnce(state.get().global().servers())
                : ProviderNames.serversOf(chosen);
        return new DesiredSettings(servers, withMode, SystemDnssec.toWrite(dnssec.get(), state.get()), routeAll,
                List.of());
    }

    /**
     * With the providers untouched, a change of mode, DNSSEC or routing keeps the system's exact servers (it may use
     * only some of a provider's addresses), unless strict mode needs TLS names they lack, or a name is one Port853
     * cannot write ({@link ProviderNames#notWritable}: written as the system's server, it would lose it). A provider of
     * the user's own edited since is no longer the system's ({@link Provider#serves}), so the draft holding it is not
     * untouched.
     */
    private boolean keepsSystemServers(DotMode withMode) {
        if (!encryptionOn()) {
            return false;
        }
        GlobalState g = state.get().global();
        return chosen.equals(systemProviders(g)) && ProviderNames.notWritable(g.servers()) == null
                && (withMode != DotMode.STRICT || g.servers().stream().allMatch(a -> a.tlsName() != null));
    }

    public DesiredSettings desired() {
        return desired(mode.get(), routeAllDomains.get());
    }

    public static DesiredSettings off() {
        return new DesiredSettings(List.of(), DotMode.OFF, DnssecMode.NO, false, List.of());
    }

    /** The reason means every change is refused here (see {@link org.port853.platform.PlatformRules#refusesChanges}). */
    private boolean refusesChanges(org.port853.core.Reason reason) {
        return services.adapter().rules().refusesChanges(reason);
    }

    /**
     * The platform's one command that fixes {@code reason} (shown selectable, to copy into a terminal: with sudo, or
     * as root types it), or null where it has none.
     */
    public String fixCommand(org.port853.core.Reason reason) {
        return org.port853.platform.RootAdvice.forThisUser(services.adapter().rules().command(reason));
    }

    /**
     * True when the resolver currently encrypts: DNS-over-TLS on globally (strict or opportunistic) with global
     * servers to use it with (the mode alone, with only a link's servers, is not the switch's "On").
     */
    public boolean encryptionOn() {
        ResolverState s = state.get();
        return org.port853.platform.OutsideEncryption.encrypting(s) && !s.global().servers().isEmpty();
    }

    public ReadOnlyObjectProperty<ResolverState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Assessment> assessmentProperty() {
        return assessment.getReadOnlyProperty();
    }

    /** Why nothing can be changed here, or null while the resolver's state is read. */
    public javafx.beans.value.ObservableObjectValue<Blocked> blockedProperty() {
        return blocked;
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.busyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty providerProblemProperty() {
        return providerProblem.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<java.nio.file.Path> refusedProviderFileProperty() {
        return refusedProviderFile.getReadOnlyProperty();
    }

    /** Which of the user's own providers are listed under a new id (null when none). */
    public javafx.beans.property.ReadOnlyStringProperty providersRenamedProperty() {
        return providersRenamed.getReadOnlyProperty();
    }

    public StringProperty refreshErrorProperty() {
        return refreshError;
    }

    /**
     * Shows a custom provider just saved: it replaces the one with its id, or goes at the end where the user's own
     * ones are. Only its row changes: a list read before the save (a refresh under way, another save finishing
     * first) would drop it or another one again.
     */
    public void showSavedProvider(Provider p) {
        catalogueEdits++;
        // an edited provider takes the old one's place in the draft too, where the draft has it
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i).id().equals(p.id()) && !chosen.get(i).equals(p)) {
                chosen.set(i, p);
            }
        }
        for (int i = 0; i < catalogue.size(); i++) {
            if (catalogue.get(i).id().equals(p.id())) {
                catalogue.set(i, p);
                updateDraftChanges();
                return;
            }
        }
        catalogue.add(p);
    }

    /** Takes a deleted custom provider out of the list and the draft, and nothing else (as {@link #showSavedProvider}). */
    public void showDeletedProvider(Provider p) {
        catalogueEdits++;
        chosen.remove(p);
        catalogue.removeIf(x -> x.id().equals(p.id()));
        // nor is it proposed when encryption is turned on again, also after a restart
        List<Provider> kept = lastEncrypted.stream().filter(x -> !x.id().equals(p.id())).toList();
        if (kept.size() != lastEncrypted.size()) {
            lastEncrypted = kept;
            keepLastServers(ProviderNames.serversOf(kept));
        }
    }

    public ObservableList<Provider> catalogue() {
        return catalogue;
    }

    public ObservableList<Provider> chosen() {
        return chosen;
    }

    public ObjectProperty<DotMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<DnssecMode> dnssecProperty() {
        return dnssec;
    }

    public BooleanProperty routeAllDomainsProperty() {
        return routeAllDomains;
    }

    /** When Port853 itself asked the resolver for a name: its own queries among the captured ones. */
    public OwnLookups ownLookups() {
        return ownLookups;
    }

    /** What the capture and Verify measured; the Status state follows it. */
    public LeakEvidence evidence() {
        return evidence;
    }

    /** Servers whose DNS-over-TLS was just seen to fail (by a probe, or in resolved's journal). */
    public TlsFailures tlsFailures() {
        return tlsFailures;
    }
}
