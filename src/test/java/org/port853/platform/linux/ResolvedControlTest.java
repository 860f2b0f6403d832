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
    void disabledBeforeIsTurnedOnAndSaidSo() throws IOException {
        assertTrue(control("disabled", 0).ensureEnabled());
        assertEquals(List.of("is-enabled systemd-resolved.service", "enable systemd-resolved.service"), calls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"enabled", "static", "indirect", "alias", ""})
    void anythingButDisabledIsNotPort853sToUndo(String state) throws IOException {
        assertFalse(control(state, 0).ensureEnabled());
        assertTrue(calls().contains("enable systemd-resolved.service"), calls().toString());
    }

    @Test
    void aFailedEnableIsAnErrorNotARecordedEnablement() throws IOException {
        ResolvedControl c = control("disabled", 1);
        assertThrows(IOException.class, c::ensureEnabled);
    }

    @Test
    @DisplayName("turning it off at boot does not stop the running service")
    void disableAtBootOnlyDisables() throws IOException {
        control("enabled", 0).disableAtBoot();
        assertEquals(List.of("disable systemd-resolved.service"), calls());
    }
}
