package org.port853.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.port853.rig.TestRig;

/** Runs the packaged {@code port853} command inside a rig, as a user would run it. */
final class RigCli implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final TestRig rig;
    /** The real user's pin store, which no rig run may touch (checked when the rig closes). */
    private static final Path REAL_PINS = org.port853.core.XdgDirs.state().resolve("pins.json");
    private final String realPinsBefore = fingerprint(REAL_PINS);

    private RigCli(TestRig rig) {
        this.rig = rig;
    }

    private static String fingerprint(Path f) {
        try {
            return Files.exists(f) ? Files.getLastModifiedTime(f) + "/" + Files.size(f) : "absent";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    static RigCli start(String id, int net, Map<String, String> env) {
        return start(id, net, 252, env);
    }

    /** A rig running systemd {@code systemd}'s resolved; the id gets the version appended. */
    static RigCli start(String id, int net, int systemd, Map<String, String> env) {
        assertTrue(TestRig.available(), "integration tests need root, systemd-resolved, unbound, tcpdump and tshark "
                + "(run .ci/install-deps as root)");
        assertTrue(Files.isRegularFile(jar()), "build the jar first (mvn package): " + jar());
        String missing = TestRig.missingRoot(systemd);
        assertTrue(missing == null, missing);
        Map<String, String> withVersion = new java.util.HashMap<>(env);
        withVersion.put("RIG_SYSTEMD", Integer.toString(systemd));
        return new RigCli(TestRig.start(id + idLetter(systemd), net, withVersion));
    }

    /** Rig ids stay within 12 characters with a worktree suffix: one letter per release (none for the host's). */
    private static String idLetter(int systemd) {
        return switch (systemd) {
            case 247 -> "b";
            case 257 -> "t";
            case 262 -> "s";
            default -> "";
        };
    }

    /** resolved's own answer over D-Bus, as busctl prints it: "a(iiay)st ... \"example.com\" FLAGS". */
    String resolveHostnameRaw(String name, long flags) {
        TestRig.ExecResult r = rig.exec(null, Duration.ofSeconds(20), "busctl", "call", "org.freedesktop.resolve1",
                "/org/freedesktop/resolve1", "org.freedesktop.resolve1.Manager", "ResolveHostname", "isit", "0", name,
                "0", Long.toString(flags));
        return (r.stdout() + r.stderr()).strip();
    }

    /**
     * A revert's exit code matches what it says: 3 when it says the settings from before do not resolve names (a bare
     * rig's may not), else 0.
     */
    static void assertRevertExitMatchesMessage(TestRig.ExecResult reverted) {
        String said = reverted.stdout() + reverted.stderr();
        assertEquals(said.contains("names do not resolve with them") ? 3 : 0, reverted.exitCode(), said);
    }

    static Path jar() {
        return Path.of(System.getProperty("port853.jar", "target/port853.jar"));
    }

    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    TestRig.ExecResult run(String... args) {
        return rig.exec(null, Duration.ofSeconds(60), inRigHome(args).toArray(String[]::new));
    }

    /** Runs the command as an unprivileged user (nobody), as a desktop user would. */
    TestRig.ExecResult runAsNobody(String... args) {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        cmd.addAll(inRigHome(args));
        return rig.exec(null, Duration.ofSeconds(60), cmd.toArray(String[]::new));
    }

    Process startAsync(String... args) {
        return rig.start(inRigHome(args).toArray(String[]::new));
    }

    /**
     * The command with the user's state and configuration (pins recorded by apply, the log) in the rig's folder:
     * a test never writes into the real user's ~/.local/state, where a later re-check of the rig's test servers
     * from the host would send packets out of this machine.
     */
    List<String> inRigHome(String... args) {
        Path home = rig.dir().resolve("user-home");
        try {
            Files.createDirectories(home);
            home.toFile().setWritable(true, false); // nobody's runs write here too
            home.toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of("env", "XDG_STATE_HOME=" + home.resolve("state"),
                "XDG_CONFIG_HOME=" + home.resolve("config")));
        cmd.addAll(command(args));
        return cmd;
    }

    /**
     * Runs the command trusting the rig's CA as resolved does (the system's store): Port853's own probes read the
     * JDK's store, which on a real system comes from the same certificates.
     */
    TestRig.ExecResult runTrustingRigCa(String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "PORT853_CA_FILE=" + rig.caFile()));
        cmd.addAll(inRigHome(args));
        return rig.exec(null, Duration.ofSeconds(60), cmd.toArray(String[]::new));
    }

    JsonNode json(String... args) {
        TestRig.ExecResult r = run(args);
        try {
            return JSON.readTree(r.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON (exit " + r.exitCode() + "): " + r.stdout() + r.stderr(), e);
        }
    }

    /** Resolves a name through the stub like an application would; returns dig's exit code and output. */
    TestRig.ExecResult lookup(String name) {
        return rig.exec(null, Duration.ofSeconds(20), "dig", "+time=2", "+tries=1", "@127.0.0.53", name, "A");
    }

    Path dropIn() {
        return rig.dropInDir().resolve("zz-port853.conf");
    }

    @Override
    public void close() {
        rig.close();
        org.junit.jupiter.api.Assertions.assertEquals(realPinsBefore, fingerprint(REAL_PINS),
                "a command run in the rig wrote the real user's pin store " + REAL_PINS);
    }
}
