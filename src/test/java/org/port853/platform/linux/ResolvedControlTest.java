package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnabledOnOs(OS.LINUX)
@DisplayName("ResolvedControl: whether Port853 turned systemd-resolved on at boot, and turning it off again")
class ResolvedControlTest {
    @TempDir
    Path dir;

    /** A stand-in systemctl that logs its arguments, says {@code isEnabled} to is-enabled and exits {@code enableExit} on enable. */
    private ResolvedControl control(String isEnabled, int enableExit) throws IOException {
        Path systemctl = dir.resolve("systemctl");
        Files.writeString(systemctl, "#!/bin/sh\n"
                + "echo \"$*\" >> '" + dir.resolve("calls") + "'\n"
                + "case $1 in\n"
                + "  is-enabled) echo '" + isEnabled + "'; [ '" + isEnabled + "' = enabled ] ;;\n"
                + "  enable) exit " + enableExit + " ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwx------"));
        LinuxPaths u = LinuxPaths.under(dir);
        return new ResolvedControl(new LinuxPaths(u.dropInDirs(), u.ourDropIn(), u.resolvConf(), u.stateDir(), systemctl,
                u.resolvedBinary(), u.resolvectl()), 252, "example.com");
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls"));
    }

    @Test
    void disabledBeforeIsOffAtBootAndAsksNothingElse() throws IOException {
        assertTrue(control("disabled", 0).offAtBoot());
        assertEquals(List.of("is-enabled systemd-resolved.service"), calls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"enabled-runtime", "linked", "linked-runtime"})
    @DisplayName("enabled or linked only until the next boot (or only linked) is off at boot: a change that points "
            + "/etc/resolv.conf at it would leave the machine without DNS after a reboot, so it is turned on (and off again "
            + "by revert, which leaves the link in /run as it was)")
    void onlyUntilRebootIsOffAtBoot(String state) throws IOException {
        assertTrue(control(state, 0).offAtBoot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"enabled", "static", "indirect", "alias", "generated", "masked", "masked-runtime",
        "transient", "not-found", ""})
    void anythingElseIsNotPort853sToUndo(String state) throws IOException {
        assertFalse(control(state, 0).offAtBoot());
    }

    @Test
    void enablingEnables() throws IOException {
        control("disabled", 0).enableAtBoot();
        assertEquals(List.of("enable systemd-resolved.service"), calls());
    }

    @Test
    void aFailedEnableIsAnError() throws IOException {
        ResolvedControl c = control("disabled", 1);
        assertThrows(IOException.class, c::enableAtBoot);
    }

    @Test
    @DisplayName("turning it off at boot does not stop the running service")
    void disableAtBootOnlyDisables() throws IOException {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/resolv.conf"), "nameserver 198.18.0.1\n");
        assertTrue(control("enabled", 0).disableAtBoot());
        assertEquals(List.of("disable systemd-resolved.service"), calls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/run/systemd/resolve/stub-resolv.conf", "/run/systemd/resolve/resolv.conf"})
    @DisplayName("stays on at boot while /etc/resolv.conf leads to systemd-resolved (after a reboot it would lead nowhere)")
    void staysOnWhileResolvConfLeadsToIt(String target) throws IOException {
        Files.createDirectories(dir.resolve("etc"));
        Files.createSymbolicLink(dir.resolve("etc/resolv.conf"), Path.of(target));
        assertFalse(control("enabled", 0).disableAtBoot());
        assertFalse(Files.exists(dir.resolve("calls")), "no systemctl call");
    }

    @Test
    @DisplayName("stays on at boot while /etc/resolv.conf is a file of its own naming only the stub (a copied stub file): "
            + "programs ask the stub through it")
    void staysOnWhileAFileNamesOnlyTheStub() throws IOException {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/resolv.conf"), "# copied from stub-resolv.conf\nnameserver 127.0.0.53\n"
                + "options edns0 trust-ad\nsearch .\n");
        assertFalse(control("enabled", 0).disableAtBoot());
        assertFalse(Files.exists(dir.resolve("calls")), "no systemctl call");
    }

    @Test
    @DisplayName("decided on one look at /etc/resolv.conf: a file swapped meanwhile between a copy of the stub file and a "
            + "link to the uplink file (each keeps it on) never turns it off by half of each answer")
    void oneLookAtAFileSwappedMeanwhile() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path resolvConf = etc.resolve("resolv.conf");
        Files.writeString(resolvConf, "nameserver 127.0.0.53\n");
        ResolvedControl control = control("enabled", 0);
        java.util.concurrent.atomic.AtomicBoolean swapping = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread swapper = new Thread(() -> {
            for (int i = 0; swapping.get(); i++) {
                try {
                    Path next = etc.resolve("next");
                    if (i % 2 == 0) {
                        Files.createSymbolicLink(next, Path.of(LinuxPaths.UPLINK_RESOLV_CONF));
                    } else {
                        Files.writeString(next, "nameserver 127.0.0.53\n");
                    }
                    Files.move(next, resolvConf, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        swapper.start();
        try {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                assertFalse(control.disableAtBoot());
            }
        } finally {
            swapping.set(false);
            swapper.join();
        }
        assertFalse(Files.exists(dir.resolve("calls")), "no systemctl call");
    }
}
