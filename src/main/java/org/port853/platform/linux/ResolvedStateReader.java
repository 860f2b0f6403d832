package org.port853.platform.linux;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.Variant;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.PendingChange;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.StateSource;
import org.port853.change.JournalStore;
import org.port853.platform.ProcessRunner;

/** Reads what systemd-resolved does now: D-Bus first, {@code resolvectl status} text when the bus fails. */
final class ResolvedStateReader {
    static final String NAME = "systemd-resolved";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration RESOLVECTL_TIMEOUT = Duration.ofSeconds(10);

    private final LinuxPaths paths;
    private volatile SystemdVersion.Build build;

    private final boolean observeDowngrade;
    private final JournalCheck journal;

    ResolvedStateReader(LinuxPaths paths) {
        this(paths, false);
    }

    /** {@code observeDowngrade}: in opportunistic mode, look for a fallback to plaintext (one extra lookup). */
    ResolvedStateReader(LinuxPaths paths, boolean observeDowngrade) {
        this.paths = paths;
        this.observeDowngrade = observeDowngrade;
        this.journal = new JournalCheck(paths);
    }

    int systemdVersion() {
        return build().version();
    }

    private SystemdVersion.Build build() {
        if (build == null) {
            build = SystemdVersion.probeBuild(paths);
        }
        return build;
    }

    /** The Linux facts beside the resolver's own state. */
    private LinuxDetails details(ResolvConfState rc, List<DropIn> dropIns, Downgrade downgrade) {
        return details(rc, dropIns, downgrade, null);
    }

    /** {@code resolvedStarted}: when the running resolved started, or null where that is not known. */
    private LinuxDetails details(ResolvConfState rc, List<DropIn> dropIns, Downgrade downgrade,
                                 java.time.Instant resolvedStarted) {
        int version = systemdVersion();
        String mainText = ResolvedConfFiles.mainFileText(paths, version); // read once: its keys and its comments
        return new LinuxDetails(version, rc, dropIns, downgrade, Files.isDirectory(paths.systemdRuntime()),
                ResolvedConf.parse(mainText).keys().get("DNSOverTLS"), masked(paths), journal.problem(),
                ourDropInLink(paths), paths.mainConf(version).toString(),
                ResolvedConfFiles.commentedDefault(mainText, "DNSOverTLS"),
                ResolvedConfFiles.changedSince(resolvedStarted, paths, version, dropIns),
                LinuxDetails.NoDirectory.at(paths.ourDropIn().getParent()).orElse(null),
                DropInScanner.isPipeOrDevice(paths.mainConf(version)),
                DropInScanner.pipeOursMasks(paths).map(String::valueOf).orElse(null),
                ResolvedConf.parse(mainText).keys().get("DNS"), build().unicodeTlsNames(), OurDropIn.scopeUnrecorded(paths),
                OurDropIn.oursByHeaderOnly(paths) ? paths.ourDropIn().toString() : null);
    }

    /** What the path of Port853's drop-in links to, where it is a symbolic link; else null. */
    static String ourDropInLink(LinuxPaths paths) {
        try {
            return Files.isSymbolicLink(paths.ourDropIn()) ? Files.readSymbolicLink(paths.ourDropIn()).toString() : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** systemd-resolved's unit is linked to /dev/null where systemctl mask puts it. */
    static boolean masked(LinuxPaths paths) {
        for (Path link : paths.resolvedMaskLinks()) {
            try {
                if (Files.isSymbolicLink(link) && Path.of("/dev/null").equals(Files.readSymbolicLink(link))) {
                    return true;
                }
            } catch (IOException | SecurityException e) {
                // unreadable: not known to be masked
            }
        }
        return false;
    }

    ResolverState read() {
        ResolvConfState rc = ResolvConfInspector.inspect(paths);
        List<DropIn> dropIns = DropInScanner.scan(paths, systemdVersion());
        PendingChange pending = JournalStore.readMarker(paths.stateDir());
        boolean installed = Files.exists(paths.resolvedBinary());
        if (!installed) {
            return new ResolverState(NAME, StateSource.NONE, false, false, null, List.of(), pending, NAME + " is not installed",
                    details(rc, dropIns, null));
        }
        Sentence busProblem;
        try (ResolvedBus bus = ResolvedBus.connect()) {
            if (!bus.resolvedRunning(CALL_TIMEOUT)) {
                return new ResolverState(NAME, StateSource.DBUS, true, false, null, List.of(), pending, NAME + " is not running",
                    details(rc, dropIns, null));
            }
            Map<String, Variant<?>> m = bus.managerProperties(CALL_TIMEOUT);
            GlobalState g = new GlobalState(
                    BusValues.servers(BusValues.exOrPlain(m, "DNS"), true, true),
                    BusValues.servers(BusValues.exOrPlain(m, "FallbackDNS"), true, true),
                    BusValues.server(BusValues.exOrPlain(m, "CurrentDNSServer"), true),
                    DotMode.parseOrNull(BusValues.string(m, "DNSOverTLS")),
                    DnssecMode.parseOrNull(BusValues.string(m, "DNSSEC")),
                    BusValues.bool(m, "DNSSECSupported"),
                    BusValues.domains(BusValues.value(m, "Domains"), true, true),
                    BusValues.string(m, "DNSStubListener"), BusValues.string(m, "ResolvConfMode"));
            List<LinkState> links = readLinks(bus);
            java.time.Instant started = startOf(bus);
            Downgrade downgrade = observeDowngrade
                    ? DowngradeObserver.observe(bus, new ResolvedFeatures(systemdVersion()), g, links, started) : null;
            return new ResolverState(NAME, StateSource.DBUS, true, true, g, links, pending, null,
                    details(rc, dropIns, downgrade, started));
        } catch (DBusException | IOException | RuntimeException e) {
            busProblem = busProblem(e);
        }
        return fromResolvectl(rc, dropIns, pending, busProblem);
    }

    /** When the running resolved started (its bus connection's process), or null where that cannot be told. */
    private static java.time.Instant startOf(ResolvedBus bus) {
        try {
            return ProcessHandle.of(bus.resolvedPid(CALL_TIMEOUT)).flatMap(p -> p.info().startInstant()).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private List<LinkState> readLinks(ResolvedBus bus) throws IOException {
        List<LinkState> links = new ArrayList<>();
        for (NetworkInterface nif : interfaces()) {
            if (nif.getIndex() <= 0) {
                continue;
            }
            Map<String, Variant<?>> p = bus.linkProperties(nif.getIndex(), CALL_TIMEOUT);
            if (p == null) {
                continue;
            }
            links.add(new LinkState(nif.getIndex(), nif.getName(),
                    BusValues.servers(BusValues.exOrPlain(p, "DNS"), false, false),
                    DotMode.parseOrNull(BusValues.string(p, "DNSOverTLS")),
                    DnssecMode.parseOrNull(BusValues.string(p, "DNSSEC")),
                    BusValues.domains(BusValues.value(p, "Domains"), false, false),
                    BusValues.bool(p, "DefaultRoute"),
                    BusValues.server(BusValues.exOrPlain(p, "CurrentDNSServer"), false)));
        }
        links.sort(java.util.Comparator.comparingInt(LinkState::index));
        return links;
    }

    private static List<NetworkInterface> interfaces() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces());
        } catch (SocketException e) {
            return List.of();
        }
    }

    private ResolverState fromResolvectl(ResolvConfState rc, List<DropIn> dropIns, PendingChange pending,
                                         Sentence busProblem) {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of(paths.resolvectl().toString(), "status", "--no-pager"),
                    null, RESOLVECTL_TIMEOUT);
            if (r.ok()) {
                ResolvectlStatusParser.Parsed p = ResolvectlStatusParser.parse(r.stdout());
                return new ResolverState(NAME, StateSource.RESOLVECTL, true, true, p.global(), p.links(), pending, "D-Bus unavailable: " + busProblem.english(),
                    details(rc, dropIns, null));
            }
            return neither(busProblem, resolvectlFailure(r, RESOLVECTL_TIMEOUT), pending, details(rc, dropIns, null));
        } catch (IOException e) {
            return neither(busProblem, Sentence.of("resolvectl could not run", "problem.resolvectl-not-run"), pending,
                    details(rc, dropIns, null));
        }
    }

    /** Neither D-Bus nor resolvectl said the resolver's state: why not, each in Port853's words or the system's. */
    private ResolverState neither(Sentence bus, Sentence resolvectl, PendingChange pending, LinuxDetails details) {
        return ResolverState.unreadable(NAME, StateSource.NONE, true, processRunning(), pending, Sentence.of(
                "D-Bus unavailable (" + bus.english() + ") and " + resolvectl.english(), "problem.bus-and-resolvectl",
                bus, resolvectl), details);
    }

    /** Why the bus gave no state: that resolved did not answer in time (Port853's words), else the system's text. */
    static Sentence busProblem(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ResolvedBus.NoAnswerInTime late) {
                return Sentence.of(late.getMessage(), "problem.bus-no-answer", late.millis());
            }
        }
        String said = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Sentence.of(said, "problem.system", said);
    }

    /**
     * Why resolvectl gave no state, for the reason's sentence: its own words, else that it did not answer in time (a
     * resolver that hangs answers neither D-Bus nor resolvectl) or its exit code.
     */
    static Sentence resolvectlFailure(ProcessRunner.Result r, Duration timeout) {
        if (r.timedOut()) {
            return Sentence.of("resolvectl did not answer within " + timeout.toSeconds() + " s",
                    "problem.resolvectl-no-answer", timeout.toSeconds());
        }
        String words = r.stderr().strip();
        return words.isEmpty()
                ? Sentence.of("resolvectl failed: exit code " + r.exitCode(), "problem.resolvectl-exit", r.exitCode())
                : Sentence.of("resolvectl failed: " + words, "problem.resolvectl-failed", words);
    }

    /** Without a bus, the process table is the only witness of whether resolved runs (in this namespace). */
    private boolean processRunning() {
        return ResolverProcess.runningHere(paths.resolvedBinary().getFileName().toString());
    }
}
