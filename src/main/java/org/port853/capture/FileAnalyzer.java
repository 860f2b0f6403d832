package org.port853.capture;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Runs a capture file through the pipeline as fast as possible: what {@code port853 analyze} prints. */
public final class FileAnalyzer {
    /** Everything {@code analyze} reports; see docs/capture.md for the JSON form. */
    public record Result(String format, long frames, long countedFrames, Map<TrafficClass, ClassTotals> totals,
                         Map<String, Map<TrafficClass, ClassTotals>> interfaces, List<LeakRecord> leaks,
                         long leakCount, long parseErrors, Map<FrameError, Long> parseErrorKinds,
                         long nonFirstFragments, long otherFrames, String fileError, MeterSnapshot perSecond,
                         Map<String, Long> leaksByProgram, long crossingCopies, long reassemblyDroppedFlows,
                         long reassemblyIncompleteDatagrams, Map<EncryptedProtocol, Long> encryptedProtocols) {

        public ClassTotals total(TrafficClass c) {
            return totals.getOrDefault(c, ClassTotals.ZERO);
        }
    }

    private FileAnalyzer() {
    }

    /**
     * Refuses a capture none of whose link types the parser reads: every frame would be a parse error, and the
     * report would read as a capture without leaks. A capture with some readable link type is analysed as it is.
     */
    private static void requireReadableLinkType(PcapFileReader reader) throws UnsupportedLinkTypeException {
        SortedSet<Integer> declared = reader.linkTypes();
        if (!declared.isEmpty() && declared.stream().noneMatch(LinkTypes::isSupported)) {
            throw new UnsupportedLinkTypeException(new TreeSet<>(declared));
        }
    }

    /** Per-second series (also per interface) over the file's last {@link TrafficMeter#DEFAULT_SECONDS} seconds. */
    static MeterSnapshot perSecond(TrafficMeter meter) {
        long newest = meter.newestSecond();
        if (newest == Long.MIN_VALUE) {
            return meter.snapshot(0, 0);
        }
        return meter.snapshot((int) (newest - meter.oldestSecond() + 1), newest);
    }

    /**
     * @param maxLeaks how many leaks to keep in {@link Result#leaks()} (the first ones); all are counted
     * @throws UnsupportedLinkTypeException when no link type of the file is one the parser reads
     */
    public static Result analyze(Path file, Collection<InetAddress> local, int maxLeaks)
            throws IOException, PcapFormatException, UnsupportedLinkTypeException {
        try (PcapFileReader reader = PcapFileReader.open(file)) {
            return analyze(reader, local, maxLeaks);
        }
    }

    public static Result analyze(PcapFileReader reader, Collection<InetAddress> local, int maxLeaks)
            throws IOException, UnsupportedLinkTypeException {
        requireReadableLinkType(reader); // a pcap's is in its header: refused before a single frame is read
        // leaks are emitted in capture order (seq 0, 1, ...) and updated when their response comes; keep the first
        // maxLeaks, indexed by seq
        List<LeakRecord> leaks = new ArrayList<>();
        long[] leakCount = {0};
        ProgramTotals programs = new ProgramTotals();
        TrafficMeter meter = new TrafficMeter(TrafficMeter.DEFAULT_SECONDS);
        PacketPipeline p = new PacketPipeline(meter, LocalAddresses.of(local), new LeakSink() {
            @Override
            public void leak(LeakCandidate c) {
                leakCount[0]++;
                LeakRecord r = c.toRecord(null);
                programs.add(r);
                if (c.seq() < maxLeaks) {
                    leaks.add(r);
                }
            }

            @Override
            public void update(LeakCandidate c) {
                if (c.seq() < leaks.size()) {
                    leaks.set((int) c.seq(), leaks.get((int) c.seq()).withRcode(c.rcode()));
                }
            }
        }, null, LeakStage::pipelined);
        reader.readAll((ns, lt, iface, b, off, cap, orig) ->
                p.accept(ns, lt, iface, reader.frameInterface(), reader.frameDirection(), b, off, cap, orig));
        requireReadableLinkType(reader); // a pcapng declares its interfaces along the way: all are known now
        p.flushLeaks();
        if (p.leakStageFailure() instanceof Error e) {
            throw e; // e.g. out of memory while parsing leaks: never a quietly incomplete result
        }
        Map<TrafficClass, ClassTotals> totals = new EnumMap<>(TrafficClass.class);
        for (TrafficClass c : TrafficClass.values()) {
            totals.put(c, meter.total(c));
        }
        Map<FrameError, Long> kinds = p.parseErrors();
        return new Result(reader.format(), p.frames(), p.countedFrames(), totals, p.interfaceTotals(),
                List.copyOf(leaks), leakCount[0], p.parseErrorCount(), kinds,
                p.nonFirstFragments(), p.otherFrames(), reader.error(), perSecond(meter), programs.snapshot(),
                p.crossingCopies(), p.reassemblyDroppedFlows(), p.reassemblyIncompleteDatagrams(),
                p.encryptedProtocols());
    }
}
