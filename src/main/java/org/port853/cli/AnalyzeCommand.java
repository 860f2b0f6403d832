package org.port853.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.port853.capture.ClassTotals;
import org.port853.capture.EncryptedProtocol;
import org.port853.capture.FileAnalyzer;
import org.port853.capture.LeakRecord;
import org.port853.capture.LinkTypes;
import org.port853.capture.PcapFormatException;
import org.port853.capture.TrafficClass;
import org.port853.capture.UnsupportedLinkTypeException;
import org.port853.cli.TextTable.Column;
import org.port853.core.InvalidInputException;
import org.port853.core.IpAddresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code port853 analyze FILE [--local ADDR[,ADDR...]]... [--json]}: DNS traffic classes and leaks in a capture file. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Counts encrypted (853), local plaintext and leaked (53) DNS packets in a pcap or pcapng "
            + "file, and lists the leaked queries (up to --max-leaks; all are counted).",
            "Local means loopback plus the --local addresses. Exit codes: 0 ok, 1 failed, 2 bad input."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The capture file (.pcap or .pcapng).")
    Path file;

    /** One address per occurrence: with several, {@code --local ADDR FILE} took FILE for another address. */
    @Option(names = "--local", paramLabel = "ADDR[,ADDR...]",
            description = "An IP address of the machine that made the capture (repeatable, or comma-separated).")
    List<String> local = new ArrayList<>();

    @Option(names = "--json", description = "Print the stable JSON document.")
    boolean json;

    @Option(names = "--max-leaks", paramLabel = "N", defaultValue = "10000",
            description = "List at most N leaks (all are counted; default: ${DEFAULT-VALUE}).")
    int maxLeaks;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxLeaks < 0) {
            err.println("port853 analyze: --max-leaks must be 0 or more (0 lists none and still counts them).");
            return 2;
        }
        List<InetAddress> locals = new ArrayList<>();
        for (String given : local) {
            for (String a : given.split(",", -1)) { // -1: a trailing comma is an empty entry too, refused alike
                if (a.isBlank()) {
                    err.println("port853 analyze: --local '" + org.port853.core.Printable.of(given)
                            + "' has an empty entry: give IP addresses separated by single commas.");
                    return 2;
                }
                try {
                    locals.add(IpAddresses.parse(a.trim()));
                } catch (InvalidInputException e) {
                    err.println("port853 analyze: " + localRefusal(a.trim(), e));
                    return 2;
                }
            }
        }
        if (file.toString().isEmpty()) {
            err.println("port853 analyze: no capture file name was given (the FILE argument is empty).");
            return 2;
        }
        String name = Port853Command.oneLine(file.toString());
        FileAnalyzer.Result r;
        try {
            if (Files.isDirectory(file)) {
                err.println("port853 analyze: " + name + " is a directory, not a capture file.");
                return 2;
            }
            r = FileAnalyzer.analyze(file, locals, maxLeaks);
        } catch (NoSuchFileException e) {
            err.println("port853 analyze: " + name + " does not exist.");
            return 2;
        } catch (AccessDeniedException e) {
            err.println("port853 analyze: " + name + " is not readable (permission denied).");
            return 2;
        } catch (PcapFormatException e) {
            err.println("port853 analyze: " + name + " is not a pcap or pcapng capture (" + e.getMessage() + ").");
            return 2;
        } catch (UnsupportedLinkTypeException e) {
            err.println("port853 analyze: " + name + " " + linkTypeRefusal(e.linkTypes()));
            return 2;
        } catch (IOException e) {
            err.println("port853 analyze: cannot read " + name + ": " + e.getMessage() + ".");
            return 2;
        } catch (RuntimeException e) {
            err.println("port853 analyze: failed on " + name + ": " + e);
            return 1;
        }
        if (r.fileError() != null && r.frames() == 0) {
            err.println("port853 analyze: " + name + " is damaged before its first packet (" + r.fileError() + ").");
            return 2;
        }
        if (json) {
            try {
                PlainJson.write(out, toJson(file, r), true);
                out.println();
            } catch (java.io.UncheckedIOException e) {
                err.println("port853 analyze: " + e.getMessage());
                return 1;
            }
        } else {
            printText(out, r);
        }
        out.flush();
        if (r.fileError() != null) {
            err.println("port853 analyze: warning: " + name + " is damaged (" + r.fileError() + "): the " + r.frames()
                    + " frames before that point were analysed, nothing after it.");
        }
        return 0;
    }

    /**
     * Why a --local value is refused. A host name gets its own sentence: the parser's (a resolver's server cannot be
     * named) is about servers, and --local is never looked up.
     */
    private static String localRefusal(String text, InvalidInputException e) {
        boolean hostName = e.words() != null && "address.host-name".equals(e.words().wording());
        return hostName ? "--local takes an IP address, not a host name: " + text + "."
                : "--local " + e.getMessage() + ".";
    }

    /** {@code has link type 127, which Port853 cannot read (it reads ...).} */
    static String linkTypeRefusal(SortedSet<Integer> linkTypes) {
        List<String> numbers = linkTypes.stream().map(String::valueOf).toList();
        String which = numbers.size() == 1 ? "link type " + numbers.get(0)
                : "link types " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and "
                        + numbers.get(numbers.size() - 1);
        return "has " + which + ", which Port853 cannot read (it reads link types " + LinkTypes.supported() + ").";
    }

    public static String jsonName(TrafficClass c) {
        return switch (c) {
            case ENCRYPTED -> "encrypted";
            case LOCAL_PLAINTEXT -> "localPlaintext";
            case LEAK -> "leak";
            case PLAINTEXT_853 -> "plaintextOn853";
        };
    }

    static Map<String, Object> classes(Map<TrafficClass, ClassTotals> m) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (TrafficClass c : TrafficClass.values()) {
            ClassTotals t = m.getOrDefault(c, ClassTotals.ZERO);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("packets", t.packets());
            v.put("bytes", t.bytes());
            o.put(jsonName(c), v);
        }
        return o;
    }

    /** Encrypted packets by protocol: {@code dot}, {@code doq}, {@code dtls}, {@code unknown}. */
    static Map<String, Object> encryptedProtocols(Map<EncryptedProtocol, Long> m) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (EncryptedProtocol p : EncryptedProtocol.values()) {
            o.put(p.name().toLowerCase(java.util.Locale.ROOT), m.getOrDefault(p, 0L));
        }
        return o;
    }

    /**
     * {@code Encrypted on port 853: 10 DNS-over-TLS, 4 DNS-over-QUIC, 2 DTLS, 1 encrypted, unknown protocol (packets).},
     * only when any encrypted UDP was seen: TLS alone is what "encrypted" has always meant.
     */
    static void printEncryptedProtocols(PrintWriter out, Map<EncryptedProtocol, Long> m) {
        if (m.entrySet().stream().noneMatch(e -> e.getKey() != EncryptedProtocol.DOT && e.getValue() > 0)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (EncryptedProtocol p : EncryptedProtocol.values()) {
            long n = m.getOrDefault(p, 0L);
            if (n > 0) {
                parts.add(n + " " + protocolLabel(p));
            }
        }
        out.printf("Encrypted on port 853: %s (packets)%n", String.join(", ", parts));
    }

    static String protocolLabel(EncryptedProtocol p) {
        return switch (p) {
            case DOT -> "DNS-over-TLS";
            case DOQ -> "DNS-over-QUIC";
            case DTLS -> "DTLS";
            case UNKNOWN -> "encrypted, unknown protocol";
        };
    }

    static Map<String, Object> leak(LeakRecord l) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("time", l.time().toString());
        v.put("interface", l.iface());
        v.put("server", l.server());
        v.put("name", l.name());
        v.put("type", l.type());
        v.put("process", l.process());
        v.put("rcode", l.rcode());
        v.put("program", l.program());
        v.put("nameReadable", l.nameReadable());
        v.put("sender", l.sender());
        v.put("requestedBy", l.requestedBy());
        v.put("chain", l.chain());
        return v;
    }

    static Map<String, Object> toJson(Path file, FileAnalyzer.Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file.toString());
        o.put("format", r.format());
        o.put("frames", r.frames());
        o.put("countedFrames", r.countedFrames());
        o.put("totals", classes(r.totals()));
        o.put("encryptedProtocols", encryptedProtocols(r.encryptedProtocols()));
        Map<String, Object> ifs = new LinkedHashMap<>();
        r.interfaces().forEach((k, v) -> ifs.put(k, classes(v)));
        o.put("interfaces", ifs);
        o.put("leakCount", r.leakCount());
        Iterable<Object> leaks = () -> r.leaks().stream().map(l -> (Object) leak(l)).iterator();
        o.put("leaks", leaks); // each leak's map is made as it is written
        o.put("leaksOmitted", r.leakCount() - r.leaks().size());
        o.put("leaksByProgram", r.leaksByProgram());
        o.put("parseErrors", r.parseErrors());
        o.put("reassemblyDroppedFlows", r.reassemblyDroppedFlows());
        o.put("reassemblyIncompleteDatagrams", r.reassemblyIncompleteDatagrams());
        Map<String, Object> kinds = new LinkedHashMap<>();
        r.parseErrorKinds().forEach((k, v) -> kinds.put(k.name(), v));
        o.put("parseErrorKinds", kinds);
        Map<String, Object> nc = new LinkedHashMap<>();
        nc.put("nonFirstFragments", r.nonFirstFragments());
        nc.put("other", r.otherFrames());
        nc.put("crossingCopies", r.crossingCopies());
        o.put("notCounted", nc);
        o.put("fileError", r.fileError());
        o.put("perSecond", perSecond(r.perSecond()));
        return o;
    }

    /** Per-second packets and bytes per class and interface, and queries (see docs/capture.md). */
    static Map<String, Object> perSecond(org.port853.capture.MeterSnapshot s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("start", s.seconds() == 0 ? null
                : java.time.Instant.ofEpochSecond(s.endEpochSecond() - s.seconds() + 1).toString());
        o.put("seconds", s.seconds());
        List<Object> ifs = new ArrayList<>();
        for (org.port853.capture.MeterSnapshot.InterfaceSeries i : s.interfaces()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", i.name());
            for (TrafficClass c : TrafficClass.values()) {
                Map<String, Object> pb = new LinkedHashMap<>();
                pb.put("packets", i.packets(c));
                pb.put("bytes", i.bytes(c));
                v.put(jsonName(c), pb);
            }
            ifs.add(v);
        }
        o.put("interfaces", ifs);
        // all interfaces together, in the window's unit (leaked queries are the leak entries)
        Map<String, Object> queries = new LinkedHashMap<>();
        queries.put("encrypted", s.queries().encrypted());
        queries.put("local", s.queries().local());
        o.put("queries", queries);
        return o;
    }

    private static void printText(PrintWriter out, FileAnalyzer.Result r) {
        out.printf("%d frames (%s), %d DNS packets counted%n", r.frames(), r.format(), r.countedFrames());
        TextTable totals = new TextTable("", " ", Column.left(16), Column.right(12), Column.right(14))
                .row("class", "packets", "bytes");
        for (TrafficClass c : TrafficClass.values()) {
            totals.row(label(c), r.total(c).packets(), r.total(c).bytes());
        }
        out.print(totals);
        printEncryptedProtocols(out, r.encryptedProtocols());
        if (!r.interfaces().isEmpty()) {
            // the column only where there is any: the totals list it, and an interface that carried only such
            // packets read 0 / 0 everywhere without it
            boolean on853 = r.total(TrafficClass.PLAINTEXT_853).packets() > 0;
            out.println();
            List<TrafficClass> shown = on853 ? List.of(TrafficClass.values())
                    : List.of(TrafficClass.ENCRYPTED, TrafficClass.LOCAL_PLAINTEXT, TrafficClass.LEAK);
            List<List<String>> counts = new java.util.ArrayList<>();
            counts.add(shown.stream().map(AnalyzeCommand::label).toList());
            r.interfaces().values().forEach(m -> counts.add(shown.stream().map(c -> pb(m.get(c))).toList()));
            int room = TerminalColumns.LINE - IntStream.range(0, shown.size()).map(c -> 1 + counts.stream()
                    .mapToInt(row -> TerminalColumns.of(row.get(c))).max().orElse(0)).sum();
            Column[] columns = new Column[shown.size() + 1];
            // a name wider than the counts leave is cut: the leak list below names each whole
            columns[0] = Column.left(Math.min(16, room), Math.max(room, "interface".length()));
            Arrays.fill(columns, 1, columns.length, Column.right(0));
            TextTable perInterface = new TextTable("", " ", columns);
            List<String> names = List.copyOf(r.interfaces().keySet());
            perInterface.row(Stream.concat(Stream.of("interface"), counts.get(0).stream()).toArray());
            for (int i = 0; i < names.size(); i++) {
                perInterface.row(Stream.concat(Stream.of(names.get(i)), counts.get(i + 1).stream()).toArray());
            }
            out.print(perInterface);
        }
        out.println();
        if (r.leakCount() == 0) {
            out.println("No leaked queries.");
            noQueryIn(out, r.total(TrafficClass.LEAK).packets(), "");
        } else if (r.leaks().isEmpty()) {
            out.printf("%d leaked quer%s, none listed (--max-leaks 0; raise it to list them)%n", r.leakCount(),
                    r.leakCount() == 1 ? "y" : "ies");
        } else {
            out.printf("%d leaked quer%s:%n", r.leakCount(), r.leakCount() == 1 ? "y" : "ies");
            out.print(leakTable(r.leaks()));
            if (r.leakCount() > r.leaks().size()) {
                out.printf("  ... and %d more (raise --max-leaks)%n", r.leakCount() - r.leaks().size());
            }
        }
        out.printf("Parse errors: %d%s%n", r.parseErrors(), r.parseErrorKinds().isEmpty() ? "" : " " + r.parseErrorKinds());
        if (r.nonFirstFragments() > 0) {
            out.printf("Non-first IP fragments (no ports, not counted): %d%n", r.nonFirstFragments());
        }
        if (r.otherFrames() > 0) {
            // a capture of the local network's name lookups would otherwise read as if Port853 had missed them
            sentence(out, "", "Frames of other ports or protocols, not counted: " + r.otherFrames() + " (among them any "
                    + "multicast DNS (5353), LLMNR (5355) and NetBIOS (137) name lookups: they ask the local network, not "
                    + "a DNS server, so they are no leaks, and DNS-over-TLS does not cover them)");
        }
        if (r.reassemblyIncompleteDatagrams() > 0) {
            out.printf("Fragmented DNS datagrams never completed (read as far as they got): %d%n",
                    r.reassemblyIncompleteDatagrams());
        }
    }

    /**
     * A row per leak (time, type, server: at most 79 columns, an IPv6 server's 39 included), and under it the query name,
     * its answer code and the interface on indented lines of their own within {@link TerminalColumns#LINE}, never cut.
     */
    static String leakTable(List<LeakRecord> leaks) {
        TextTable table = new TextTable("  ", " ", Column.left(0), Column.left(6), Column.left(0));
        for (LeakRecord l : leaks) {
            table.row(l.time(), l.type(), l.server());
            table.wrappedLine(LEAK_DETAIL_INDENT, (l.name().isEmpty() ? "(no question)" : l.name())
                    + (l.rcode() == null ? "" : "  " + l.rcode()) + "  on " + l.iface());
        }
        return table.toString();
    }

    private static final String LEAK_DETAIL_INDENT = "    ";

    /**
     * Says that {@code leakPackets} leak packets carried no DNS query that could be read, when there are any and no
     * leaked query was read: the leak count alone would read as leaked DNS (the window says it so too).
     */
    static void noQueryIn(PrintWriter out, long leakPackets, String indent) {
        if (leakPackets > 0) {
            sentence(out, indent, leakPackets + " leak packet" + (leakPackets == 1 ? "" : "s") + " on port 53 carried "
                    + "no DNS query that could be read: another protocol run on port 53 (a VPN such as WireGuard or "
                    + "OpenVPN), or queries the capture could not read");
        }
    }

    /** {@code text} after {@code indent}, broken at its words within 80 columns, its further lines hanging under it. */
    private static void sentence(PrintWriter out, String indent, String text) {
        out.print(new TextTable(indent, "").hangingLine("", "  ", text));
    }

    static String label(TrafficClass c) {
        return switch (c) {
            case ENCRYPTED -> "encrypted";
            case LOCAL_PLAINTEXT -> "local plaintext";
            case LEAK -> "leak";
            case PLAINTEXT_853 -> "plaintext on 853";
        };
    }

    private static String pb(ClassTotals t) {
        return t == null ? "0 / 0" : t.packets() + " / " + t.bytes();
    }
}
