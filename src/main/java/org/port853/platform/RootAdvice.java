package org.port853.platform;

import java.util.regex.Pattern;

/**
 * A fix as the user who reads it types it: root runs the advised commands as they are, and a system used as root often
 * has no sudo at all (Debian without the package: "sudo: command not found"). Everywhere a fix is said: the command
 * line's text and JSON, and the window (whose commands are typed into a terminal by the same user).
 */
public final class RootAdvice {
    private static final Pattern SUDO = Pattern.compile("\\bsudo (?=\\S)");

    private RootAdvice() {
    }

    /** {@code fix} (null: none) for this process's user. */
    public static String forThisUser(String fix) {
        return of(fix, org.port853.core.Privileges.isRoot());
    }

    public static String of(String fix, boolean root) {
        return fix == null || !root ? fix : SUDO.matcher(fix).replaceAll("");
    }
}
