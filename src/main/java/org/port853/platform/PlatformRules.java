package org.port853.platform;

/** The assessment rules that only make sense on one platform; the adapter exposes them. */
public interface PlatformRules {
    java.util.List<org.port853.core.Reason> assess(org.port853.core.ResolverState s);
}
