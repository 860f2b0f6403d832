package org.port853.core;

/**
 * One finding behind a verdict. {@code code} is stable (used by scripts and one-click fixes), message and fix
 * are plain sentences; {@code fixAction} names an action the app can perform, or is null.
 */
public record Reason(String code, Severity severity, String message, String fix, FixAction fixAction) {
    public Reason(String code, Severity severity, String message, String fix) {
        this(code, severity, message, fix, null);
    }
}
