package org.port853.capture;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Fuzzes the frame parser, the DNS extraction, the TCP reassembly and the file reader with untrusted bytes: no
 * exception may escape and nothing may loop. In a normal {@code mvn test} this runs the inputs under
 * {@code src/test/resources/org/port853/capture/FrameFuzzTestInputs/} (regression mode); with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 */
class FrameFuzzTest {
    private static final int[] LINK_TYPES = {LinkTypes.ETHERNET, LinkTypes.LINUX_SLL, LinkTypes.LINUX_SLL2,
        LinkTypes.NULL, LinkTypes.LOOP, LinkTypes.RAW, LinkTypes.IPV4, LinkTypes.IPV6, 147};

    @FuzzTest(maxDuration = "60s")
    void frames(FuzzedDataProvider data) {
        int linkType = data.pickValue(LINK_TYPES);
        boolean local = data.consumeBoolean();
        TrafficMeter meter = new TrafficMeter(4);
        PacketPipeline p = new PacketPipeline(meter, local ? LocalAddresses.loopbackOnly()
                : LocalAddresses.ofThisMachine(), c -> { }, i -> "if" + i);
        long t = data.consumeLong();
        int frames = data.consumeInt(1, 8);
        for (int i = 0; i < frames && data.remainingBytes() > 0; i++) {
            byte[] frame = data.consumeBytes(data.consumeInt(0, 2048));
            p.accept(t + i, linkType, "if0", frame, 0, frame.length, frame.length + data.consumeInt(0, 100));
            DnsExtractor.parse(frame, 0, frame.length);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void files(FuzzedDataProvider data) throws Exception {
        byte[] file = data.consumeRemainingAsBytes();
        PcapFileReader r;
        try {
            r = PcapFileReader.of(ByteBuffer.wrap(file));
        } catch (PcapFormatException e) {
            return;
        }
        PacketPipeline p = new PacketPipeline(new TrafficMeter(4), LocalAddresses.loopbackOnly(), c -> { }, null);
        r.readAll(p::accept);
    }
}
