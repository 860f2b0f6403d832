package org.port853.helper;

import org.port853.core.DesiredSettings;

/** What the unprivileged side asks the privileged helper to do. {@code settings} is set only for APPLY. */
public record HelperRequest(Action action, DesiredSettings settings, boolean linkResolvConf) {
    public static final int VERSION = 1;

    public enum Action { APPLY, REVERT, RECOVER }

    public static HelperRequest apply(DesiredSettings s, boolean linkResolvConf) {
        return new HelperRequest(Action.APPLY, s, linkResolvConf);
    }

    public static HelperRequest of(Action a) {
        return new HelperRequest(a, null, false);
    }
}
