package org.port853.helper;

import org.port853.core.DesiredSettings;

/**
 * What the unprivileged side asks the privileged helper to do. {@code settings} is set only for APPLY.
 * {@code linkResolverFile}: also point the file programs read their DNS server from at the local resolver
 * (/etc/resolv.conf on Linux); platforms without such a file ignore it.
 */
public record HelperRequest(Action action, DesiredSettings settings, boolean linkResolverFile) {
    public static final int VERSION = 1;

    public enum Action { APPLY, REVERT, RECOVER }

    public static HelperRequest apply(DesiredSettings s, boolean linkResolverFile) {
        return new HelperRequest(Action.APPLY, s, linkResolverFile);
    }

    public static HelperRequest of(Action a) {
        return new HelperRequest(a, null, false);
    }
}
