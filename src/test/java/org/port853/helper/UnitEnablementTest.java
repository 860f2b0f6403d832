package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.port853.platform.ProcessRunner;
import org.port853.helper.UnitEnablement.AtBoot;

@DisplayName("UnitEnablement: what systemctl is-enabled says about the next boot, read one way")
class UnitEnablementTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path REAL_SYSTEMCTL = Path.of("/usr/bin/systemctl");

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"enabled", "static", "indirect", "generated", "alias"})
    @DisplayName("started at boot, or by other means that are not the user's step to turn: on")
    void on(String state) {
        assertEquals(Optional.of(AtBoot.ON), UnitEnablement.parse(state + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"disabled", "enabled-runtime", "linked", "linked-runtime"})
    @DisplayName("not started at the next boot, and systemctl enable makes it so (a link in /run is gone then): off")
    void off(String state) {
        assertEquals(Optional.of(AtBoot.OFF), UnitEnablement.parse(state));
    }

    @Test
    void masked() {
        assertEquals(Optional.of(AtBoot.MASKED), UnitEnablement.parse("masked\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"masked-runtime", "transient", "not-found", "bad", "", "Failed to connect to bus"})
    @DisplayName("what says nothing about the next boot (a mask in /run, a unit gone at boot) or is no state: no answer")
    void noAnswer(String state) {
        assertEquals(Optional.empty(), UnitEnablement.parse(state));
    }

    @Test
    @DisplayName("no answer from a systemctl that does not answer in time")
    void aTimeoutIsNoAnswer() throws IOException {
        assertEquals(Optional.empty(), UnitEnablement.ask(script("sleep 5; echo enabled"), "x.service",
                Duration.ofMillis(200)));
    }

    @Test
    @DisplayName("an error (its message on stderr, nothing on stdout) is no answer")
    void anErrorIsNoAnswer() throws IOException {
        assertEquals(Optional.empty(), UnitEnablement.ask(script("echo 'Failed to get unit file state for x.service: "
                + "No such file or directory' >&2; exit 1"), "x.service", WAIT));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @DisplayName("every state as the real systemctl prints it, for units set up by the real systemctl under a root of "
            + "their own (no systemd needed)")
    void whatTheRealSystemctlPrints() throws IOException {
        assertTrue(Files.isExecutable(REAL_SYSTEMCTL), "systemctl is part of every system Port853 manages");
        Path units = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        String wanted = "[Install]\nWantedBy=multi-user.target\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("on.service", wanted);
        files.put("off.service", wanted);
        files.put("static.service", "");
        files.put("indirect.service", "[Install]\nAlso=on.service\n");
        files.put("aliased.service", wanted + "Alias=alias.service\n");
        files.put("masked.service", wanted);
        files.put("masked-runtime.service", wanted);
        files.put("enabled-runtime.service", wanted);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(units.resolve(f.getKey()), service(f.getValue()));
        }
        Path elsewhere = Files.createDirectories(root.resolve("opt"));
        Files.writeString(elsewhere.resolve("linked.service"), service(wanted));
        Files.writeString(elsewhere.resolve("linked-runtime.service"), service(wanted));
        Files.writeString(Files.createDirectories(root.resolve("run/systemd/generator")).resolve("generated.service"),
                service(""));
        Files.writeString(Files.createDirectories(root.resolve("run/systemd/transient")).resolve("transient.service"),
                service(""));
        Files.createDirectories(root.resolve("etc/systemd/system"));
        Files.createDirectories(root.resolve("run/systemd/system"));
        systemctl("enable", "on.service", "aliased.service");
        systemctl("mask", "masked.service");
        systemctl("mask", "--runtime", "masked-runtime.service");
        systemctl("enable", "--runtime", "enabled-runtime.service");
        systemctl("link", "/opt/linked.service");
        systemctl("link", "--runtime", "/opt/linked-runtime.service");

        Map<String, Optional<AtBoot>> expected = new LinkedHashMap<>();
        expected.put("on", Optional.of(AtBoot.ON));
        expected.put("static", Optional.of(AtBoot.ON));
        expected.put("indirect", Optional.of(AtBoot.ON));
        expected.put("alias", Optional.of(AtBoot.ON));
        expected.put("generated", Optional.of(AtBoot.ON));
        expected.put("off", Optional.of(AtBoot.OFF));
        expected.put("enabled-runtime", Optional.of(AtBoot.OFF));
        expected.put("linked", Optional.of(AtBoot.OFF));
        expected.put("linked-runtime", Optional.of(AtBoot.OFF));
        expected.put("masked", Optional.of(AtBoot.MASKED));
        expected.put("masked-runtime", Optional.empty());
        expected.put("transient", Optional.empty());
        expected.put("missing", Optional.empty());
        Path inRoot = script("exec " + REAL_SYSTEMCTL + " --root='" + root + "' \"$@\"");
        List<String> printed = new ArrayList<>();
        for (Map.Entry<String, Optional<AtBoot>> e : expected.entrySet()) {
            String unit = e.getKey() + ".service";
            printed.add(ProcessRunner.run(List.of(inRoot.toString(), "is-enabled", unit), null, WAIT).stdout().strip());
            assertEquals(e.getValue(), UnitEnablement.ask(inRoot, unit, WAIT), unit);
        }
        assertEquals(List.of("enabled", "static", "indirect", "alias", "generated", "disabled", "enabled-runtime",
                "linked", "linked-runtime", "masked", "masked-runtime", "transient", ""), printed,
                "the states this test means to read, as systemctl names them");
    }

    private static String service(String install) {
        return "[Unit]\nDescription=a unit\n[Service]\nExecStart=/bin/true\n" + install;
    }

    private void systemctl(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(REAL_SYSTEMCTL.toString(), "--root=" + root));
        command.addAll(List.of(args));
        ProcessRunner.Result r = ProcessRunner.run(command, null, WAIT);
        assertTrue(r.ok(), command + ": " + r.stderr());
    }

    private Path script(String body) throws IOException {
        Path s = root.resolve("systemctl-" + Math.abs(body.hashCode()));
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        assertTrue(s.toFile().setExecutable(true));
        return s;
    }
}
