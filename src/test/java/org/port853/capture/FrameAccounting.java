package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pipeline's accounting rule: after a flush, every frame it was given is in exactly one of its counters. */
final class FrameAccounting {
    private FrameAccounting() {
    }

    /** Counted in a class, a non-first fragment, other, a copy, or a frame's parse error (not a message's). */
    static void assertEveryFrameCountedOnce(PacketPipeline p) {
        long messageErrors = p.parseErrors().getOrDefault(FrameError.BAD_DNS_MESSAGE, 0L);
        long frameErrors = p.parseErrorCount() - messageErrors;
        assertEquals(p.frames(), p.countedFrames() + p.nonFirstFragments() + p.otherFrames() + p.crossingCopies()
                + frameErrors, () -> "frames " + p.frames() + " = counted " + p.countedFrames() + " + non-first fragments "
                + p.nonFirstFragments() + " + other " + p.otherFrames() + " + copies " + p.crossingCopies()
                + " + frame errors " + frameErrors);
    }
}
