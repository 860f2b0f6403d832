package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.rig.TestRig;

/**
 * The privileged path as a desktop user takes it: the command line runs as an unprivileged user (nobody),
 * calls pkexec, polkitd (on the rig's private system bus) admits that user by a JavaScript rule, and pkexec
 * runs the helper installed root-owned at /usr/lib/port853/lib/port853-helper, the real HelperMain, which reads
 * its document on stdin. Everything is mounted inside the rig's own mount namespace only (tmpfs over
 * /usr/lib/port853, the polkit action and rule directories, /run/dbus); this machine's files are untouched.
 */
@DisplayName("pkexec + polkitd + the installed helper, end to end")
class PkexecIT {
    private RigCli cli;
    private Process polkitd;

    @AfterEach
    void stop() throws InterruptedException {
        if (polkitd != null) {
            polkitd.destroy();
            polkitd.waitFor(10, TimeUnit.SECONDS);
        }
        if (cli != null) {
            cli.close();
        }
    }

    private TestRig.ExecResult sh(String script) {
        TestRig.ExecResult r = cli.rig.exec(null, Duration.ofSeconds(60), "/bin/sh", "-euc", script);
        assertEquals(0, r.exitCode(), script + "\n" + r.stdout() + r.stderr());
        return r;
    }

    private void install(boolean admitNobody) throws IOException, InterruptedException {
        Path jar = RigCli.jar().toAbsolutePath();
        Path lib = jar.getParent().resolve("lib");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path policy = Path.of("installer/linux/org.port853.helper.policy").toAbsolutePath();
        Path bus = Path.of(cli.rig.busAddress().replaceFirst("^unix:path=", ""));
        sh("mkdir -p /usr/lib/port853 && mount -t tmpfs -o mode=0755 tmpfs /usr/lib/port853\n"
                + "mkdir -p /usr/lib/port853/lib/app\n"
                + "cp '" + jar + "' '" + lib + "'/*.jar /usr/lib/port853/lib/app/\n"
                + "chmod 0644 /usr/lib/port853/lib/app/*.jar\n"
                + "printf '#!/bin/sh\\nexec " + java + " -cp \"/usr/lib/port853/lib/app/*\" org.port853.helper.HelperMain \"$@\"\\n'"
                + " > /usr/lib/port853/lib/port853-helper\n"
                + "chmod 0755 /usr/lib/port853/lib/port853-helper\n"
                + "mount -t tmpfs -o mode=0755 tmpfs /usr/share/polkit-1/actions\n"
                + "cp '" + policy + "' /usr/share/polkit-1/actions/\n"
                + "mount -t tmpfs -o mode=0755 tmpfs /etc/polkit-1/rules.d\n"
                + (admitNobody ? "printf '%s\\n' 'polkit.addRule(function(action, subject) {' "
                + "'  if (action.id.indexOf(\"org.port853.helper.\") == 0 && subject.user == \"nobody\") {' "
                + "'    return polkit.Result.YES;' '  }' '});' > /etc/polkit-1/rules.d/50-port853-test.rules\n" : "")
                + "chmod 0644 /etc/polkit-1/rules.d/* 2>/dev/null || true\n"
                + "mount -t tmpfs -o mode=0755 tmpfs /run/dbus\n"
                + "touch /run/dbus/system_bus_socket && mount --bind '" + bus + "' /run/dbus/system_bus_socket\n");
        polkitd = cli.rig.start("/usr/lib/polkit-1/polkitd", "--no-debug");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            // (busctl status cannot read peer credentials here; ask the bus itself)
            TestRig.ExecResult owned = cli.rig.exec(null, Duration.ofSeconds(10), "dbus-send", "--system",
                    "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.PolicyKit1");
            if (owned.exitCode() == 0 && owned.stdout().contains("boolean true")) {
                return;
            }
            assertTrue(polkitd.isAlive(), "polkitd exited: " + new String(polkitd.getErrorStream().readAllBytes()));
            Thread.sleep(200);
        }
        throw new AssertionError("polkitd did not take org.freedesktop.PolicyKit1 on the rig's bus");
    }

    /** The command line as nobody; pkexec refuses a SHELL that is not in /etc/shells, so set a plain one. */
    private TestRig.ExecResult asNobody(String... args) {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("setpriv", "--reuid=65534",
                "--regid=65534", "--clear-groups", "env", "SHELL=/bin/sh"));
        cmd.addAll(cli.inRigHome(args));
        return cli.rig.exec(null, Duration.ofSeconds(120), cmd.toArray(String[]::new));
    }

    @Test
    @DisplayName("nobody, admitted by a polkit rule, applies and reverts through pkexec and the installed helper")
    void applyAndRevertThroughPkexec() throws Exception {
        cli = RigCli.start("p853k90", 90, Map.of());
        install(true);
        TestRig.ExecResult r = asNobody("apply", "--server", cli.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains", "--json");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("\"outcome\" : \"APPLIED\""), r.stdout());
        assertTrue(r.stdout().contains("\"encryptedVerified\" : true"), r.stdout());
        assertTrue(Files.readString(cli.dropIn()).contains(cli.rig.goodServer() + "#dot.test"));
        assertEquals(0, cli.lookup("example.com").exitCode());

        TestRig.ExecResult rv = asNobody("revert", "--json");
        // this rig's settings from before have no DNS server: revert restores them, says names do not resolve, exits 3
        RigCli.assertRevertExitMatchesMessage(rv);
        assertTrue(rv.stdout().contains("\"outcome\" : \"REVERTED\""), rv.stdout());
        assertFalse(Files.exists(cli.dropIn()));
    }

    @Test
    @DisplayName("without a rule admitting the user (and no agent to ask), nothing is written")
    void refusedWithoutAuthorization() throws Exception {
        cli = RigCli.start("p853k91", 91, Map.of());
        install(false);
        TestRig.ExecResult r = asNobody("apply", "--server", cli.rig.goodServer() + "#dot.test", "--mode", "strict",
                "--all-domains");
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("no password dialog could be shown: this session runs no polkit authentication "
                + "agent"), r.stderr());
        assertFalse(Files.exists(cli.dropIn()));
        assertTrue(cli.rig.systemctlLog().stream().noneMatch(l -> l.contains("restart")));
    }
}
