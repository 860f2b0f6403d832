package org.port853.ui;

import java.time.Duration;
import java.time.Instant;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What has been measured, independent of what any screen displays: the live capture and Verify report here, and
 * the Status state follows it. Clearing the Traffic display does not touch it; a clean Verify after a leak through the
 * system resolver does (it is the newer measurement of the same path), but not a leak of a program that asks a server
 * itself ({@link #bypassSeen}): Verify never measures that path. Verify also measures whether names resolve at all: a
 * configuration can look protected while its servers refuse every query. JavaFX thread only.
 */
public final class LeakEvidence {
    /** How long a leak seen by the capture keeps the state at "Leaking". */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    /**
     * The newest Verify result: {@code leaked} of {@code queries} went out in plaintext (0 = all encrypted);
     * {@code at} is when that Verify began watching the wire.
     */
    public record VerifyFinding(Instant at, int queries, int leaked, String server) {
        public boolean clean() {
            return leaked == 0;
        }
    }

    /**
     * A Verify at {@code at} through a running resolver got no answer to any of its {@code queries} test queries, or
     * ({@code afterChange}) a change's own check at {@code at} found that names do not resolve with its result.
     */
    public record Unanswered(Instant at, int queries, boolean afterChange) {
        public Unanswered(Instant at, int queries) {
            this(at, queries, false);
        }
    }

    /** A plaintext query that {@code program} sent to {@code server} itself at {@code at}, past the system resolver. */
    public record Bypass(Instant at, String program, String server) {
    }

    private final ReadOnlyBooleanWrapper leaking = new ReadOnlyBooleanWrapper();
    /** The newest leak through the system resolver (or of an unknown sender) that still counts; null: none. */
    private final ReadOnlyObjectWrapper<Instant> resolverLeak = new ReadOnlyObjectWrapper<>();
    /** The newest leak of a program with its own resolver that still counts; null: none. */
    private final ReadOnlyObjectWrapper<Bypass> bypass = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Unanswered> unanswered = new ReadOnlyObjectWrapper<>();
    private Instant lastLeak;
    /** The newest of them in which a DNS query was read (not only packets on port 53); null: none. */
    private Instant lastQueryLeak;
    private final ReadOnlyObjectWrapper<Instant> resolverQueryLeak = new ReadOnlyObjectWrapper<>();
    private Bypass lastBypass;
    /**
     * When the newest clean Verify began watching, or the settings last changed: a leak from before it is superseded
     * by that newer measurement.
     */
    private Instant cleanSince;
    /** When the newest answered lookup was asked ({@link #namesResolved}). */
    private Instant resolvedAt;
    /** When the resolver's settings last changed while this window watched (at the latest); null: not since. */
    private final ReadOnlyObjectWrapper<Instant> lastSettingsChange = new ReadOnlyObjectWrapper<>();

    /**
     * A program with its own resolver sent plaintext DNS past the system resolver ({@code b}). Neither a clean Verify
     * nor a change of the resolver's settings speaks for that path, so it counts for {@link #WINDOW} whatever they say.
     */
    public void bypassSeen(Bypass b) {
        if (lastBypass == null || !b.at().isBefore(lastBypass.at())) {
            lastBypass = b;
        }
        update(b.at());
    }

    /** The capture saw plaintext DNS leave this computer at {@code when} through the system resolver (or unknown). */
    public void leakSeen(Instant when) {
        seen(when, true);
    }

    /**
     * The capture saw plaintext packets on port 53 leave this computer at {@code when} but read no DNS query in them
     * (another protocol run on port 53, or queries it could not read): they count as a leak, but are not called queries.
     */
    public void unreadLeakSeen(Instant when) {
        seen(when, false);
    }

    private void seen(Instant when, boolean queryRead) {
        if (cleanSince != null && !when.isAfter(cleanSince)) {
            return;
        }
        if (lastLeak == null || when.isAfter(lastLeak)) {
            lastLeak = when;
        }
        if (queryRead && (lastQueryLeak == null || when.isAfter(lastQueryLeak))) {
            lastQueryLeak = when;
        }
        update(when);
    }

    /** Time passes: a leak older than {@link #WINDOW} no longer counts. */
    public void tick(Instant now) {
        update(now);
    }

    public void verified(VerifyFinding f) {
        if (f.clean()) {
            supersede(f.at());
        } else {
            leakSeen(f.at());
        }
        update(f.at());
    }

    /**
     * The resolver's settings were changed at {@code when} (at the latest): leaks through the resolver seen before
     * describe the settings that are gone, so only those after it count (a program's own leaks still do, except one of
     * a program not identified from {@code when} on: it was judged by the settings alone).
     */
    public void settingsChanged(Instant when) {
        if (lastSettingsChange.get() == null || when.isAfter(lastSettingsChange.get())) {
            lastSettingsChange.set(when);
        }
        supersede(when);
        if (lastBypass != null && lastBypass.program() == null && !lastBypass.at().isBefore(when)) {
            // judged by the settings alone, which may not be the ones it was made under: the capture reports it again
            // if the new settings make it a program's own too
            lastBypass = null;
        }
        update(when);
        Unanswered u = unanswered.get();
        if (u != null && !u.at().isAfter(when)) {
            unanswered.set(null); // measured under the settings that are gone
        }
    }

    /**
     * A Verify that began at {@code at} through a running resolver got {@code answered} of {@code queries} answers
     * (an NXDOMAIN is an answer; the resolver giving up or silence is not). None: names do not resolve, until a newer
     * Verify or lookup ({@link #namesResolved}) gets an answer or the settings change.
     */
    public void answers(Instant at, int queries, long answered) {
        Unanswered u = unanswered.get();
        if (u != null && u.at().isAfter(at) || answered == 0 && resolvedAt != null && resolvedAt.isAfter(at)) {
            return; // a newer Verify or lookup, reported first, says more than this one
        }
        unanswered.set(answered == 0 && queries > 0 ? new Unanswered(at, queries) : null);
    }

    /**
     * The resolver's own lookup, asked at {@code at}, was answered: names resolve, whatever a Verify or a change's check
     * before it found.
     */
    public void namesResolved(Instant at) {
        if (resolvedAt == null || at.isAfter(resolvedAt)) {
            resolvedAt = at;
        }
        Unanswered u = unanswered.get();
        if (u != null && u.at().isBefore(at)) {
            unanswered.set(null);
        }
    }

    private void supersede(Instant when) {
        if (lastLeak != null && !lastLeak.isAfter(when)) {
            lastLeak = null;
        }
        if (lastQueryLeak != null && !lastQueryLeak.isAfter(when)) {
            lastQueryLeak = null;
        }
        if (cleanSince == null || when.isAfter(cleanSince)) {
            cleanSince = when;
        }
    }

    private void update(Instant now) {
        resolverQueryLeak.set(counts(lastQueryLeak, now) ? lastQueryLeak : null); // read with resolverLeak's news
        resolverLeak.set(counts(lastLeak, now) ? lastLeak : null);
        bypass.set(lastBypass != null && counts(lastBypass.at(), now) ? lastBypass : null);
        leaking.set(resolverLeak.get() != null || bypass.get() != null);
    }

    private static boolean counts(Instant leak, Instant now) {
        return leak != null && !leak.plus(WINDOW).isBefore(now);
    }

    /** When the resolver's settings last changed while this window watched (at the latest); null: not since it opened. */
    public Instant lastSettingsChange() {
        return lastSettingsChange.get();
    }

    public ReadOnlyObjectProperty<Instant> lastSettingsChangeProperty() {
        return lastSettingsChange.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty leakingProperty() {
        return leaking.getReadOnlyProperty();
    }

    /** When plaintext DNS last left through the system resolver (or from a sender not known), while it counts. */
    public ReadOnlyObjectProperty<Instant> resolverLeakProperty() {
        return resolverLeak.getReadOnlyProperty();
    }

    /**
     * When a DNS query the capture read last left through the system resolver (or from a sender not known), while it
     * counts; null while {@link #resolverLeakProperty()} counts only packets on port 53 in which no query was read.
     */
    public ReadOnlyObjectProperty<Instant> resolverQueryLeakProperty() {
        return resolverQueryLeak.getReadOnlyProperty();
    }

    /** The newest leak of a program that asks a server itself, while it counts; null: none. */
    public ReadOnlyObjectProperty<Bypass> bypassProperty() {
        return bypass.getReadOnlyProperty();
    }

    /**
     * A change (a revert) was made at {@code at}, and its own check found that names do not resolve with what it left:
     * a measurement as Verify's, newer than the change itself.
     */
    public void changeLeftNamesUnresolved(Instant at) {
        unanswered.set(new Unanswered(at, 1, true));
    }

    /** The newest Verify found that names do not resolve; null when it did not (or the settings changed since). */
    public ReadOnlyObjectProperty<Unanswered> unansweredProperty() {
        return unanswered.getReadOnlyProperty();
    }
}
