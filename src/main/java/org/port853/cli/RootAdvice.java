package org.port853.cli;

import java.util.regex.Pattern;

/**
 * A fix as the user who reads it types it: root runs the advised commands as they are, and a system used as root often
 * has no sudo at all (Debian without the package: "sudo: command not found").
 */
final class RootAdvice {
    private static final Pattern SUDO = Pattern.compile("\\bsudo (?=\\S)");

    private RootAdvice() {
    }

    /** {@code fix} (null: none) for this process's user. */
    static String forThisUser(String fix) {
        return of(fix, org.port853.helper.Privileges.isRoot());
    }

    static String of(String fix, boolean root) {
        return fix == null || !root ? fix : SUDO.matcher(fix).replaceAll("");
    }
}
