package org.port853.platform.linux;

import org.port853.core.FixAction;
import org.port853.core.ResolvConfState;

/**
 * The fix of a /etc/resolv.conf that is no file (a directory, pipe, socket or device): the file itself no link
 * replaces until it is moved away, but a link to one is pointed elsewhere, as any link, also by apply's one-click link
 * ({@link ResolvConfState#needsMovingAway()}, the rule apply's note follows too). {@code linkDetail}: the bundles'
 * choice, 1 for a link.
 */
record NoFileFix(String text, FixAction action, String linkDetail) {
    /** {@code what}: the file itself as the fix names it (the directory, it). */
    static NoFileFix of(ResolvConfState rc, String what, boolean stubListenerOff) {
        if (rc.needsMovingAway()) {
            return new NoFileFix(moveAway(what, stubListenerOff), null, "0");
        }
        return new NoFileFix(repointLink(stubListenerOff), stubListenerOff ? null : FixAction.LINK_RESOLV_CONF, "1");
    }

    private static final String STUB_LISTENER_OFF = "systemd-resolved's stub listener is off (DNSStubListener=no), so "
            + "the stub cannot answer unless you turn it on (DNSStubListener=yes).";

    private static String repointLink(boolean stubListenerOff) {
        return stubListenerOff ? "Point the link at a file that names a DNS server instead: " + STUB_LISTENER_OFF
                : "Point the link at the local resolver instead (sudo ln -sf "
                + "/run/systemd/resolve/stub-resolv.conf /etc/resolv.conf): 'port853 apply' with --link-resolv-conf "
                + "does it with the settings it applies.";
    }

    private static String moveAway(String what, boolean stubListenerOff) {
        return "Move " + what + " away (sudo mv /etc/resolv.conf /etc/resolv.conf.old)" + (stubListenerOff
                ? " and put a file there that names a DNS server: " + STUB_LISTENER_OFF
                : ", then link /etc/resolv.conf to /run/systemd/resolve/stub-resolv.conf: 'port853 apply' with "
                + "--link-resolv-conf does it with the settings it applies.");
    }
}
