package org.port853.platform;

import java.util.List;
import java.util.Optional;
import org.port853.core.Assessment;
import org.port853.core.Assessor;
import org.port853.core.DesiredSettings;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.Severity;
import org.port853.core.Verdict;

/**
 * Reads and writes one operating system's resolver configuration. One implementation per platform
 * (systemd-resolved on Linux, NRPT and dnsclient encryption on Windows), chosen by {@link ResolverAdapters}.
 * Methods return values, never UI text, and may block: call them off the JavaFX thread. Implementations are
 * found with {@link java.util.ServiceLoader} (META-INF/services) and need a public no-arg constructor that does
 * no work.
 */
public interface ResolverAdapter {
    /** Short stable id, e.g. {@code systemd-resolved}. */
    String id();

    /** Quick and never throwing: can this adapter work on this machine at all? Checks the operating system first. */
    boolean isSupported();

    /** Among supported adapters the highest priority wins. */
    default int priority() {
        return 0;
    }

    /** This platform's assessment rules (versions, install hints, configuration files). */
    default PlatformRules rules() {
        return s -> List.of();
    }

    /** The verdict on a state: the neutral rules with this platform's. */
    default Assessment assess(ResolverState s) {
        return Assessor.assess(s, rules().assess(s));
    }

    /** What the resolver does now. Never throws: problems are reported inside the state. */
    ResolverState readState();

    /**
     * True when a change writes files (Linux: a drop-in); false when it changes the system's settings instead
     * (Windows: the DoH server table, an NRPT rule, the adapters' servers). The window names the change accordingly.
     */
    default boolean changesFiles() {
        return true;
    }

    /**
     * True where programs read their DNS server from a file this adapter can point at the local stub
     * (/etc/resolv.conf); false on Windows, which has none.
     */
    default boolean hasResolverFile() {
        return true;
    }

    /**
     * What these settings ask that this platform cannot take on any machine (Windows: DNSSEC validation, fallback
     * servers, one address twice): bad input, refused before a plan is made, as the PowerShell export refuses it.
     * Empty where everything the settings can say is possible.
     */
    default Optional<Sentence> inputRefusal(DesiredSettings desired) {
        return Optional.empty();
    }

    /** The exact change that {@link #apply} would make, or a refusal with its reason. Writes nothing. */
    Plan plan(DesiredSettings desired, ResolverState current);

    /** Applies through the privileged helper: atomic write, restart, health check, rollback on failure. */
    ApplyResult apply(DesiredSettings desired);

    /**
     * Why this adapter previews changes but never makes any (a sample machine whose changes are not simulated), or
     * null when {@link #apply} can make them. The window says so in the preview, before anyone confirms.
     */
    default String changesRefused() {
        return null;
    }

    /**
     * Why a change cannot be made from this process on this machine (Linux: not root, and the helper or pkexec that
     * would ask for root is missing), or null when {@link #apply} can try. The window says so in the preview instead
     * of promising a password prompt that never comes.
     */
    default Sentence cannotChange() {
        return null;
    }

    /**
     * Like {@link #plan(DesiredSettings, ResolverState)}, and when {@code linkResolverFile} is set also points the
     * file programs read their DNS server from at the local stub (/etc/resolv.conf on Linux), if it does not.
     * Adapters without such a file ({@link #hasResolverFile()} false) ignore the flag; callers ask first and refuse
     * the flag themselves (the command line's {@code --link-resolv-conf} on Windows), so it is never silently dropped.
     */
    default Plan plan(DesiredSettings desired, ResolverState current, boolean linkResolverFile) {
        return plan(desired, current);
    }

    /** Like {@link #apply(DesiredSettings)}, with the resolver-file fix of {@link #plan(DesiredSettings, ResolverState, boolean)}. */
    default ApplyResult apply(DesiredSettings desired, boolean linkResolverFile) {
        return apply(desired);
    }

    /**
     * Adds ({@code on}) or removes the firewall rule that drops DNS arriving on non-loopback interfaces, through
     * the privileged helper. Platforms without it answer FAILED.
     */
    default ApplyResult harden(boolean on) {
        return ApplyResult.of(ApplyResult.Outcome.FAILED, Sentence.of("this platform has no port 53 hardening",
                "result.no-hardening"));
    }

    /**
     * Asks the resolver to look a name up afresh and say whether the answer came over an encrypted connection: the
     * one witness of the transport left when the traffic cannot be watched. Empty where the resolver cannot say
     * (systemd-resolved before 248, not running, no answer from the network; Windows).
     */
    default Optional<LookupTransport> freshLookupTransport() {
        return Optional.empty();
    }

    /**
     * Whether names resolve right now, by the resolver's own lookup of one name, past its cache where it can: answered
     * (a name that does not exist is an answer), why not in words ("example.com: all attempts to contact name servers
     * failed"), or not asked when the resolver could not be asked (not running; other platforms). One real query: for
     * the command line's {@code status}, not for a window that reads the state every few seconds.
     */
    default OwnLookup ownLookup() {
        return OwnLookup.NOT_ASKED;
    }

    /**
     * The name this resolver is asked for by {@link #ownLookup()}, {@link #freshLookupTransport()} and a
     * change's health check, so that a capture can tell those queries of Port853's from other programs'; null where
     * none is asked.
     */
    default String ownLookupName() {
        return null;
    }

    /**
     * {@link #ownLookup()} where it can tell something: not of a resolver already known to be missing, stopped or
     * broken (its assessment {@code a} says so already). An interrupted change alone does not count as broken: it says
     * only that the state is unchecked, and whether names resolve under it is what the user needs to know.
     */
    default OwnLookup lookup(ResolverState s, Assessment a) {
        if (!s.running() || a.verdict() == Verdict.UNAVAILABLE || a.verdict() == Verdict.BROKEN) {
            return OwnLookup.NOT_ASKED;
        }
        return ownLookup();
    }

    /**
     * {@link #assess} of {@code s}, then the resolver looks one name up: settings that look usable are only half the
     * answer, and when that lookup fails (the servers refuse, cannot be reached, or fail DNSSEC) the verdict is BROKEN.
     */
    default Assessment assessWithLookup(ResolverState s) {
        Assessment a = assess(s);
        return lookup(s, a).failureText().map(why -> Assessor.namesUnresolved(a, s, why))
                .orElse(a);
    }

    /** Removes what Port853 wrote and restores what it replaced, byte for byte. */
    ApplyResult revert();

    /** Finishes a change that was interrupted: health check, then keep it or roll it back. */
    ApplyResult recover();

    /**
     * The settings the change behind {@code r} asked for, read back from the item it wrote (a recovered change's
     * result: this process never saw what it asked for); empty when the item does not say them.
     */
    default Optional<DesiredSettings> settingsWritten(ApplyResult r) {
        return Optional.empty();
    }

    /**
     * {@link #recover()} for the boot-time unit: a check that fails while the network is not up yet proves
     * nothing, so it retries for a few minutes and rolls back only when the network is up and the check still
     * fails.
     */
    default ApplyResult recoverAtBoot() {
        return recover();
    }
}
