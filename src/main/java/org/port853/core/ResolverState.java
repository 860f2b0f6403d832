package org.port853.core;

import java.util.List;

/**
 * What the system resolver does now, as read from the system. {@code global} is null when the resolver could
 * not be read; {@code problem} then says why in one sentence, in English; {@code problemWords} the words the window
 * says it by where the sentence is Port853's own (null: it is the system's text, quoted as it is). {@code platform}
 * holds what only one platform has.
 */
public record ResolverState(String resolverName, StateSource source, boolean installed, boolean running,
                            GlobalState global, List<LinkState> links, PendingChange pendingChange,
                            String problem, PlatformDetails platform, Words problemWords) {
    public ResolverState {
        links = List.copyOf(links);
        platform = platform == null ? PlatformDetails.NONE : platform;
    }

    /** A state whose problem, if any, is the system's own text. */
    public ResolverState(String resolverName, StateSource source, boolean installed, boolean running,
                         GlobalState global, List<LinkState> links, PendingChange pendingChange,
                         String problem, PlatformDetails platform) {
        this(resolverName, source, installed, running, global, links, pendingChange, problem, platform, null);
    }

    /** A state that could not be read, and why. */
    public static ResolverState unreadable(String resolverName, StateSource source, boolean installed, boolean running,
                                           PendingChange pendingChange, Sentence problem, PlatformDetails platform) {
        return new ResolverState(resolverName, source, installed, running, null, List.of(), pendingChange,
                problem.english(), platform, problem.words());
    }

    /** Why it could not be read, as a sentence with the window's words; null when it was read. */
    public Sentence problemSentence() {
        return problem == null ? null : new Sentence(problem, problemWords);
    }

    public boolean readable() {
        return global != null;
    }

    /**
     * /etc/resolv.conf leads programs past the local resolver, and linking it to the resolver's stub would put them
     * through it: not on a machine without such a file (Windows), not where it already is the stub's, not while the
     * stub listener is off (there is nothing to link to then).
     */
    public boolean resolverFileNeedsLink() {
        ResolvConfState file = platform.resolverFile();
        return file != null && file.kind() != ResolvConfState.Kind.STUB && !(global != null && global.stubListenerOff());
    }

    /**
     * /etc/resolv.conf leads programs to the stub (a link to its file, or a file of its own naming only its addresses)
     * of an installed resolver that is not running: no program gets an answer.
     */
    public boolean resolverFileLeadsNowhere() {
        ResolvConfState file = platform.resolverFile();
        return file != null && file.leadsToStub() && installed && !running;
    }

    public boolean degraded() {
        return source == StateSource.RESOLVECTL;
    }

    public ResolverState withPlatform(PlatformDetails p) {
        return new ResolverState(resolverName, source, installed, running, global, links, pendingChange, problem, p,
                problemWords);
    }
}
