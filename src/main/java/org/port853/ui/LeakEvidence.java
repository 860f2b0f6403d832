package org.port853.ui;

import java.time.Duration;
import java.time.Instant;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What has been measured on the wire, independent of what any screen displays: the live capture and Verify
 * report here, and the Status state follows it. Clearing the Traffic display does not touch it; a clean Verify
 * after a leak does (it is the newer measurement). JavaFX thread only.
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

    private final ReadOnlyBooleanWrapper leaking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<VerifyFinding> lastVerify = new ReadOnlyObjectWrapper<>();
    private Instant lastLeak;
    /**
     * When the newest clean Verify began watching, or the settings last changed: a leak from before it is superseded
     * by that newer measurement.
     */
    private Instant cleanSince;

    /** The capture saw plaintext DNS leave this computer at {@code when}. */
    public void leakSeen(Instant when) {
        if (cleanSince != null && !when.isAfter(cleanSince)) {
            return;
        }
        if (lastLeak == null || when.isAfter(lastLeak)) {
            lastLeak = when;
        }
        update(when);
    }

    /** Time passes: a leak older than {@link #WINDOW} no longer counts. */
    public void tick(Instant now) {
        update(now);
    }

    public void verified(VerifyFinding f) {
        lastVerify.set(f);
        if (f.clean()) {
            supersede(f.at());
        } else {
            leakSeen(f.at());
        }
        update(f.at());
    }

    /**
     * The resolver's settings were changed at {@code when} (at the latest): leaks seen before describe the settings
     * that are gone, so only those after it count (a program with its own resolver shows up again with its next query).
     */
    public void settingsChanged(Instant when) {
        supersede(when);
        update(when);
    }

    private void supersede(Instant when) {
        if (lastLeak != null && !lastLeak.isAfter(when)) {
            lastLeak = null;
        }
        if (cleanSince == null || when.isAfter(cleanSince)) {
            cleanSince = when;
        }
    }

    private void update(Instant now) {
        leaking.set(lastLeak != null && !lastLeak.plus(WINDOW).isBefore(now));
    }

    public ReadOnlyBooleanProperty leakingProperty() {
        return leaking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VerifyFinding> lastVerifyProperty() {
        return lastVerify.getReadOnlyProperty();
    }
}
