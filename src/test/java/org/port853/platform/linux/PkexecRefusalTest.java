package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.Sentence;

/** pkexec's refusals as it prints them (recorded on this machine with polkitd on the rig's bus), told apart. */
class PkexecRefusalTest {
    @Test
    @DisplayName("no agent, not authorized and a dismissed dialog each say what happened, not one 'refused or cancelled'")
    void eachRefusalSaysWhatHappened() {
        assertEquals("result.no-auth-agent", PrivilegedClient.notAuthorized(127, "Error creating textual authentication "
                + "agent: Error opening current controlling terminal for the process (`/dev/tty'): No such device or "
                + "address\n").words().wording());
        assertEquals("result.not-authorized", PrivilegedClient.notAuthorized(127,
                "Error executing command as another user: Not authorized\n\nThis incident has been reported.\n").words().wording());
        assertEquals("result.auth-dismissed", PrivilegedClient.notAuthorized(126, "").words().wording());
        // recorded in a Debian 13 root with no polkitd on its bus: not the user's refusal
        Sentence noPolkit = PrivilegedClient.notAuthorized(127, "Error getting authority: Error initializing authority: "
                + "Could not connect: No such file or directory\n");
        assertEquals("result.no-polkit", noPolkit.words().wording());
        assertTrue(noPolkit.english().contains("Could not connect") && noPolkit.english().contains("nothing was changed"),
                noPolkit.english());
        Sentence other = PrivilegedClient.notAuthorized(127, "something else\n");
        assertEquals("result.auth-failed-said", other.words().wording());
        assertTrue(other.english().contains("(pkexec: something else); nothing was changed"), other.english());
        assertEquals("result.auth-failed", PrivilegedClient.notAuthorized(127, "").words().wording());
    }
}
