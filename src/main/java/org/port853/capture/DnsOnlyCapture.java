package org.port853.capture;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The capture service's source: live capture on all interfaces with the fixed DNS filter
 * ({@link LiveCaptureSession#FILTER}), and a second check in Java that lets through only frames whose transport
 * ports include 53 or 853 (the filter's IPv6-fragment clause could otherwise pass other fragmented traffic), and the
 * later fragments of datagrams whose first fragment it let through ({@link PassedFragments}), which carry no ports
 * but complete a fragmented query or answer. Nothing a client says can change what is captured.
 */
class DnsOnlyCapture extends LiveCaptureSession {
    private final FrameParser parser = new FrameParser();
    private final ParsedFrame frame = new ParsedFrame();
    private final Consumer<byte[]> records;

    private final Consumer<byte[]> sentRecords;
    private final PassedFragments fragments = new PassedFragments();
    /** The datagram of the frame {@link #isDns} just passed when that frame was a first fragment, else null. */
    private ByteBuffer firstFragmentKey;

    /**
     * @param records     receives each allowed frame as a {@link CaptureStream} record, on the capture thread
     * @param sentRecords receives each query as it left ({@link PacketPipeline#isQueryLeaving}) as a sent record
     */
    DnsOnlyCapture(Consumer<byte[]> records, Consumer<byte[]> sentRecords) {
        super(null, CaptureDevices.ANY); // the service streams SLL2 frames of the any device
        this.records = records;
        this.sentRecords = sentRecords;
    }

    /** The service opens sender handles whatever it could look up itself: its clients do the lookups. */
    @Override
    protected boolean wantsSenderHandles() {
        return true;
    }

    @Override
    protected void onFrame(long epochNanos, int linkType, String iface, byte[] buf, int caplen, int len) {
        if (isDns(linkType, buf, caplen)) {
            records.accept(CaptureStream.record(epochNanos, buf, caplen, len));
            if (firstFragmentKey != null) {
                fragments.firstPassed(firstFragmentKey, epochNanos).forEach(records);
            }
        } else if (frame.outcome() == ParsedFrame.Outcome.NON_FIRST_FRAGMENT && IpFragments.reassembles(frame)) {
            byte[] record = CaptureStream.record(epochNanos, buf, caplen, len);
            if (fragments.later(IpFragments.key(frame), epochNanos, record)) {
                records.accept(record);
            }
        }
    }

    @Override
    protected void onSent(long epochNanos, int linkType, byte[] buf, int caplen) {
        parser.parse(linkType, buf, 0, caplen, frame);
        if (PacketPipeline.isQueryLeaving(frame)) {
            sentRecords.accept(CaptureStream.sent(epochNanos, buf, caplen));
        }
    }

    /**
     * Whether the frame's ports include 53 or 853 (a tunnel packet's first fragment: its inner packet's, as far as it
     * goes); {@link #firstFragmentKey} tells whether it is a first fragment.
     */
    boolean isDns(int linkType, byte[] buf, int caplen) {
        parser.parse(linkType, buf, 0, caplen, frame);
        firstFragmentKey = null;
        ByteBuffer tunnelKey = null;
        if (frame.outcome() == ParsedFrame.Outcome.TUNNEL_FRAGMENT) {
            tunnelKey = IpFragments.key(frame); // the outer packet's: reading the inner one forgets it
            parser.parseTunnel(frame.protocol(), buf, frame.payloadOffset(), frame.payloadLength(), frame);
        }
        if (frame.outcome() != ParsedFrame.Outcome.PORTS || !isDnsPort(frame.srcPort()) && !isDnsPort(frame.dstPort())) {
            return false;
        }
        firstFragmentKey = tunnelKey != null ? tunnelKey : frame.firstFragment ? IpFragments.key(frame) : null;
        return true;
    }

    private static boolean isDnsPort(int port) {
        return port == 53 || port == 853;
    }
}
