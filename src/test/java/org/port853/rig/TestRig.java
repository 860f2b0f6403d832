package org.port853.rig;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real systemd-resolved and real unbound DoT servers in network namespaces, driven by
 * {@code src/test/rig/rig.sh} (read its header for the layout). Needs root.
 *
 * <pre>{@code
 * assumeTrue(TestRig.available());
 * try (TestRig rig = TestRig.start("mytest", 61, Map.of())) {
 *     Files.writeString(rig.dropInDir().resolve("zz.conf"),
 *         "[Resolve]\nDNS=" + rig.goodServer() + "#dot.test\nDNSOverTLS=yes\nDomains=~.\n");
 *     rig.exec(null, Duration.ofSeconds(10), "systemctl", "restart", "systemd-resolved");
 *     ExecResult r = rig.exec(null, Duration.ofSeconds(10), "resolvectl", "query", "example.com");
 * }
 * }</pre>
 *
 * Each rig needs its own id ([a-z0-9]{1,12}) and net (0..255) when tests run in parallel.
 */
public final class TestRig implements AutoCloseable {

    /** Result of a command run in the client namespaces. */
    public record ExecResult(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private static final Duration RIG_TIMEOUT = Duration.ofSeconds(30);

    private final Path script;
    private final Map<String, String> rigEnv;
    private final Map<String, String> vars;

    private TestRig(Path script, Map<String, String> rigEnv, Map<String, String> vars) {
        this.script = script;
        this.rigEnv = rigEnv;
        this.vars = vars;
    }

    /** The rig script, relative to the Maven base directory. */
    public static Path script() {
        return Path.of(System.getProperty("user.dir"), "src", "test", "rig", "rig.sh");
    }

    /** Are we root, and are the programs the rig needs installed? */
    public static boolean available() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return false;
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        for (String p : List.of("/usr/sbin/unbound", "/lib/systemd/systemd-resolved", "/usr/bin/dbus-daemon",
                "/usr/bin/nsenter", "/usr/bin/tcpdump", "/usr/bin/resolvectl")) {
            if (!Files.isExecutable(Path.of(p))) {
                return false;
            }
        }
        return (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")))
                && Files.isRegularFile(script());
    }

    /**
     * Starts (or restarts) the rig {@code id} on 198.18.{@code net}.0/24. {@code env} may carry the
     * start options of rig.sh (RIG_UPSTREAM, RIG_LINK_DNS, RIG_LINK_DOT, RIG_RESOLV_CONF,
     * RIG_RESOLVED_LOG_LEVEL, RIG_DIR).
     */
    public static TestRig start(String id, int net, Map<String, String> env) {
        Map<String, String> rigEnv = new HashMap<>(env);
        rigEnv.put("RIG_ID", withWorktreeSuffix(id));
        rigEnv.put("RIG_NET", Integer.toString(net));
        Path script = script();
        ExecResult started = run(script, rigEnv, null, RIG_TIMEOUT, List.of("start"));
        if (!started.ok()) {
            throw new IllegalStateException("rig.sh start failed (" + started.exitCode() + "): "
                    + started.stderr() + started.stdout());
        }
        ExecResult env2 = run(script, rigEnv, null, RIG_TIMEOUT, List.of("env"));
        Map<String, String> vars = new HashMap<>();
        for (String line : env2.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                vars.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        rigEnv.put("RIG_DIR", vars.get("RIG_DIR"));
        return new TestRig(script, rigEnv, vars);
    }

    /**
     * Appends {@code RIG_ID_SUFFIX} (environment, [a-z0-9]{0,3}) so that several checkouts can run the same
     * integration tests at once without sharing namespaces or rig directories.
     */
    /** The same suffix rule for the dot-lab's RIG_ID (src/test/rig/dot-lab.sh). */
    public static String withWorktreeSuffixForLab(String id) {
        return withWorktreeSuffix(id);
    }

    static String withWorktreeSuffix(String id) {
        String suffix = System.getenv().getOrDefault("RIG_ID_SUFFIX", "");
        if (!suffix.matches("[a-z0-9]{0,3}")) {
            throw new IllegalArgumentException("RIG_ID_SUFFIX must match [a-z0-9]{0,3}: '" + suffix + "'");
        }
        return id + suffix;
    }

    /**
     * Stops the rig: kills everything it started and deletes its namespaces. Logs stay in {@link #dir()} until the
     * test run ends ({@link StoppedRigDirs}).
     */
    @Override
    public void close() {
        ExecResult r = rig("stop");
        if (!r.ok()) {
            throw new IllegalStateException("rig.sh stop failed: " + r.stderr());
        }
        StoppedRigDirs.stopped(dir());
    }

    /**
     * Runs {@code cmd} in the client network and mount namespace (DBUS_SYSTEM_BUS_ADDRESS set, the
     * rest of this JVM's environment kept). {@code stdin} may be null. Throws if it outlives
     * {@code timeout} (the command is killed).
     */
    public ExecResult exec(String stdin, Duration timeout, String... cmd) {
        List<String> args = new ArrayList<>();
        args.add("exec");
        args.addAll(List.of(cmd));
        return run(script, rigEnv, stdin, timeout, args);
    }

    /** Starts a long-running {@code cmd} in the client namespaces; destroy() on it kills the command itself. */
    public Process start(String... cmd) {
        List<String> args = new ArrayList<>();
        args.add(script.toString());
        args.add("exec");
        args.addAll(List.of(cmd));
        ProcessBuilder pb = new ProcessBuilder(args);
        pb.environment().putAll(rigEnv);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restarts the hand-started resolved (not logged in systemctl.log, no pause hook). */
    public void restartResolved() {
        check(rig("restart-resolved"));
    }

    /** Makes both DoT servers answer every name ({@code true}) or refuse everything. */
    public void upstreamAnswers(boolean answer) {
        check(rig("upstream", answer ? "answer" : "refuse"));
    }

    /** The servers answer like the internet's: example.com exists, names under it that nobody made do not. */
    public void upstreamLikeTheInternet() {
        check(rig("upstream", "internet"));
    }

    /** Starts tcpdump on the client's eth0 (ports 53 and 853), returns once it is listening. */
    public void captureStart(Path file) {
        check(rig("capture-start", file.toAbsolutePath().toString()));
    }

    /** Stops the capture with SIGINT and waits until tcpdump has exited, so the file is complete. */
    public void captureStop() {
        check(rig("capture-stop"));
    }

    /**
     * From now on the stand-in systemctl sleeps {@code seconds} after each restart of resolved (after
     * writing {@link #pausedFile()}); 0 or less switches this off.
     */
    public void pauseAfterRestart(int seconds) {
        try {
            Files.deleteIfExists(pausedFile());
            Path f = dir().resolve("pause-after-restart");
            if (seconds > 0) {
                Files.writeString(f, Integer.toString(seconds));
            } else {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written (with the stand-in's PID) when the stand-in systemctl starts its pause. */
    public Path pausedFile() {
        return dir().resolve("paused");
    }

    /** One entry per call of the stand-in systemctl: its arguments joined by spaces. */
    public List<String> systemctlLog() {
        try {
            return Files.readAllLines(Path.of(vars.get("RIG_SYSTEMCTL_LOG")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return Path.of(vars.get("RIG_DIR"));
    }

    /** Host side of the client's /etc/systemd/resolved.conf.d (a bind mount: both sides see the same files). */
    public Path dropInDir() {
        return Path.of(vars.get("RIG_DROPIN_DIR"));
    }

    /** Host side of the client's /var/lib/port853. */
    public Path stateDir() {
        return Path.of(vars.get("RIG_STATE_DIR"));
    }

    /**
     * Host side of the client's /etc/resolv.conf (the overlay's upper layer; by default a symlink to
     * ../run/systemd/resolve/stub-resolv.conf, which only resolves inside the rig). Read it here, but
     * change it through {@link #exec}: the overlay may not notice changes made from outside.
     */
    public Path resolvConfFile() {
        return Path.of(vars.get("RIG_RESOLV_CONF_FILE"));
    }

    /** The rig CA that signed the good server's certificate (SAN dot.test and its addresses). */
    public Path caFile() {
        return Path.of(vars.get("RIG_CA"));
    }

    /** DoT server with a certificate from {@link #caFile()}. */
    public String goodServer() {
        return vars.get("RIG_GOOD4");
    }

    public String goodServer6() {
        return vars.get("RIG_GOOD6");
    }

    /** DoT server with a certificate (SAN dot.test) from another, untrusted CA. */
    public String untrustedServer() {
        return vars.get("RIG_UNTRUSTED4");
    }

    /** Plain DNS only; port 853 closed (a router's DNS that does not speak DoT). */
    public String plainServer() {
        return vars.get("RIG_PLAIN4");
    }

    /** The systemd release whose resolved runs in this rig (RIG_SYSTEMD: 247, 252 = the host's, 257, 262). */
    public int systemd() {
        return Integer.parseInt(vars.get("RIG_SYSTEMD"));
    }

    /** The PID of the running systemd-resolved, as the rig recorded it at its last start. */
    public long resolvedPid() {
        try {
            return Long.parseLong(Files.readString(dir().resolve("run/resolved.pid")).strip().split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** systemd's versions in the matrix, and whether this machine has the root to run each (build-roots.sh). */
    public static final List<Integer> SYSTEMD_VERSIONS = List.of(247, 252, 257, 262);

    /** Null when the rig can run that version here, else what is missing and how to get it. */
    public static String missingRoot(int systemd) {
        String suite = switch (systemd) {
            case 252 -> null;
            case 247 -> "bullseye";
            case 257 -> "trixie";
            case 262 -> "sid";
            default -> throw new IllegalArgumentException("no systemd " + systemd + " in the matrix");
        };
        if (suite == null) {
            return null;
        }
        Path root = Path.of(System.getenv().getOrDefault("PORT853_TEST_ROOTS", "/var/cache/port853-test-roots"), suite);
        return Files.isRegularFile(root.resolve(".port853-complete")) ? null
                : "no " + suite + " root for systemd " + systemd + " in " + root
                + ": run src/test/rig/build-roots.sh as root (.ci/install-deps does)";
    }

    public String busAddress() {
        return vars.get("DBUS_SYSTEM_BUS_ADDRESS");
    }

    /** The server side's network namespace, where the rig's DNS servers run (198.18.N.0/24 on its eth0). */
    public String serverNamespace() {
        return rigEnv.get("RIG_ID") + "-srv";
    }

    /** All values printed by {@code rig.sh env}. */
    public Map<String, String> vars() {
        return Map.copyOf(vars);
    }

    private ExecResult rig(String... args) {
        return run(script, rigEnv, null, RIG_TIMEOUT, List.of(args));
    }

    private static void check(ExecResult r) {
        if (!r.ok()) {
            throw new IllegalStateException("rig.sh failed (" + r.exitCode() + "): " + r.stderr() + r.stdout());
        }
    }

    private static String read(File f) throws IOException {
        return new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
    }

    private static ExecResult run(Path script, Map<String, String> env, String stdin, Duration timeout,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        File out = null;
        File err = null;
        try {
            out = File.createTempFile("rig-out", ".txt");
            err = File.createTempFile("rig-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            pb.environment().putAll(env);
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process p = pb.start();
            if (stdin != null) {
                try (OutputStream os = p.getOutputStream()) {
                    os.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the command did not read all of its input
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("timed out after " + timeout + ": " + command + "\nstdout: "
                        + read(out) + "\nstderr: " + read(err));
            }
            return new ExecResult(p.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        } finally {
            if (out != null) {
                out.delete();
            }
            if (err != null) {
                err.delete();
            }
        }
    }
}
