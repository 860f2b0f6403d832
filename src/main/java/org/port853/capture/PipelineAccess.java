package org.port853.capture;

/** Sessions that run a {@link PacketPipeline} (live and replay) expose it for statistics. */
public interface PipelineAccess {
    PacketPipeline pipeline();
}
