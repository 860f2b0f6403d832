package org.port853.core;

import java.util.List;

/**
 * One finding behind a verdict. {@code code} is stable (used by scripts and one-click fixes), message and fix
 * are plain English sentences ({@code fix} null when there is nothing to do); {@code fixAction} names an action the app can perform, or is null. {@code details}
 * are the sentence's variable parts (a link's name, its servers, a file), in a fixed order per code, so the window
 * can say the same in the user's language.
 */
public record Reason(String code, Severity severity, String message, String fix, FixAction fixAction,
                     List<String> details) {
    /** No DNS server anywhere: names cannot resolve, whatever else the configuration says. */
    public static final String NO_SERVERS = "NO_SERVERS";

    public Reason {
        fix = fix == null || fix.isBlank() ? null : fix; // "no fix" is null everywhere, never an empty sentence
        details = details == null ? List.of() : List.copyOf(details);
    }

    public Reason(String code, Severity severity, String message, String fix) {
        this(code, severity, message, fix, null, List.of());
    }

    public Reason(String code, Severity severity, String message, String fix, FixAction fixAction) {
        this(code, severity, message, fix, fixAction, List.of());
    }

    public Reason(String code, Severity severity, String message, String fix, List<String> details) {
        this(code, severity, message, fix, null, details);
    }

    /** Whether {@code reasons} hold one with {@code code}. */
    public static boolean anyHas(List<Reason> reasons, String code) {
        return reasons.stream().anyMatch(r -> code.equals(r.code()));
    }
}
