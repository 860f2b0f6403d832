package org.port853.capture;

import java.util.function.Consumer;

/**
 * The capture service's source: live capture on all interfaces with the fixed DNS filter
 * ({@link LiveCaptureSession#FILTER}), and a second check in Java that lets through only frames whose transport
 * ports include 53 or 853 (the filter's IPv6-fragment clause could otherwise pass other fragmented traffic).
 * Nothing a client says can change what is captured.
 */
class DnsOnlyCapture extends LiveCaptureSession {
    private final FrameParser parser = new FrameParser();
    private final ParsedFrame frame = new ParsedFrame();
    private final Consumer<byte[]> records;

    private final Consumer<byte[]> sentRecords;

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
        }
    }

    @Override
    protected void onSent(long epochNanos, int linkType, byte[] buf, int caplen) {
        parser.parse(linkType, buf, 0, caplen, frame);
        if (PacketPipeline.isQueryLeaving(frame)) {
            sentRecords.accept(CaptureStream.sent(epochNanos, buf, caplen));
        }
    }

    boolean isDns(int linkType, byte[] buf, int caplen) {
        parser.parse(linkType, buf, 0, caplen, frame);
        if (frame.outcome() == ParsedFrame.Outcome.TUNNEL_FRAGMENT) {
            // later fragments carry no ports to judge them by and are not passed on: the client reads what this holds
            parser.parseTunnel(frame.protocol(), buf, frame.payloadOffset(), frame.payloadLength(), frame);
        }
        if (frame.outcome() != ParsedFrame.Outcome.PORTS) {
            return false;
        }
        return isDnsPort(frame.srcPort()) || isDnsPort(frame.dstPort());
    }

    private static boolean isDnsPort(int port) {
        return port == 53 || port == 853;
    }
}
