package org.port853.helper;

import org.port853.core.DesiredSettings;

/**
 * What the unprivileged side asks the privileged helper to do. {@code settings} is set only for APPLY.
 * {@code linkResolverFile}: also point the file programs read their DNS server from at the local resolver
 * (/etc/resolv.conf on Linux); platforms without such a file ignore it.
 */
public record HelperRequest(Action action, DesiredSettings settings, boolean linkResolverFile, boolean atBoot) {
    public static final int VERSION = 1;

    public enum Action { APPLY, REVERT, RECOVER }

    public static HelperRequest apply(DesiredSettings s, boolean linkResolverFile) {
        return new HelperRequest(Action.APPLY, s, linkResolverFile, false);
    }

    public static HelperRequest of(Action a) {
        return new HelperRequest(a, null, false, false);
    }

    /** recover, patient with a network that is not up yet (the boot-time unit). */
    public static HelperRequest recoverAtBoot() {
        return new HelperRequest(Action.RECOVER, null, false, true);
    }
}
