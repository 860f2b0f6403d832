package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;

/**
 * installer/linux/port853-uninstall, which the packages' removal scripts run, against a stand-in helper that prints
 * what the real one prints. The script runs as root in a mount and network namespace of its own: overlays over
 * /usr/lib, /var/lib and /etc/systemd hold the stand-in, the state and the drop-in, so this machine's files (and its
 * nftables ruleset) are never touched.
 */
class UninstallScriptTest {
    private static final String DROP_IN = "/etc/systemd/resolved.conf.d/zz-port853.conf";

    @TempDir
    Path work;

    record Run(int exitCode, String stderr, boolean dropInLeft) {
    }

    /** Runs {@code port853-uninstall revert} with a helper that prints {@code result} and runs {@code helperDoes}. */
    private Run uninstall(String result, String helperDoes) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for the namespaces");
        Path helper = work.resolve("helper");
        Files.writeString(helper, "#!/bin/sh\ncat > /dev/null\n" + helperDoes + "\ncat <<'EOF'\n" + result + "\nEOF\n");
        helper.toFile().setExecutable(true);
        String script = String.join("\n",
                "set -e",
                "for d in /usr/lib /var/lib /etc/systemd; do",
                "  o=\"$1/ovl$(echo $d | tr / _)\"; mkdir -p \"$o/u\" \"$o/w\"",
                "  mount -t overlay overlay -o \"lowerdir=$d,upperdir=$o/u,workdir=$o/w\" $d",
                "done",
                "mkdir -p /usr/lib/port853/lib /var/lib/port853 /etc/systemd/resolved.conf.d",
                "cp \"$1/helper\" /usr/lib/port853/lib/port853-helper",
                "echo '{}' > /var/lib/port853/journal.json",
                "printf '[Resolve]\\nDNS=198.18.0.2#dot.test\\nDNSOverTLS=yes\\n# edited by the admin\\n' > " + DROP_IN,
                "set +e",
                "sh \"$2\" revert",
                "rc=$?",
                "[ -e " + DROP_IN + " ] && echo left >&2",
                "exit $rc");
        Path uninstall = Path.of("installer/linux/port853-uninstall").toAbsolutePath();
        Process p = new ProcessBuilder("unshare", "-m", "-n", "--propagation", "private", "sh", "-c", script, "sh",
                work.toString(), uninstall.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), err);
        return new Run(p.exitValue(), err.replace("left\n", ""), err.endsWith("left\n"));
    }

    @Test
    void aRevertThatRestoredEverythingSaysWhatTheHelperDid() throws Exception {
        Run r = uninstall("{\"outcome\":\"REVERTED\",\"reason\":\"restored the previous settings; names resolve\","
                + "\"dropIn\":{\"path\":\"" + DROP_IN + "\",\"content\":null},\"actions\":[]}", "rm -f " + DROP_IN);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("port853: undoing Port853's DNS change: restored the previous settings; names resolve.\n",
                r.stderr());
        assertFalse(r.dropInLeft());
    }

    @Test
    void aDropInRestoredAsItWasBeforePort853IsNoConcern() throws Exception {
        // e.g. one that 'port853 export --format resolved' put there for a fleet before Port853 was installed
        Run r = uninstall("{\"outcome\":\"REVERTED\",\"reason\":\"restored the previous settings; names resolve\","
                + "\"dropIn\":{\"path\":\"" + DROP_IN + "\",\"content\":null},\"actions\":[\"restore " + DROP_IN + "\"]}",
                "printf '# Exported by Port853\\n[Resolve]\\nDNS=198.18.0.4\\n' > " + DROP_IN);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.dropInLeft());
        assertFalse(r.stderr().contains(" stays"), r.stderr());
    }

    /** What the real helper prints for a revert said by {@code wording} with {@code details}, as ChangeEngine says it. */
    private static String helperResult(ApplyResult.Outcome outcome, String english, String wording, Object... details) {
        return HelperDocuments.writeResult(ApplyResult.of(outcome, Sentence.of(english, wording, details)));
    }

    @Test
    void aDropInTheRevertLeftAloneIsNamedWithItsFixNotCalledRestored() throws Exception {
        // the admin edited the drop-in after Port853 wrote it: the revert keeps the file
        Run r = uninstall(helperResult(ApplyResult.Outcome.REVERTED, "restored the previous settings; names resolve; "
                + "left " + DROP_IN + " as it is because someone else changed it after Port853's change",
                "result.reverted", 1, DROP_IN, "", 0), "");
        assertTrue(r.dropInLeft());
        assertEquals(3, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("restored to what they were before Port853"), r.stderr());
        assertTrue(r.stderr().contains("left " + DROP_IN + " as it is because someone else changed it"), r.stderr());
        assertTrue(r.stderr().contains(DROP_IN + " stays, and with it the DNS settings it sets"), r.stderr());
        assertTrue(r.stderr().contains("To remove them: sudo rm -f " + DROP_IN
                + " && sudo systemctl restart systemd-resolved"), r.stderr());
    }

    /** A revert that reverted nothing, said by {@code wording}, with the drop-in as {@code setup} leaves it: it is named. */
    private void nothingRevertedNamesTheDropIn(String wording, String setup, Object... details) throws Exception {
        Run r = uninstall(helperResult(ApplyResult.Outcome.UNCHANGED, "nothing reverted: " + DROP_IN + " changed after "
                + "Port853 last wrote it", wording, details), setup);
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains(DROP_IN + " stays, and with it the DNS settings it sets"), r.stderr());
    }

    @Test
    void aDropInLeftAloneWhenNothingElseWasRevertedIsNamedToo() throws Exception {
        nothingRevertedNamesTheDropIn(ApplyResult.NOTHING_REVERTED_OTHERS, "", DROP_IN);
    }

    @Test
    @DisplayName("a symbolic link at the drop-in path that leads nowhere, which the revert left alone, is named too: "
            + "test -e is false for it")
    void aDanglingLinkLeftAloneIsNamed() throws Exception {
        nothingRevertedNamesTheDropIn(ApplyResult.NOTHING_REVERTED_LINKED,
                "rm -f " + DROP_IN + " && ln -s /nonexistent/zz.conf " + DROP_IN, DROP_IN, DROP_IN);
    }

    @Test
    @DisplayName("a revert the helper refused (a named pipe the restart would hang on) is said with the helper's fix, "
            + "before the removal by hand, which would restart into the pipe")
    void aRefusedRevertSaysTheHelpersFixFirst() throws Exception {
        String pipe = "/run/systemd/resolved.conf.d/zz-port853.conf";
        Run r = uninstall(helperResult(ApplyResult.Outcome.REFUSED, pipe + " is a named pipe or device, not a file, "
                + "with the name of Port853's drop-in, which hides it now: reverting removes Port853's drop-in, and then "
                + "systemd-resolved waits on the pipe when it restarts and does not come up, which leaves this computer "
                + "without DNS; move it away first (mv " + pipe + " " + pipe + ".old), then revert",
                "refused.revert-unmasks-pipe", pipe), "trap 'exit 1' EXIT");
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.dropInLeft());
        assertTrue(r.stderr().startsWith("port853: did not undo Port853's DNS change: " + pipe + " is a named pipe or "
                + "device, not a file, with the name of Port853's drop-in, which hides it now: reverting removes "
                + "Port853's drop-in, and then systemd-resolved waits on the pipe when it restarts and does not come up, "
                + "which leaves this computer without DNS; move it away first (mv " + pipe + " " + pipe + ".old), then "
                + "revert.\nport853: once that is fixed, to restore them by hand: sudo rm -f " + DROP_IN), r.stderr());
        assertFalse(r.stderr().contains("could not restore the DNS settings automatically"), r.stderr());
        assertTrue(r.stderr().contains("is kept: its journal.json holds the files from before Port853"), r.stderr());
    }

    @Test
    void anotherFileLeftAloneDoesNotKeepTheDropIn() throws Exception {
        // the revert removed Port853's drop-in, but kept /etc/resolv.conf, which someone relinked since
        Run r = uninstall(helperResult(ApplyResult.Outcome.REVERTED, "restored the previous settings; names resolve; "
                + "left /etc/resolv.conf as it is because someone else changed it after Port853's change",
                "result.reverted", 1, "/etc/resolv.conf", "", 0), "rm -f " + DROP_IN);
        assertFalse(r.dropInLeft());
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains(" stays"), r.stderr());
    }
}
