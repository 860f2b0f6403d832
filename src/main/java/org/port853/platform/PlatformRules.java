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
}
