package org.port853.core;

/** Where /etc/resolv.conf leads programs that read it. */
public record ResolvConfState(Kind kind, String target, java.util.List<String> nameservers) {
    public enum Kind {
        /** Link to resolved's stub file: everything goes through 127.0.0.53. */
        STUB,
        /** Link to resolved's uplink file: programs talk to the upstream servers directly. */
        UPLINK,
        /** A regular file, or a link to something else. */
        STATIC,
        /** Missing or a dangling link. */
        MISSING
    }

    public ResolvConfState {
        nameservers = java.util.List.copyOf(nameservers);
    }
}
