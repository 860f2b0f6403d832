package org.port853.platform.linux;

import org.port853.core.Severity;

/**
 * What systemd-resolved does with a settings file (the main resolved.conf or a drop-in) that is a named pipe or device:
 * up to 257 ({@code waits}) it waits on it when it starts and does not come up (checked on 247, 252 and 257); from 258
 * it cannot open it and then reads no settings file at all, so it runs on its built-in defaults (checked on 262: "File
 * descriptor in bad state", "Failed to parse configuration file, ignoring"). {@code running}: resolved runs now, on what
 * it read before the pipe was there.
 */
record SettingsPipe(boolean waits, boolean running) {
    static SettingsPipe on(int systemdVersion, boolean running) {
        return new SettingsPipe(!new ResolvedFeatures(systemdVersion).notAFileHidesAll(), running);
    }

    /** The clause after "… is a named pipe or device, not a file: "; {@code others} names the files it ignores too. */
    String effect(String others) {
        return waits ? "systemd-resolved waits on it when it starts and does not come up, so " + (running ? "DNS works "
                + "only until its next restart or the next boot" : "it cannot start while it is there")
                : "systemd-resolved cannot open it and then ignores every settings file, " + others + ", so it runs on "
                + "its built-in defaults " + (running ? "from its next start on, or already does" : "once it starts");
    }

    /** The bundles' choice: 0 ignores all and resolved is stopped, 1 the same running, 2 waits and stopped, 3 waits and running. */
    String detail() {
        return String.valueOf((waits ? 2 : 0) + (running ? 1 : 0));
    }

    /**
     * As DROP_IN_HIDES_OURS: where it already made resolved drop its settings and nothing is encrypted ({@code
     * encrypting} false), it is why; otherwise a warning of what the next start loses.
     */
    Severity severity(boolean encrypting) {
        return !waits && running && !encrypting ? Severity.UNENCRYPTED : Severity.WARNING;
    }
}
