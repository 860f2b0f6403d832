package org.port853.helper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.port853.change.ChangeEngine;
import org.port853.change.ItemSnapshot;
import org.port853.core.DesiredSettings;
import org.port853.core.Sentence;

/**
 * What the privileged helper needs from the platform it runs on, built from the real system only (never from
 * anything in the request). Found with {@link java.util.ServiceLoader}; implementations have a public no-arg
 * constructor and an {@link #isSupported()} that is fast and never throws.
 */
public interface PrivilegedPlatform {
    boolean isSupported();

    /** Why these settings cannot work here, if they cannot. */
    Optional<String> refusal(DesiredSettings s);

    /** As {@link #refusal}, with the words the window says it by (none unless the platform gives them). */
    default Optional<Sentence> refusalSaid(DesiredSettings s) {
        return refusal(s).map(english -> new Sentence(english, null));
    }

    /**
     * Why this request cannot be carried out here, if it cannot: the settings' refusal, and whatever else the request
     * asks for that this machine cannot take (Linux: a resolv.conf link to a stub that does not listen). Asked by every
     * apply under the change lock, from the files as they are then.
     */
    default Optional<Sentence> refusalSaid(HelperRequest r) {
        return refusalSaid(r.settings());
    }

    /**
     * Why a revert must not run here now, if it must not: what it restores would leave the resolver unable to start
     * (Linux: a named pipe among systemd-resolved's settings files). Asked by every revert under the change lock, with
     * the items it would write back ({@code restoring}); none by default.
     */
    default Optional<Sentence> revertRefusal(List<ItemSnapshot> restoring) {
        return Optional.empty();
    }

    /** The port 53 hardening rule of this machine; it waits at most {@code lockWait} for the change lock. */
    PortHardening hardening(Duration lockWait);

    /** The items after the change the request asks for; asked under the change lock, as the refusal is. */
    List<ItemSnapshot> targetItems(HelperRequest r);

    /** The engine over this machine's items; what the items need around them (a directory) it keeps under its lock. */
    ChangeEngine engine(Duration lockWait);

    /** Is the machine connected (a default route on a non-loopback link)? Used by the boot-time recovery. */
    default boolean networkUp() {
        return true;
    }

    /** The platform of this machine, or empty when none supports it. */
    static Optional<PrivilegedPlatform> detect() {
        return java.util.ServiceLoader.load(PrivilegedPlatform.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(PrivilegedPlatform::isSupported).findFirst();
    }
}
