package org.port853.platform;

/**
 * The assessment rules of one platform (its versions, install hints, configuration files). A reason with the
 * same code as one of the neutral rules' replaces it: the platform knows the better fix.
 */
public interface PlatformRules {
    java.util.List<org.port853.core.Reason> assess(org.port853.core.ResolverState s);

    /**
     * The one command that fixes {@code reason} on this platform, for the window to show selectable and copyable next
     * to a switch that cannot be used; null where there is none (the reason's fix sentence then says what to do).
     */
    default String command(org.port853.core.Reason reason) {
        return null;
    }

    /**
     * {@code reason} means that every change Port853 would make here is refused (the planner says it when one is tried),
     * so the window says so where the switch and Protect my DNS are, before either is tried.
     */
    default boolean refusesChanges(org.port853.core.Reason reason) {
        return false;
    }
}
