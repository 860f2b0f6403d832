package org.port853.ui.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.port853.capture.LeakRecord;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.UnclaimedNames;
import org.port853.probe.Verifier;
import org.port853.ui.common.I18n;

/**
 * Why a query leaked, in the user's words, with the fix: a program with its own resolver, a network link with
 * plaintext DNS, a VPN's split DNS, encryption off, or opportunistic mode falling back to plaintext; or that it is no
 * leak at all, a name of the local network asked on the local network. Read from the leak and the resolver state the
 * window already has.
 */
public final class LeakExplainer {
    public enum Cause {
        LOCAL_NAME, OWN_RESOLVER, LINK_PLAINTEXT, SPLIT_DNS, OPPORTUNISTIC_FALLBACK,
        /** Sent by the system resolver to one of its own servers with DNS-over-TLS off. */
        DOT_OFF,
        /** Asked directly of a server that /etc/resolv.conf names, past the system resolver. */
        RESOLV_CONF,
        /** Sent by the system resolver where its settings now send nothing in plaintext: from before a change. */
        FIXED_SINCE,
        UNKNOWN
    }

    /** The cause with its sentence and its fix. */
    public record Why(Cause cause, String text, String fix) {
    }

    /**
     * All of a leak that its cause is read from, besides whether it came before the last change (its time and the rest
     * only go into the words): leaks with equal inputs have one cause under one resolver state.
     */
    public record CauseInputs(String name, String server, String iface, String sender) {
        public static CauseInputs of(LeakRecord r) {
            return new CauseInputs(r.name(), r.server(), r.iface(), LeakExplainer.sender(r));
        }
    }

    private static final String RESOLVED = "systemd-resolve";

    private LeakExplainer() {
    }

    public static Why explain(LeakRecord r, ResolverState s) {
        return explain(r, s, true, false);
    }

    /**
     * As {@link #explain(LeakRecord, ResolverState)}, knowing when the resolver's settings last changed while the
     * leaks were watched ({@code lastChange}; null: not since watching began). A leak the settings of now would not
     * make, from a program that could not be identified, is "from before the change" only when it came before one;
     * after it, some program asked that server itself.
     */
    public static Why explain(LeakRecord r, ResolverState s, Instant lastChange) {
        return explain(r, s, lastChange, false, false);
    }

    /**
     * As {@link #explain(LeakRecord, ResolverState, Instant)}; {@code ownCheck}: the query is Port853's own lookup
     * through the system resolver (after a refresh, a change's health check), and says so; {@code programsLooked}: the
     * capture looked for the program that asked (as root, or through the capture service), so a fix does not send
     * the user there for it.
     */
    public static Why explain(LeakRecord r, ResolverState s, Instant lastChange, boolean ownCheck,
                              boolean programsLooked) {
        Why why = explainSince(r, s, lastChange, programsLooked);
        return ownCheck ? said(why, "leakwhy.ownCheck") : why;
    }

    private static Why explainSince(LeakRecord r, ResolverState s, Instant lastChange, boolean programsLooked) {
        boolean before = lastChange != null && r.time() != null && !r.time().isAfter(lastChange);
        Why why = explain(r, s, before, programsLooked);
        // known to come before the change: said as a fact, with both times, not as "most likely"
        return before && why.cause() == Cause.FIXED_SINCE && !Verifier.isTestName(r.name())
                ? new Why(Cause.FIXED_SINCE, I18n.t("leakwhy.fixed_since.before", r.server() == null ? "?" : r.server(),
                        toTheSecond(r.time()), toTheSecond(lastChange)),
                        I18n.t("leakwhy.fixed_since.before.fix"))
                : why;
    }

    /** Today to the second, as the traffic's times (a leak and the change a minute apart read "9:28 … 9:28"). */
    private static String toTheSecond(Instant when) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        return when.atZone(zone).toLocalDate().equals(java.time.LocalDate.now(zone)) ? I18n.timeWithSeconds(when)
                : I18n.dateTimeOrTimeToday(when);
    }

    private static Why explain(LeakRecord r, ResolverState s, boolean mayPredateChange, boolean programsLooked) {
        String server = r.server() == null ? "?" : r.server();
        if (r.localNetworkName()) {
            return why(Cause.LOCAL_NAME, r.name(), server);
        }
        Why why = explainLeak(r, s, server, programsLooked);
        if (why.cause() == Cause.FIXED_SINCE && sender(r) == null && !mayPredateChange) {
            why = unknown(r, server, programsLooked);
        }
        // Verify's own test queries leak for the same reason as any program's; they only say that they are Verify's
        return Verifier.isTestName(r.name()) ? said(why, "leakwhy.verify") : why;
    }

    private static Why explainLeak(LeakRecord r, ResolverState s, String server, boolean programsLooked) {
        // decided by the socket that sent the query, not by the program that asked: "dig (812) → systemd-resolved
        // (97)" went through the system resolver and leaked for the link's reason, as every program's query does
        String sender = sender(r);
        boolean byResolver = isSystemResolver(sender);
        boolean viaFile = !byResolver && s != null && namedByResolvConf(s, server);
        // every program that reads the file does this: the file is the fix, not each program's settings
        Why fileWhy = viaFile ? why(Cause.RESOLV_CONF, server, s.installed() && s.running() ? 0 : 1) : null;
        if (viaFile && sender != null) {
            return fileWhy;
        }
        if (ownResolver(sender, viaFile)) {
            return ownWhy(sender, server);
        }
        Why resolvers = resolversReason(r, s, server, programsLooked);
        if (byResolver && resolvers.cause() == Cause.UNKNOWN) { // not another program's: the resolver's own fallback
            String iface = r.iface() == null ? "?" : r.iface();
            return new Why(Cause.UNKNOWN, I18n.t("leakwhy.unknown_resolver", server, iface),
                    I18n.t("leakwhy.unknown_resolver.fix", server, iface));
        }
        // an unnamed sender (the resolver's own process is often not visible to the capture) goes by the resolver's
        // settings first; the file explains what they do not
        return viaFile && (resolvers.cause() == Cause.UNKNOWN || resolvers.cause() == Cause.FIXED_SINCE)
                ? fileWhy : resolvers;
    }

    /** Why the system resolver would have sent this query, by its settings; UNKNOWN when they do not say. */
    private static Why resolversReason(LeakRecord r, ResolverState s, String server, boolean programsLooked) {
        if (s != null && s.readable()) {
            DotMode global = s.global().effectiveDotMode();
            // the link the query left by first: one router's address can be the server of two links
            List<LinkState> links = new java.util.ArrayList<>(s.links());
            links.sort(java.util.Comparator.comparing(l -> !java.util.Objects.equals(l.name(), r.iface())));
            for (LinkState l : links) {
                boolean here = l.servers().stream().map(ServerAddress::addressText).anyMatch(server::equals);
                if (!here) {
                    continue;
                }
                // split DNS only when the name is under one of the link's own domains
                String name = r.name() == null ? "" : r.name().toLowerCase(Locale.ROOT);
                String domains = l.domains().stream().filter(d -> !d.routesEverything()).map(DomainEntry::name)
                        .filter(d -> name.equals(d) || name.endsWith("." + d))
                        .collect(Collectors.joining(", "));
                String link = l.name() == null ? "#" + l.index() : l.name();
                if (!domains.isEmpty()) {
                    return why(Cause.SPLIT_DNS, link, server, domains);
                }
                return UnclaimedNames.in(s).mayLeaveInPlaintext(l) ? why(Cause.LINK_PLAINTEXT, link, server)
                        : why(Cause.FIXED_SINCE, server);
            }
            boolean globalServer = s.global().servers().stream().map(ServerAddress::addressText)
                    .anyMatch(server::equals);
            if (globalServer && global == DotMode.OPPORTUNISTIC) {
                return why(Cause.OPPORTUNISTIC_FALLBACK, server);
            }
            if (globalServer && global == DotMode.OFF) {
                return why(Cause.DOT_OFF, server);
            }
            if (globalServer && global == DotMode.STRICT) {
                return why(Cause.FIXED_SINCE, server);
            }
        }
        return unknown(r, server, programsLooked);
    }

    /** {@link Cause#UNKNOWN}: a program not identified asked {@code server} itself. */
    private static Why unknown(LeakRecord r, String server, boolean programsLooked) {
        return why(Cause.UNKNOWN, server, r.iface() == null ? "?" : r.iface(), programsLooked ? 1 : 0);
    }

    /** /etc/resolv.conf leads programs past the system resolver, to {@code server} among others (in any spelling). */
    private static boolean namedByResolvConf(ResolverState s, String server) {
        org.port853.core.ResolvConfState file = s.platform().resolverFile();
        return file != null && file.bypass().isPresent()
                && file.nameservers().stream().anyMatch(n -> sameAddress(n, server));
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return ServerAddress.parseReported(a).address().equals(ServerAddress.parseReported(b).address());
        } catch (RuntimeException notAnAddress) {
            return a.equalsIgnoreCase(b);
        }
    }

    /** {@code why} with whose query it was said first (Verify's test query, Port853's own check). */
    private static Why said(Why why, String whoseKey) {
        return new Why(why.cause(), I18n.t(whoseKey, why.text()), why.fix());
    }

    /**
     * The query was sent by a program that asks a server itself, past the system resolver and /etc/resolv.conf
     * ({@link Cause#OWN_RESOLVER}): no setting of the resolver changes it, and Verify, which measures the resolver's
     * path, cannot speak for it.
     */
    public static boolean bypassesResolver(LeakRecord r, ResolverState s) {
        String sender = sender(r);
        return !r.localNetworkName() && ownResolver(sender, sender != null && !isSystemResolver(sender) && s != null
                && namedByResolvConf(s, r.server() == null ? "?" : r.server()));
    }

    /**
     * As {@link #bypassesResolver(LeakRecord, ResolverState)}, and also a query whose sender could not be identified
     * that the resolver's settings would not send ({@link Cause#UNKNOWN}: to a server they do not name, or in plaintext
     * where they encrypt, after the last change): then it was not the resolver, and Verify cannot speak for it either.
     * Verify's own test queries go through the resolver, whatever became of them.
     */
    public static boolean bypassesResolver(LeakRecord r, ResolverState s, Instant lastChange) {
        if (bypassesResolver(r, s)) {
            return true;
        }
        boolean sinceChange = lastChange == null || r.time() == null || r.time().isAfter(lastChange);
        return sinceChange && sender(r) == null && !r.localNetworkName() && !Verifier.isTestName(r.name())
                && explain(r, s, lastChange).cause() == Cause.UNKNOWN;
    }

    /**
     * Why a program's own leak ({@link OwnLeaks}) leaked, also after a change made its server one of the resolver's:
     * its program asked that server itself then, whatever the settings say now.
     */
    public static Why explainOwn(LeakRecord r, ResolverState s, Instant lastChange, boolean programsLooked) {
        Why now = explainSince(r, s, lastChange, programsLooked);
        if (now.cause() == Cause.OWN_RESOLVER || now.cause() == Cause.UNKNOWN) {
            return now;
        }
        String server = r.server() == null ? "?" : r.server();
        String sender = sender(r);
        return sender != null ? ownWhy(sender, server) : unknown(r, server, programsLooked);
    }

    /** {@link Cause#OWN_RESOLVER} for a known sender that asked {@code server} itself. */
    private static Why ownWhy(String sender, String server) {
        Why own = why(Cause.OWN_RESOLVER, programWords(sender), server);
        // "a program running as uid 0 (root)" may open a sentence; a program's own name is kept as it is
        return generic(sender) ? new Why(own.cause(), capitalised(own.text()), capitalised(own.fix())) : own;
    }

    /**
     * The program in a sentence: its name and pid as the capture found it, "a program running as uid 0 (root)" where
     * only its socket's owner was found, or "a program that could not be identified" (null).
     */
    public static String programWords(String sender) {
        if (sender == null || sender.isBlank()) {
            return I18n.t("leaks.program.unidentified");
        }
        return sender.strip().startsWith("uid ") ? I18n.t("leaks.program.ofUser", sender.strip()) : sender;
    }

    /**
     * A leak's chain of programs as shown ("dig (812) → systemd-resolved (97)"), with a hop the capture could not find
     * ({@link LeakRecord#UNKNOWN_PROGRAM}) in the window's language; null stays null.
     */
    public static String processWords(String process) {
        return process == null ? null : java.util.Arrays.stream(process.split(" → ", -1))
                .map(hop -> hop.strip().equals(LeakRecord.UNKNOWN_PROGRAM) ? I18n.t("leaks.process.unknown") : hop)
                .collect(java.util.stream.Collectors.joining(" → "));
    }

    /**
     * As {@link #programWords}, in a fix that follows a sentence naming the sender: a program's own name, else "that
     * program" ("Set a program that could not be identified to use ..." reads as if any program would do).
     */
    public static String programInFix(String sender) {
        return generic(sender) ? I18n.t("leaks.program.that") : sender;
    }

    /** As {@link #programWords}, opening a sentence: the words capitalised, a program's own name kept as it is. */
    public static String programOpening(String sender) {
        return generic(sender) ? capitalised(programWords(sender)) : sender;
    }

    private static boolean generic(String sender) {
        return sender == null || sender.isBlank() || sender.strip().startsWith("uid ");
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** A known sender that is not the system resolver and did not take its server from /etc/resolv.conf. */
    private static boolean ownResolver(String sender, boolean viaFile) {
        return sender != null && !isSystemResolver(sender) && !viaFile;
    }

    /**
     * {@code sender} is the system resolver: its process ("systemd-resolved (97)", or "systemd-resolve" as the kernel
     * cuts it where neither its program file nor its command line could be read) or, where the capture may not see
     * processes (the packaged capture service, without CAP_SYS_PTRACE), its socket's owner, the resolver's own user
     * ("uid 991 (systemd-resolve)").
     */
    public static boolean isSystemResolver(String sender) {
        if (sender == null) {
            return false;
        }
        String s = sender.strip().toLowerCase(Locale.ROOT);
        return s.startsWith(RESOLVED) || s.startsWith("uid ") && s.endsWith("(" + RESOLVED + ")");
    }

    /** The program whose socket sent the query: the recorded sender, else the last hop of the process chain. */
    public static String sender(LeakRecord r) {
        if (r.sender() != null && !r.sender().isBlank()) {
            return r.sender();
        }
        if (r.process() == null || r.process().isBlank()) {
            return null;
        }
        String[] hops = r.process().split(" → ");
        String last = hops[hops.length - 1].strip();
        return last.equals(LeakRecord.UNKNOWN_PROGRAM) ? null : last; // the asker is known, the sending socket was not found
    }

    private static Why why(Cause c, Object... args) {
        String key = "leakwhy." + c.name().toLowerCase(Locale.ROOT);
        return new Why(c, I18n.t(key, args), I18n.t(key + ".fix", args));
    }
}
