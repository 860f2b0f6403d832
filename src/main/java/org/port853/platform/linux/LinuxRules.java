package org.port853.platform.linux;

import java.util.ArrayList;
import java.util.List;
import org.port853.core.Assessor;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.core.FixAction;
import org.port853.core.OverriddenSettings;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.Severity;
import org.port853.core.StubListenerAdvice;
import org.port853.core.UnclaimedNames;
import org.port853.platform.PlatformRules;

/**
 * systemd-resolved's own rules: which systemd versions can do what (resolved.conf(5), systemd NEWS), how to
 * install and start it, /etc/resolv.conf and the drop-ins. Pure, like the neutral rules.
 */
public final class LinuxRules implements PlatformRules {
    /** systemd 239 added DNSOverTLS=; 246 added #name and certificate-name checking. */
    public static final int FIRST_DOT_VERSION = ResolvedFeatures.FIRST_DOT;
    public static final int FIRST_SNI_VERSION = ResolvedFeatures.FIRST_SERVER_NAME;

    /** The fix where systemd is not the init system (/run/systemd/system is missing). */
    static final String NOT_BOOTED = "This system was not started by systemd (a container, or WSL without systemd), so "
            + "systemd-resolved cannot run here: start it with systemd as its init system (on WSL: [boot] systemd=true "
            + "in /etc/wsl.conf, then 'wsl --shutdown' in Windows).";
    /** The same where systemd-resolved is not installed either. */
    static final String NOT_BOOTED_MISSING = NOT_BOOTED.substring(0, NOT_BOOTED.length() - 1)
            + ", and install systemd-resolved (sudo apt install systemd-resolved, or sudo dnf install systemd-resolved).";

    private static final String START = "sudo systemctl enable --now systemd-resolved.service";
    private static final String UNMASK = "sudo systemctl unmask systemd-resolved.service";

    /**
     * The fix for a stopped systemd-resolved; its detail is the choice of reason.RESOLVER_STOPPED.fix in the bundles
     * (a pipe's detail is followed by the file's path).
     */
    private enum StoppedFix {
        /** systemd is not the init system: no service command works. */
        NOT_BOOTED_BY_SYSTEMD("1"),
        /** a masked unit refuses both enable and start: unmasking comes first. */
        UNMASK_FIRST("3"),
        /** up to 257 a start would wait on the pipe and fail after the unit's timeout: the pipe goes first. */
        MOVE_PIPE_FIRST("4"),
        /** from 258 a start works, but the pipe makes resolved ignore its settings files: it is worth moving too. */
        MOVE_PIPE_TOO("5"),
        JUST_START("0");

        private final String detail;

        StoppedFix(String detail) {
            this.detail = detail;
        }

        /** @param pipe a settings file that is a named pipe, null: none; {@code effect} what resolved does with it */
        static StoppedFix of(LinuxDetails d, String pipe, SettingsPipe effect) {
            if (!d.systemdBooted()) {
                return NOT_BOOTED_BY_SYSTEMD;
            }
            if (d.resolvedMasked()) {
                return UNMASK_FIRST;
            }
            return pipe == null ? JUST_START : effect.waits() ? MOVE_PIPE_FIRST : MOVE_PIPE_TOO;
        }

        String text(String pipe) {
            return switch (this) {
                case NOT_BOOTED_BY_SYSTEMD -> NOT_BOOTED;
                case UNMASK_FIRST -> "Unmask and start it: " + UNMASK + " && " + START;
                case MOVE_PIPE_FIRST -> "Move " + pipe + " away first (systemd-resolved waits on it when it starts "
                        + "and does not come up), then start it: " + START;
                case MOVE_PIPE_TOO -> "Move " + pipe + " away (systemd-resolved starts with it there, but then ignores "
                        + "every settings file and runs on its built-in defaults), then start it: " + START;
                case JUST_START -> "Start it: " + START;
            };
        }

        List<String> details(String pipe) {
            return this == MOVE_PIPE_FIRST || this == MOVE_PIPE_TOO ? List.of(detail, pipe) : List.of(detail);
        }
    }

    @Override
    public String command(Reason reason) {
        if (reason.code().equals("RESOLVER_STOPPED")
                && reason.details().equals(List.of(StoppedFix.UNMASK_FIRST.detail))) {
            return UNMASK + " && " + START;
        }
        if (!reason.details().equals(List.of("0"))) {
            return null; // not a reason of these rules, or systemd is not the init system: no service command works
        }
        return switch (reason.code()) {
            case "RESOLVER_MISSING" -> "sudo apt install systemd-resolved";
            case "RESOLVER_STOPPED" -> START;
            case "STATE_UNREADABLE" -> "systemctl status dbus.service systemd-resolved.service";
            default -> null;
        };
    }

    /**
     * A named pipe, socket or device at /etc/resolv.conf: no settings to read, and a pipe makes its readers (glibc's
     * fopen among them) wait for a writer; glibc fails on a socket (ENXIO), but reads /dev/null as an empty file and
     * then asks 127.0.0.1, as for a file naming no server. The file itself, as a directory, no link replaces until it
     * is moved away; a link to one is pointed elsewhere, as any link ({@link NoFileFix}). Details: the C
     * library reads it (0|1), the stub listener is off (0|1), what it is ({@link ResolvConfState#specialKind()}), a
     * link (0|1), the null device (0|1).
     */
    private static Reason notAFile(ResolvConfState rc, boolean stubListenerOff) {
        boolean pipe = rc.specialKind() == 0;
        boolean empty = rc.readsAsEmpty();
        NoFileFix fix = NoFileFix.of(rc, "it", stubListenerOff);
        return new Reason("RESOLV_CONF_SPECIAL", rc.readByCLibrary() && !empty ? Severity.BROKEN : Severity.WARNING,
                "/etc/resolv.conf is not a regular file (" + rc.specialName() + "): programs that read it find no "
                        + "settings" + (pipe ? " and may wait on it for good" : "") + (!rc.readByCLibrary() ? ""
                        : empty ? ", and the C library, which asks 'dns' before any working 'resolve', finds no server "
                        + "there either and asks 127.0.0.1, not the stub"
                        : ", and the C library, which asks 'dns' before any working 'resolve', cannot look names up "
                        + "either, so most programs cannot resolve names") + ".",
                fix.text(), fix.action(), List.of(rc.readByCLibrary() ? "1" : "0", stubListenerOff ? "1" : "0",
                        String.valueOf(rc.specialKind()), fix.linkDetail(), empty ? "1" : "0"));
    }

    /**
     * /etc/resolv.conf was replaced each time it was looked at ({@link ResolvConfLook}): something rewrites it without
     * end, and a link put there would be overwritten too. Detail: the stub listener is off (0|1).
     */
    private static Reason changing(boolean stubListenerOff) {
        return new Reason("RESOLV_CONF_CHANGING", Severity.WARNING, "/etc/resolv.conf changed each time Port853 looked "
                + "at it: a program keeps rewriting it, so what programs that read it find there cannot be told.",
                "Find the program that keeps rewriting /etc/resolv.conf (a DHCP client, NetworkManager, resolvconf, a "
                        + "VPN client) and stop it" + (stubListenerOff ? "." : ", then link /etc/resolv.conf to "
                        + "/run/systemd/resolve/stub-resolv.conf: 'port853 apply' with --link-resolv-conf does it with "
                        + "the settings it applies."), null, List.of(stubListenerOff ? "1" : "0"));
    }

    /**
     * The folder of Port853's drop-in is no folder, Port853's drop-in is a symbolic link, the main resolved.conf is a
     * pipe, or a drop-in is one that hides Port853's (its last detail 1): ResolvedPlanner refuses every change until it
     * is moved away. (A revert does not remove such a link either: it is someone else's file.)
     */
    @Override
    public boolean refusesChanges(Reason reason) {
        return switch (reason.code()) {
            case "DROP_IN_DIR_UNUSABLE", "DROP_IN_OURS_LINKED", "MAIN_CONF_PIPE" -> true;
            case "DROP_IN_PIPE" -> reason.details().get(reason.details().size() - 1).equals("1");
            default -> false;
        };
    }

    /** systemd #18060, strict mode degrading to plain UDP, was fixed in 249 (commit fba3e94). */
    public static final int STRICT_UDP_FALLBACK_FIXED = 249;

    /** Strict mode (global or on a link) on a systemd {@code version} that has bug #18060. */
    public static boolean strictUdpFallbackBug(ResolverState s, int version) {
        return version > 0 && version < STRICT_UDP_FALLBACK_FIXED && anyStrict(s);
    }

    /** Strict mode globally or on any link. */
    public static boolean anyStrict(ResolverState s) {
        return s.global() != null && (s.global().effectiveDotMode() == DotMode.STRICT
                || s.links().stream().anyMatch(l -> l.dnsOverTls() == DotMode.STRICT));
    }

    @Override
    public List<Reason> assess(ResolverState s) {
        List<Reason> reasons = new ArrayList<>();
        LinuxDetails d = s.platform() instanceof LinuxDetails l ? l : LinuxDetails.UNKNOWN;
        // details: 1 when systemd is not the init system here, so no fix that starts a service can work
        List<String> booted = List.of(d.systemdBooted() ? "0" : "1");
        if (d.journalProblem() != null) {
            // said whatever else is wrong: it decides whether Port853 can undo its changes
            reasons.add(new Reason("JOURNAL_UNREADABLE", Severity.WARNING, "Port853's record of its changes cannot be "
                    + "read, so revert and recover fail until it is fixed: " + d.journalProblem(),
                    "Fix the file by hand, or keep a copy and remove it (it holds the only copy of the files from before "
                            + "Port853's first change).", List.of(d.journalProblem())));
        }
        if (d.revertScopeUnrecorded()) {
            reasons.add(revertScopeUnrecorded());
        }
        if (d.ourDropInLink() != null) {
            String path = LinuxPaths.system().ourDropIn().toString();
            reasons.add(new Reason("DROP_IN_OURS_LINKED", Severity.WARNING, path + " is a symbolic link to "
                    + d.ourDropInLink() + ": Port853 does not write through links, so it cannot change the resolver's "
                    + "settings until the link is gone.", "Remove the link if nothing else needs it: sudo rm " + path,
                    List.of(path, d.ourDropInLink())));
        }
        if (d.dropInDirectory() != null) {
            reasons.add(dropInDirectory(d.dropInDirectory()));
        }
        if (!s.installed()) {
            reasons.add(new Reason("RESOLVER_MISSING", Severity.UNAVAILABLE,
                    s.resolverName() + " is not installed, so Port853 cannot manage DNS here.",
                    (d.systemdBooted() ? "Install it: sudo apt install systemd-resolved (Debian/Ubuntu) or sudo dnf "
                            + "install systemd-resolved (Fedora), then enable it." : NOT_BOOTED_MISSING), booted));
            return reasons;
        }
        SettingsPipe pipeEffect = SettingsPipe.on(d.systemdVersion(), s.running());
        if (d.mainConfPipe()) {
            reasons.add(mainConfPipe(d.mainConf(), pipeEffect, encrypting(s)));
        }
        List<DropIn> pipes = d.dropIns().stream().filter(DropInScanner::isPipe).toList();
        for (DropIn p : pipes) {
            reasons.add(dropInPipe(p, pipeEffect, encrypting(s)));
        }
        if (d.pipeOursMasks() != null) {
            reasons.add(pipeOursMasks(d.pipeOursMasks(), pipeEffect));
        }
        InterruptedRevertWait.of(s, d).ifPresent(reasons::add); // in place of the neutral "run recover"
        // the pipe a start would wait on or ignore every settings file for: the main one, else the first drop-in that is one
        String pipe = d.mainConfPipe() ? d.mainConf() : !pipes.isEmpty() ? pipes.get(0).path() : null;
        if (!s.running()) {
            StoppedFix fix = StoppedFix.of(d, pipe, pipeEffect);
            reasons.add(new Reason("RESOLVER_STOPPED", Severity.UNAVAILABLE, s.resolverName() + " is installed but "
                    + "not running" + (fix == StoppedFix.UNMASK_FIRST ? " (its unit is masked)." : "."),
                    fix.text(pipe), fix.details(pipe)));
            return reasons;
        }
        if (!s.readable()) {
            reasons.add(new Reason("STATE_UNREADABLE", Severity.UNAVAILABLE,
                    "The resolver's settings could not be read: " + s.problem(),
                    "Check that the system D-Bus is running and that resolvectl works.", booted));
            return reasons;
        }
        if (s.degraded()) {
            reasons.add(new Reason("STATE_DEGRADED", Severity.INFO,
                    "D-Bus was not available, so the state was read from 'resolvectl status' text and may be incomplete.",
                    "Make sure the system D-Bus is running."));
        }
        assessVersion(s, d.systemdVersion(), reasons);
        assessTransport(s, d, reasons);
        assessResolvConf(d.resolvConf(), s.global() != null && s.global().stubListenerOff(), reasons);
        assessDropIns(d.dropIns(), d.mainConf(), encrypting(s), reasons);
        assessNextStart(s, d, reasons);
        return reasons;
    }

    /**
     * The resolver reads its settings files only when it starts: where they now set another DNS-over-TLS mode than the
     * one it runs (someone edited or removed a file and did not restart it), what it does now lasts only until its next
     * restart or the next boot. Weaker then is a risk to say (a warning); stronger, a restart to suggest. Not said while a
     * change is pending (its own reason covers it), nor where the files or the running mode are not known.
     */
    private static void assessNextStart(ResolverState s, LinuxDetails d, List<Reason> reasons) {
        org.port853.core.SettingElsewhere next = d.encryptionAtNextStart();
        if (next == null || s.pendingChange() != null || s.degraded() || s.global() == null
                || s.global().dnsOverTls() == null) {
            return;
        }
        int now = LoweredSettings.level(s.global().dnsOverTls().resolvedValue());
        int then = LoweredSettings.level(next.value());
        if (now == then) {
            return;
        }
        boolean upstream = next.file() == null && d.upstreamDefaultAtNextStart();
        String where = upstream ? "systemd-resolved reads no settings file (systemd's built-in default is "
                + next.value() + ", unless this build changed it)" : next.file() == null ? "no settings file sets "
                + "DNSOverTLS= (its built-in default is " + next.value() + ")" : next.file() + " sets DNSOverTLS="
                + next.value();
        // details: a file (1), the built-in default (0), or systemd's where no file is read (2); the file, the value,
        // the levels now and then
        List<String> details = List.of(upstream ? "2" : next.file() == null ? "0" : "1",
                next.file() == null ? "" : next.file(),
                next.value(), String.valueOf(now), String.valueOf(then));
        if (then < now) {
            // Port853's drop-in, written again, keeps the mode, unless the file that lowers it is read after it
            boolean afterOurs = next.file() != null && DropInScanner.readAfterOurs(next.file());
            int serversThen = serversAtNextStart(s, d);
            // a file that hides Port853's drop-in makes apply refuse: that file is what to fix first, not a click
            DropIn hider = DropInsInForce.firstHidingOurs(d.dropIns());
            List<String> withServers = new ArrayList<>(details);
            withServers.addAll(List.of(String.valueOf(serversThen), hider == null ? "0" : "1",
                    hider == null ? "" : hider.path()));
            reasons.add(new Reason("DOT_AT_NEXT_START", Severity.WARNING, "systemd-resolved runs with DNS-over-TLS "
                    + LEVEL_WORDS.get(now) + " only until it restarts: " + where + ", so after its next restart or the "
                    + "next boot DNS-over-TLS is " + LEVEL_WORDS.get(then) + SERVERS_THEN.get(serversThen) + ".",
                    hider != null ? "First make " + hider.path() + " readable for systemd-resolved, or correct or "
                    + "remove it: it stops reading settings files there, so it would ignore Port853's settings too. "
                    + "Then turn on encryption again (strict mode with a provider)."
                    : "Turn on encryption again (strict mode with a provider), so that the settings files keep it, or "
                    + "put back the file that turned it on.", afterOurs || hider != null ? null : FixAction.ENABLE_DOT,
                    withServers));
        } else {
            reasons.add(new Reason("DOT_SETTINGS_NOT_READ", Severity.INFO, (next.file() == null && !upstream
                    ? "N" + where.substring(1) : where) + ", but systemd-resolved has not read that yet: it runs with DNS-over-TLS " + LEVEL_WORDS.get(now)
                    + " until it restarts.", "Restart systemd-resolved to use it: sudo systemctl restart "
                    + "systemd-resolved.service", details));
        }
    }

    private static final List<String> LEVEL_WORDS = List.of("off", "opportunistic", "strict");

    /** After the next start: 0 the settings files name servers, 1 only the networks' own do, 2 none does. */
    private static final List<String> SERVERS_THEN = List.of("", ", and no settings file names a DNS server, so names "
            + "then go only to the networks' own servers (per connection)", ", and no settings file names a DNS server "
            + "and no network gives one, so names then go to resolved's built-in fallback servers, if it has any, or do "
            + "not resolve");

    private static int serversAtNextStart(ResolverState s, LinuxDetails d) {
        if (d.serversAtNextStart()) {
            return 0;
        }
        return s.links().stream().anyMatch(l -> !l.servers().isEmpty()) ? 1 : 2;
    }

    private static void assessVersion(ResolverState s, int version, List<Reason> reasons) {
        DotMode mode = Assessor.modeInUse(s);
        if (version <= 0 || mode == DotMode.OFF) {
            return;
        }
        if (version < FIRST_DOT_VERSION) {
            reasons.add(new Reason("DOT_UNSUPPORTED", Severity.UNENCRYPTED,
                    "systemd " + version + " has no DNS-over-TLS support (it arrived in 239).",
                    "Upgrade the operating system."));
        } else if (version < FIRST_SNI_VERSION) {
            reasons.add(new Reason("NO_NAME_CHECK", Severity.WARNING,
                    "systemd " + version + " cannot check the server's certificate name (that arrived in 246): "
                            + "a server on the path could impersonate your provider.",
                    "Upgrade to a release with systemd 246 or later (Ubuntu 20.10+, Debian 11+)."));
        }
        if (version >= FIRST_SNI_VERSION && strictUdpFallbackBug(s, version)) {
            // what 'port853 doctor' checks as bug.strict-udp-fallback: said where the state is, too
            reasons.add(new Reason("STRICT_UDP_FALLBACK", Severity.WARNING, "systemd " + version + " has bug #18060: in "
                    + "strict mode it can downgrade a server to plain UDP and send queries in plaintext (fixed in 249).",
                    "Upgrade to systemd 249 or later (Debian 12, Ubuntu 22.04); meanwhile check with 'port853 verify' "
                            + "(Verify in the window), as doctor says.",
                    List.of(String.valueOf(version))));
        }
    }

    /**
     * Before 248 resolved's replies do not say whether they came over TLS, so configuration alone never makes
     * the verdict PROTECTED there; an observed fallback to plaintext in opportunistic mode is its own reason.
     */
    private static void assessTransport(ResolverState s, LinuxDetails d, List<Reason> reasons) {
        DotMode mode = Assessor.modeInUse(s);
        int version = d.systemdVersion();
        if (mode != DotMode.OFF && version >= FIRST_DOT_VERSION && !new ResolvedFeatures(version).transportFlags()) {
            reasons.add(new Reason("TRANSPORT_UNREPORTED", Severity.WARNING,
                    "systemd " + version + " does not report whether answers came over an encrypted connection (that "
                            + "arrived in " + ResolvedFeatures.FIRST_TRANSPORT_FLAGS + "), so the settings alone do not "
                            + "prove it.",
                    "Run 'port853 verify' to check it with a packet capture (status cannot tell on this version, so it stays "
                            + "PARTIAL), or upgrade to systemd 248 or later."));
        }
        Downgrade seen = d.downgrade();
        if (seen != null && !seen.isFallback()) {
            String link = seen.link();
            boolean ownCatchAll = ownCatchAll(s, link);
            // as the link's own reason (LINK_PLAINTEXT_DEFAULT_ROUTE): the encrypted servers are asked as well, and
            // which answered first varies from lookup to lookup, so the verdict must not
            reasons.add(new Reason("LINK_ANSWERED_PLAINTEXT", Severity.WARNING, "A lookup of "
                    + LinuxChange.PROBE_NAME + " just now was answered in plaintext by the DNS server of link " + link
                    + ", which is never asked over TLS: names that no routing domain claims go there too, beside the "
                    + "encrypted servers.", ownCatchAll ? Assessor.OWN_CATCH_ALL_FIX : "Route all domains to the "
                    + "encrypted servers so every query goes to them (" + Assessor.ROUTE_ALL_COMMAND + ").", ownCatchAll ? null : FixAction.ROUTE_ALL_DOMAINS,
                    List.of(LinuxChange.PROBE_NAME, link, ownCatchAll ? "1" : "0")));
        } else if (seen != null) {
            // the probe's own words are ours (translated by code); a journal line is resolved's, kept as it is
            boolean probe = seen.source() == Downgrade.Source.LOOKUP;
            String link = probe ? seen.link() : null;
            boolean ownCatchAll = link != null && ownCatchAll(s, link);
            reasons.add(link != null ? new Reason("DOT_DOWNGRADED", Severity.UNENCRYPTED,
                    "Opportunistic mode fell back to plaintext: " + seen.english() + ".", "The own server of link "
                    + link + " (a router's or a VPN's) does not speak DNS-over-TLS and takes names beside the encrypted "
                    + "servers: " + (ownCatchAll ? lowerFirst(Assessor.OWN_CATCH_ALL_FIX) : "route all domains to the encrypted "
                    + "servers so every query goes to them (" + Assessor.ROUTE_ALL_COMMAND + ")."),
                    ownCatchAll ? null : FixAction.ROUTE_ALL_DOMAINS,
                    List.of(LinuxChange.PROBE_NAME, ownCatchAll ? "2" : "1", link))
                    : new Reason(probe ? "DOT_DOWNGRADED" : "DOT_DOWNGRADED_JOURNAL", Severity.UNENCRYPTED,
                    "Opportunistic mode fell back to plaintext: " + seen.english() + ".",
                    "Use strict mode with a provider whose server name is known, or fix the path to port 853 and then "
                            + "run 'resolvectl reset-server-features': after a fallback resolved tries TLS again only "
                            + "minutes to hours later.",
                    probe ? List.of(LinuxChange.PROBE_NAME, "0") : List.of(seen.english())));
        }
    }

    private static String lowerFirst(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The link named {@code name} takes every name by a ~. of its own, which routing all domains does not undo. */
    private static boolean ownCatchAll(ResolverState s, String name) {
        UnclaimedNames unclaimed = UnclaimedNames.in(s);
        return s.links().stream().anyMatch(l -> name.equals(l.name())
                && unclaimed.route(l) == UnclaimedNames.Route.OWN_CATCH_ALL);
    }

    private static final String EVERY_PROGRAM = "; and since the C library asks 'dns' before any working "
            + "'resolve' (the hosts line of /etc/nsswitch.conf, or glibc's default without one), that is nearly every "
            + "program on this machine";

    /**
     * While resolved's stub listener is off, linking resolv.conf to the stub would leave programs without DNS: the fix
     * is then the listener or the file as it is, never the one-click link. The stub-listener detail says which (0 link,
     * 1 not). Where the C library itself follows the file to a server on the network, nearly every lookup leaves in
     * plaintext: not encrypted, not merely at risk.
     */
    private static void assessResolvConf(ResolvConfState rc, boolean stubListenerOff, List<Reason> reasons) {
        if (rc == null) {
            return;
        }
        String fix = stubListenerOff ? StubListenerAdvice.of("/etc/resolv.conf").english() + "."
                : "Link /etc/resolv.conf to /run/systemd/resolve/stub-resolv.conf: 'port853 apply' with "
                + "--link-resolv-conf does it with the settings it applies.";
        FixAction action = stubListenerOff ? null : FixAction.LINK_RESOLV_CONF;
        String stubOff = stubListenerOff ? "1" : "0";
        boolean everyProgram = rc.sendsLookupsToNetwork();
        switch (rc.kind()) {
            case STUB:
                break;
            case UPLINK:
                reasons.add(new Reason("RESOLV_CONF_UPLINK", everyProgram ? Severity.UNENCRYPTED : Severity.WARNING,
                        "/etc/resolv.conf links to resolved's uplink file: programs that read it query the upstream "
                                + "servers directly, in plaintext" + (everyProgram ? EVERY_PROGRAM : "") + ".", fix,
                        action, List.of(stubOff, everyProgram ? "1" : "0")));
                break;
            case STATIC:
                boolean onlyStub = rc.pointsOnlyAtStub();
                // none read: empty of servers, or unreadable to this user; glibc then asks 127.0.0.1
                boolean none = rc.nameservers().isEmpty();
                reasons.add(new Reason("RESOLV_CONF_STATIC", onlyStub ? Severity.INFO
                        : everyProgram ? Severity.UNENCRYPTED : Severity.WARNING,
                        "/etc/resolv.conf is a file of its own" + (onlyStub ? " that points at the stub" : none
                                ? " with no nameserver line this program could read: programs that read it ask "
                                + "127.0.0.1, not the stub" : " (nameservers " + String.join(", ", rc.nameservers())
                                + "): programs reading it bypass the stub and its encryption"
                                + (everyProgram ? EVERY_PROGRAM : "")) + ".", fix, action,
                        List.of(onlyStub ? "0" : none ? "2" : everyProgram ? "3" : "1", String.join(", ",
                                rc.nameservers()), stubOff)));
                break;
            case DIRECTORY:
                // glibc opens it, fails to read it (EISDIR, checked on Debian 12) and then asks no server at all
                NoFileFix directoryFix = NoFileFix.of(rc, "the directory", stubListenerOff);
                reasons.add(new Reason("RESOLV_CONF_DIRECTORY", rc.readByCLibrary() ? Severity.BROKEN : Severity.WARNING,
                        "/etc/resolv.conf is a directory, not a file: programs that read it find no settings"
                                + (rc.readByCLibrary() ? ", and the C library, which asks 'dns' before any working "
                                + "'resolve', cannot look names up at all, so most programs cannot resolve names" : "")
                                + ".", directoryFix.text(), directoryFix.action(),
                        List.of(rc.readByCLibrary() ? "1" : "0", stubOff, directoryFix.linkDetail())));
                break;
            case SPECIAL:
                reasons.add(notAFile(rc, stubListenerOff));
                break;
            case CHANGING:
                reasons.add(changing(stubListenerOff));
                break;
            case MISSING:
                reasons.add(new Reason("RESOLV_CONF_MISSING", Severity.BROKEN,
                        "/etc/resolv.conf is missing or a dangling link: most programs cannot resolve names.", fix,
                        action, List.of(stubOff)));
                break;
            default:
                throw new IllegalStateException(rc.kind().name());
        }
    }

    /**
     * The folder of Port853's drop-in is no folder, so every change is refused (ResolvedPlanner) until it is one. Only
     * worth knowing for the verdict: resolved ignores a file there and reads through a link, so it runs as the other
     * reasons say.
     */
    private static Reason dropInDirectory(LinuxDetails.NoDirectory no) {
        String dir = no.path();
        boolean link = no.linkTarget() != null;
        String message = link
                ? dir + " is a symbolic link to " + no.linkTarget() + ": systemd-resolved follows it, "
                + "but Port853 does not write through links, so it cannot change the settings of the resolver (apply "
                + "and Protect my DNS are refused) until it is a folder."
                : dir + " is a file, not a folder: systemd-resolved ignores it, and Port853 cannot put its settings "
                + "there, so it cannot change the settings of the resolver (apply and Protect my DNS are refused) until "
                + "the file is moved away.";
        String fix = link
                ? "Replace the link with a folder: sudo mv " + dir + " " + dir + ".old && sudo mkdir " + dir + ", then "
                + "copy into it the files from " + no.linkTarget() + " that should stay."
                : "Move it away: sudo mv " + dir + " " + dir + ".old (systemd-resolved does not read it as it is).";
        return new Reason("DROP_IN_DIR_UNUSABLE", Severity.INFO, message, fix,
                List.of(dir, link ? "1" : "0", link ? no.linkTarget() : ""));
    }

    /**
     * The main resolved.conf is a named pipe or device: up to 257 resolved waits on it at its next start (checked on 252
     * and 257), from 258 it ignores every settings file (checked on 262), so a running one works on what it read before,
     * until its next restart or the next boot. Every change is refused (ResolvedPlanner: its restart would not come back,
     * or would not read the change). Details: the file, {@link SettingsPipe#detail()}.
     */
    private static Reason mainConfPipe(String main, SettingsPipe pipe, boolean encrypting) {
        return new Reason("MAIN_CONF_PIPE", pipe.severity(encrypting), main + " is a named pipe or device, not a file: "
                + pipe.effect("the drop-ins included") + ". Apply and Protect my DNS are refused until it is a regular "
                + "file or gone.", "Replace it with a regular file, or move it away (sudo mv " + main + " " + main
                + ".old): without it systemd-resolved takes its built-in defaults and the drop-ins' settings.",
                List.of(main, pipe.detail()));
    }

    /**
     * A drop-in that is a named pipe or device, said wherever it sorts, whether resolved runs or not, as {@link
     * SettingsPipe} says. Apply refuses it where it hides Port853's drop-in. Details: the file, {@link
     * SettingsPipe#detail()}, 1 where apply refuses it.
     */
    private static Reason dropInPipe(DropIn d, SettingsPipe pipe, boolean encrypting) {
        String message = "The settings file " + d.path() + " is a named pipe or device, not a file: "
                + pipe.effect("the other drop-ins and resolved.conf included") + "."
                + (d.hidesOurs() ? " Apply and Protect my DNS are refused until it is gone." : "");
        return new Reason("DROP_IN_PIPE", pipe.severity(encrypting), message, "Move it away (sudo mv " + d.path() + " "
                + d.path() + ".old): systemd-resolved then reads the other settings files as before.",
                List.of(d.path(), pipe.detail(), d.hidesOurs() ? "1" : "0"));
    }

    /**
     * A named pipe or device with the name of Port853's drop-in, which Port853's drop-in masks: harmless now, but a revert
     * (turning encryption off, port853 revert, removing Port853) would unmask it, so ResolvedPlanner refuses that; apply
     * keeps the mask and is not refused. Details: the file, 1 where resolved up to 257 would wait on it, 0 where from 258
     * it would ignore every settings file.
     */
    private static Reason pipeOursMasks(String pipe, SettingsPipe effect) {
        return new Reason("DROP_IN_PIPE_MASKED", Severity.INFO, pipe + " is a named pipe or device, not a file, with the "
                + "name of Port853's drop-in, which hides it, so systemd-resolved does not read it now. Turning encryption "
                + "off, revert and removing Port853 are refused while it is there: removing Port853's drop-in would unmask "
                + "it, and then " + (effect.waits() ? "systemd-resolved waits on it when it restarts and does not come "
                + "up, which leaves this computer without DNS" : "systemd-resolved cannot open it when it restarts and "
                + "ignores every settings file, so it runs on its built-in defaults") + ".", "Move it away (sudo mv "
                + pipe + " " + pipe + ".old); then turning encryption off and revert work.",
                List.of(pipe, effect.waits() ? "1" : "0"));
    }

    /**
     * The helper could not record which files its revert puts back (its state folder read-only or full), or has not yet
     * for this journal: status shows Port853's drop-in as its own all the same, by the journal or its header, and the
     * window's Off leaves the judgement to the helper's revert. Details: the state folder, Port853's drop-in.
     */
    private static Reason revertScopeUnrecorded() {
        LinuxPaths system = LinuxPaths.system();
        String state = system.stateDir().toString();
        String ours = system.ourDropIn().toString();
        return new Reason("REVERT_SCOPE_UNRECORDED", Severity.INFO, "Port853 could not record in " + state + " which "
                + "files a revert puts back (the folder may be read-only or full), so whether " + ours + " is "
                + "Port853's is told here by its journal or its header; a revert decides by Port853's journal alone.", "Make " + state
                + " writable again, then run sudo port853 recover: it records them.", List.of(state, ours));
    }

    /** The resolver runs with DNS-over-TLS and servers now. */
    private static boolean encrypting(ResolverState s) {
        return s.global() != null && s.global().effectiveDotMode() != DotMode.OFF && !s.global().servers().isEmpty();
    }

    /** What the drop-in at {@code path}, read after Port853's file, does to the settings it wins over. */
    private static String overrides(String path, OverriddenSettings over, String keys) {
        return switch (over.kind()) {
            case PORT853 -> "Drop-in " + path + " sorts after Port853's file and overrides its settings.";
            case EXPORTED_COPY -> "Drop-in " + path + " sorts after " + over.file() + ", an exported copy of Port853's "
                    + "settings, and overrides it.";
            case NONE -> "Drop-in " + path + " sets " + keys + " and sorts after the file Port853 writes when it "
                    + "applies settings; Port853 has no settings file now.";
        };
    }

    /**
     * How to keep the drop-in at {@code path}, read after Port853's, from overriding it: masked from /etc ({@code mask})
     * or removed; where resolved stops reading before it ({@code stop}), fixing that file comes first.
     */
    private static String overridesFix(String path, String mask, DropIn stop) {
        String it = stop == null ? "it" : path;
        String what = mask == null ? "remove " + it + " or move its settings into an earlier file."
                : "mask " + it + " (a package's or a runtime file comes back when edited): sudo ln -s /dev/null " + mask;
        return stop == null ? Character.toUpperCase(what.charAt(0)) + what.substring(1) : "First fix " + stop.path()
                + " (make it readable, or correct or remove it): systemd-resolved stops reading there. Then " + what;
    }

    /**
     * A drop-in that could not be read, and where systemd-resolved stops reading at it, which files it then does not
     * read ({@code mainConf} among them where it reads none). Details: the file, why, {@link UnreadStop#detail}, the
     * files not read.
     */
    private static Reason unreadable(DropIn d, List<DropIn> dropIns, String mainConf) {
        boolean stopsHere = d.equals(DropInsInForce.stopper(dropIns));
        List<String> unread = stopsHere ? DropInsInForce.unreadBecauseOf(dropIns, d, mainConf) : List.of();
        UnreadStop stop = UnreadStop.of(stopsHere ? d.stop() : DropIn.Stop.NONE, !unread.isEmpty());
        String files = String.join(", ", unread);
        return new Reason("DROP_IN_UNREADABLE", Severity.WARNING, "Drop-in " + d.path() + " could not be read: "
                + d.error() + stop.english(files), "Check the file's permissions and syntax.",
                List.of(d.path(), String.valueOf(d.error()), stop.detail(), files));
    }

    /** What systemd-resolved does at a drop-in it cannot read, as DROP_IN_UNREADABLE says it (its detail: the choice). */
    private enum UnreadStop {
        GOES_ON, STOPS_BEFORE_FILES, STOPS_AT_LAST, READS_NONE_OF_FILES, READS_NONE;

        static UnreadStop of(DropIn.Stop stop, boolean filesUnread) {
            return switch (stop) {
                case NONE -> GOES_ON;
                case HERE -> filesUnread ? STOPS_BEFORE_FILES : STOPS_AT_LAST;
                case ALL_FILES, ALL_FILES_AT_OPENING -> filesUnread ? READS_NONE_OF_FILES : READS_NONE;
            };
        }

        String detail() {
            return String.valueOf(ordinal());
        }

        String english(String files) {
            return switch (this) {
                case GOES_ON -> "";
                case STOPS_BEFORE_FILES -> ". systemd-resolved stops reading settings files there, so it does not read "
                        + files + ".";
                case STOPS_AT_LAST -> ". systemd-resolved stops reading settings files there (no file comes after it).";
                case READS_NONE_OF_FILES -> ". systemd-resolved then reads no settings file at all and runs on its "
                        + "built-in defaults: it does not read " + files + " either.";
                case READS_NONE -> ". systemd-resolved then reads no settings file at all and runs on its built-in "
                        + "defaults.";
            };
        }
    }

    /**
     * {@code encrypting}: the resolver runs with DNS-over-TLS and servers now. A file that hides Port853's drop-in while
     * it does not is why it does not ("Not encrypted", as doctor's config.drop-ins then fails), not only a warning of
     * what the next start loses.
     */
    private static void assessDropIns(List<DropIn> dropIns, String mainConf, boolean encrypting, List<Reason> reasons) {
        boolean oursThere = dropIns.stream().anyMatch(DropIn::ours);
        for (DropIn d : dropIns) {
            List<String> fileAndError = List.of(String.valueOf(d.path()), String.valueOf(d.error()));
            if (DropInScanner.isPipe(d)) {
                continue; // DROP_IN_PIPE says what resolved does with it
            }
            if (d.hidesOurs() && oursThere) {
                // the state read may still be Port853's settings (loaded before); the next start of resolved drops them
                reasons.add(new Reason("DROP_IN_HIDES_OURS", encrypting ? Severity.WARNING : Severity.UNENCRYPTED,
                        "systemd-resolved cannot read " + d.path()
                        + " (" + d.error() + "), and then ignores Port853's settings: they are lost when it starts next, "
                        + "or already are.", "Make " + d.path() + " readable or fix it (or remove it, if it is a drop-in), "
                        + "then restart systemd-resolved.", fileAndError));
            } else if (DropInScanner.DANGLING_LINK.equals(d.error())) {
                // resolved skips a link to a missing file and reads on: worth knowing, nothing is lost
                reasons.add(new Reason("DROP_IN_DANGLING", Severity.INFO, "Drop-in " + d.path() + " is a link to a "
                        + "missing file; systemd-resolved skips it.", "Remove the link, or restore the file it points "
                        + "to.", List.of(String.valueOf(d.path()))));
            } else if (d.error() != null) {
                reasons.add(unreadable(d, dropIns, mainConf));
            }
            if (d.skippedLine() != null) {
                // resolved logs "Missing '=', ignoring line" and reads the rest: only that line's setting is lost, and
                // what the resolver does without it is assessed from its state, so the verdict is not lowered here
                reasons.add(new Reason("DROP_IN_LINE_SKIPPED", Severity.INFO, "Drop-in " + d.path() + " has a line "
                        + "systemd-resolved skips (" + d.skippedLine() + "); it reads the rest of the file.",
                        "Correct that line or remove it.", List.of(String.valueOf(d.path()), d.skippedLine())));
            }
            if (d.overridesOurs()) {
                String mask = LinuxPaths.system().maskFor(java.nio.file.Path.of(d.path())).map(String::valueOf)
                        .orElse(null);
                OverriddenSettings over = OverriddenByLater.of(dropIns, d, ResolvedConf.ALWAYS_WRITTEN);
                String keys = ResolvedConf.effectiveKeysAmong(d.keys(), ResolvedConf.ALWAYS_WRITTEN).stream()
                        .map(k -> k + "=").collect(java.util.stream.Collectors.joining(", "));
                // one past where resolved stops reading is not read now, but overrides ours once that file is fixed
                DropIn stop = DropInsInForce.stopBefore(dropIns, d);
                reasons.add(new Reason("DROP_IN_OVERRIDES", Severity.WARNING, stop == null
                        ? overrides(d.path(), over, keys) : "Drop-in " + d.path() + " is not read now: systemd-resolved "
                        + "stops reading settings files at " + stop.path() + ". Once that file is fixed, " + d.path()
                        + " is read after the file Port853 writes, and the " + keys + " it sets would override "
                        + "Port853's settings.", overridesFix(d.path(), mask, stop),
                        List.of(String.valueOf(d.path()), String.valueOf((mask == null ? 0 : 1) + (stop == null ? 0 : 2)),
                        mask == null ? "" : mask, stop == null ? over.choice() : "3", over.file(), keys,
                        stop == null ? "" : stop.path())));
            }
            for (String entry : ResolvedConf.entries(d.keys().get("DNS"))) {
                if (ResolvedConf.namesAHost(entry)) {
                    reasons.add(new Reason("DNS_HOSTNAME", Severity.WARNING,
                            "Drop-in " + d.path() + " sets DNS=" + entry + ": a host name, not an address, is a circular "
                                    + "dependency (the resolver would need DNS to find its DNS server) and is ignored.",
                            "Use the provider's IP address with #name, e.g. 9.9.9.9#dns.quad9.net.",
                            List.of(String.valueOf(d.path()), entry)));
                }
            }
        }
    }

}
