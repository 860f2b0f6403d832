package org.port853.core;

/**
 * The one way Port853 says why resolv.conf is not pointed at systemd-resolved's stub while its listener is off
 * (DNSStubListener=no), and what to do instead: the plan's refusal, the NOT_COVERED result, the dry run's note and
 * the assessment's fix all say this sentence.
 */
public final class StubListenerAdvice {
    private StubListenerAdvice() {
    }

    /** {@code resolvConf}: the file programs read their DNS server from (/etc/resolv.conf). */
    public static Sentence of(String resolvConf) {
        return Sentence.of("systemd-resolved's stub listener is off (DNSStubListener=no), so linking " + resolvConf
                + " to the stub would leave programs that read it without DNS; turn the stub listener on "
                + "(DNSStubListener=yes) or leave " + resolvConf + " as it is", "refused.stub-listener-off", resolvConf);
    }
}
