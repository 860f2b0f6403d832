package org.port853.core;

import java.util.function.Predicate;

/** Ids for providers: at most {@link #MAX} characters, numbered (-2, -3, ...) when the plain one is taken. */
public final class ProviderIds {
    public static final int MAX = 40;

    private ProviderIds() {
    }

    /** {@code id}, or it numbered with its end cut so that both fit, the first that is not {@code taken}. */
    public static String unique(String id, Predicate<String> taken) {
        String candidate = id;
        for (int i = 2; taken.test(candidate); i++) {
            String suffix = "-" + i;
            candidate = cut(id, MAX - suffix.length()) + suffix;
        }
        return candidate;
    }

    /** At most {@code max} characters of the id, not ending in a hyphen. */
    public static String cut(String id, int max) {
        return id.length() <= max ? id : id.substring(0, max).replaceAll("-+$", "");
    }
}
