package org.port853.cli;

import org.port853.core.DesiredSettings;
import org.port853.platform.ApplyResult;
import org.port853.probe.pins.ServerPins;

/**
 * 0 ok, 1 failed / rolled back / refused by the system, 2 bad input, 3 done but not covering everything (programs
 * that bypass the resolver, encryption asked for but the health check's answer came without it, an apply after which
 * a server in use showed a key other than its recorded pin, a revert whose restored settings do not resolve names, one
 * that left a file of Port853's that someone else changed or an item whose yes or no it could not read, a hardening rule that lasts only until the next reboot, or a
 * hardening undo that left the nftables boot file including the removed rule file).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    /** The change works, but programs that bypass the resolver (a static /etc/resolv.conf) are not covered. */
    static final int NOT_COVERED = 3;
    /** What exit code 3 means, as the help and the man page say it (one text: they had drifted apart). */
    static final String NOT_COVERED_MEANING = "done but not covering everything (programs reading a static "
            + "/etc/resolv.conf bypass it, encryption was asked for but not proven, after 'apply' a server in use "
            + "showed a key other than its recorded pin, a revert restored settings with which names do not resolve "
            + "or left a file of Port853's that someone else changed or an item whose yes or no it could not read, 'harden' loaded a rule that nothing loads again "
            + "at the next boot, 'harden --revert' left the nftables boot file including the removed rule file, so it "
            + "fails to load, or 'providers' could not read your own providers' file and lists only the built-in ones)";

    /** What 130 (and the other signal codes) mean, as the help and the man page say it. */
    static final String STOPPED_MEANING = "stopped by Ctrl-C, 129 by a closed terminal, 143 by SIGTERM (a change "
            + "under way finishes or is rolled back first)";

    /** How a change command's help ends its exit codes: what a signal that stopped it gives. */
    static final String STOPPED_HELP = "130 " + STOPPED_MEANING + ".";

    private ExitCodes() {
    }

    static int of(ApplyResult r) {
        if (r.doneWithWarning()) {
            return NOT_COVERED;
        }
        return r.succeeded() ? OK : FAILED;
    }

    /** An applied change that asked for encryption but whose check was answered without it is not full success. */
    static int ofApply(ApplyResult r, DesiredSettings desired) {
        return r.doneWithWarning(desired) ? NOT_COVERED : of(r);
    }

    /**
     * Nor is one after which a server in use showed a key other than its recorded pin ({@code pins}): the change
     * stands, but someone may be intercepting its connections, and a script must not read that as success.
     */
    static int ofApply(ApplyResult r, DesiredSettings desired, ServerPins.Result pins) {
        int code = ofApply(r, desired);
        return code == OK && pins.keyChanged() ? NOT_COVERED : code;
    }
}
