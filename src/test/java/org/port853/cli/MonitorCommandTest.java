package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.CaptureListener;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import picocli.CommandLine;

class MonitorCommandTest {
    /** A capture that does nothing but what a test's fake overrides. */
    interface QuietSession extends CaptureSession {
        @Override
        default void stop() {
        }

        @Override
        default boolean isRunning() {
            return false;
        }

        @Override
        default List<LeakRecord> recentLeaks(int max) {
            return List.of();
        }

        @Override
        default void clear() {
        }

        @Override
        default void addListener(CaptureListener l) {
        }

        @Override
        default void removeListener(CaptureListener l) {
        }

        @Override
        default void close() {
        }
    }

    /** A capture that cannot start, for the reason given. */
    record Unavailable(CaptureUnavailableException why) implements QuietSession {
        @Override
        public void start() throws CaptureUnavailableException {
            throw why;
        }

        @Override
        public String description() {
            return "nowhere";
        }

        @Override
        public MeterSnapshot snapshot(int seconds) {
            throw new AssertionError("never started");
        }
    }

    /** A capture that starts, then ends by itself with {@code reason} (its interface went away). */
    static class EndsByItself implements QuietSession {
        final org.port853.capture.TrafficMeter meter = new org.port853.capture.TrafficMeter(60);
        final List<CaptureListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        final String reason;
        long notListed;
        Map<String, Long> byProgram = Map.of();

        @Override
        public long leaksNotListed() {
            return notListed;
        }

        @Override
        public Map<String, Long> leaksByProgram() {
            return byProgram;
        }

        EndsByItself(String reason) {
            this.reason = reason;
        }

        /** Ends by itself right after starting, unless {@code reason} is null: then it runs until stopped. */
        @Override
        public void start() {
            if (reason != null) {
                new Thread(() -> listeners.forEach(l -> l.onStopped(reason))).start();
            }
        }

        @Override
        public String description() {
            return "live on veth1";
        }

        @Override
        public MeterSnapshot snapshot(int seconds) {
            return meter.snapshot(seconds, java.time.Instant.now().getEpochSecond());
        }

        @Override
        public void addListener(CaptureListener l) {
            listeners.add(l);
        }

        @Override
        public void removeListener(CaptureListener l) {
            listeners.remove(l);
        }
    }

    @Test
    @DisplayName("a capture that ends by itself (its interface went away): the JSON stream's totals say why, not "
            + "only stderr and the exit code")
    void captureEndingByItselfIsInTheJsonTotals() {
        EndsByItself ends = new EndsByItself("capture failed: The interface disappeared");
        MonitorCommand monitor = new MonitorCommand();
        monitor.sessions = () -> ends;
        CommandLine cl = new CommandLine(monitor);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(1, cl.execute("--json", "--duration", "5"));
        String last = out.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertEquals(true, last.startsWith("{\"event\":\"totals\""), last);
        assertEquals(true, last.endsWith(",\"failure\":\"capture failed: The interface disappeared\"}"), last);
        assertEquals(List.of("port853 monitor: capture failed: The interface disappeared"), err.toString().lines().toList());
    }

    @Test
    @DisplayName("a second with one leaked query says 'leaked query', two say 'leaked queries'; an answer's line says "
            + "when its query was asked")
    void secondsAndAnswersReadRight() {
        EndsByItself live = new EndsByItself(null);
        long now = java.time.Instant.now().getEpochSecond();
        for (long sec = now - 5; sec <= now + 3; sec++) { // whichever seconds the run prints: one leak each
            live.meter.add(sec, org.port853.capture.TrafficClass.LEAK, 80);
            live.meter.addLeakMarker(sec);
        }
        live.meter.addLeakMarker(now + 1); // and two in one of them
        MonitorCommand monitor = new MonitorCommand();
        monitor.sessions = () -> live;
        CommandLine cl = new CommandLine(monitor);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        java.time.Instant asked = java.time.Instant.parse("2026-12-06T05:00:00Z");
        new Thread(() -> {
            while (live.listeners.isEmpty()) {
                Thread.onSpinWait();
            }
            live.listeners.forEach(l -> l.onLeakUpdated(new LeakRecord(asked, "eth0", "192.0.2.1", "example.com", "A",
                    null, "NOERROR", 7)));
        }).start();
        assertEquals(0, cl.execute("--duration", "3"));
        String said = out.toString();
        assertEquals(true, said.contains("  (1 leaked query)\n"), said);
        assertEquals(false, said.contains("(1 leaked queries)"), said);
        assertEquals(true, said.contains("  answer NOERROR for example.com (asked at 2026-12-06T05:00:00Z)\n"), said);
    }

    /** What the monitor prints on stdout over {@code session} with {@code args}. */
    private static String stdout(CaptureSession session, String... args) {
        MonitorCommand monitor = new MonitorCommand();
        monitor.sessions = () -> session;
        CommandLine cl = new CommandLine(monitor);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        cl.execute(args);
        return out.toString();
    }

    @Test
    @DisplayName("the JSON totals break encrypted packets down by protocol under analyze's field names")
    void jsonTotalsHaveTheEncryptedProtocols() {
        EndsByItself ends = new EndsByItself("capture failed: The interface disappeared") {
            @Override
            public Map<org.port853.capture.EncryptedProtocol, Long> encryptedProtocols() {
                return Map.of(org.port853.capture.EncryptedProtocol.DOT, 12L,
                        org.port853.capture.EncryptedProtocol.DOQ, 3L, org.port853.capture.EncryptedProtocol.DTLS, 1L);
            }
        };
        String said = stdout(ends, "--json", "--duration", "5");
        assertEquals(true, said.contains(",\"encryptedProtocols\":{\"dot\":12,\"doq\":3,\"dtls\":1,\"unknown\":0},"),
                said);
    }

    @Test
    @DisplayName("leaked queries that came faster than they could be read are said in the totals, text and JSON")
    void leaksNotListedAreInTheTotals() {
        for (boolean json : new boolean[]{false, true}) {
            EndsByItself ends = new EndsByItself("capture failed: The interface disappeared");
            ends.notListed = 2104;
            String said = stdout(ends, json ? new String[]{"--json", "--duration", "5"} : new String[]{"--duration", "5"});
            assertEquals(true, json ? said.contains(",\"leaksNotListed\":2104,")
                    : said.contains("\n  2104 more leaked queries not listed: they came faster than they could be read\n"),
                    said);
        }
    }

    @Test
    @DisplayName("the leaked queries by program keep their columns with a program named in CJK, with a combining mark, "
            + "an emoji or escaped bytes: padded by terminal columns, not by Java characters")
    void programsArePaddedByTerminalColumns() {
        Map<String, Long> byProgram = new LinkedHashMap<>();
        byProgram.put("dig (812)", 3L);
        byProgram.put("\u540d\u524d\u89e3\u6c7a (90)", 12L);
        byProgram.put("cafe\u0301 (91)", 7L);
        byProgram.put("\ud83d\ude00bot (92)", 5L);
        byProgram.put("\\xff\\xfe (93)", 1L);
        EndsByItself ends = new EndsByItself("capture failed: The interface disappeared");
        ends.byProgram = byProgram;
        String said = stdout(ends, "--duration", "5");
        List<String> lines = said.lines().dropWhile(l -> !l.equals("Leaked queries by program:")).skip(1).toList();

        assertEquals(byProgram.size(), lines.size(), said);
        for (String line : lines) {
            assertEquals(2 + 24 + 1 + 8, TerminalColumns.of(line), "the count ends in the same column: " + line);
        }
        assertEquals("  " + "\u540d\u524d\u89e3\u6c7a (90)" + " ".repeat(24 - 13) + " "
                + "      12", lines.get(1));
    }

    @Test
    @DisplayName("stdout's reader went away (port853 monitor | head -1): the monitor ends within a second or two "
            + "instead of capturing for ever into a pipe no one reads")
    void endsWhenStdoutIsGone() {
        MonitorCommand monitor = new MonitorCommand();
        monitor.sessions = () -> new EndsByItself(null);
        CommandLine cl = new CommandLine(monitor);
        cl.setOut(new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] b, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        long start = System.nanoTime();
        cl.execute("--duration", "30");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(true, seconds < 5, "ran " + seconds + " s");
    }

    @Test
    @DisplayName("an interface this machine lacks: exit 2 and one line that says the fix")
    void missingInterfaceIsOneLine() {
        MonitorCommand monitor = new MonitorCommand();
        monitor.sessions = () -> new Unavailable(new CaptureUnavailableException(
                "No such network interface: nosuch0.", "List interfaces with 'ip link' and pass one of them."));
        CommandLine cl = new CommandLine(monitor);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cl.execute("--interface", "nosuch0", "--duration", "1"));
        assertEquals(List.of("port853 monitor: No such network interface: nosuch0. Fix: List interfaces with 'ip link' "
                + "and pass one of them."), err.toString().lines().toList());
    }

    @Test
    @DisplayName("a capture problem's fix is said as this user types it: root without sudo (as status and doctor say it)")
    void captureFixAsThisUserTypesIt() {
        MonitorCommand monitor = new MonitorCommand();
        monitor.sessions = () -> new Unavailable(CaptureUnavailableException.interfaceDown("veth1", null));
        CommandLine cl = new CommandLine(monitor);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(1, cl.execute("--interface", "veth1", "--duration", "1"));
        String sudo = org.port853.core.Privileges.isRoot() ? "" : "sudo ";
        assertEquals(List.of("port853 monitor: The network interface 'veth1' is down. Fix: Bring it up (Linux: " + sudo
                + "ip link set veth1 up), or capture on all interfaces (name none)."), err.toString().lines().toList());
    }
}
