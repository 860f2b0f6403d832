package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Sentence;
import org.port853.helper.HelperRequest;
import org.port853.platform.Plan;

/**
 * The privileged helper checks resolved's stub listener itself: a caller that skips the plan's refusal must not get
 * /etc/resolv.conf pointed at a stub nobody answers on.
 */
class HelperStubListenerTest {
    static final HelperRequest LINK = HelperRequest.apply(StubListenerOffTest.STRICT, true);

    @TempDir
    Path root;
    LinuxPaths paths;

    @BeforeEach
    void setUp() throws IOException {
        paths = LinuxPaths.under(root);
        Files.createDirectories(paths.ourDropIn().getParent());
        Files.writeString(paths.resolvConf(), "nameserver 127.0.0.1\n");
    }

    Optional<Sentence> refusal(Supplier<String> running, HelperRequest r) {
        return new LinuxChange(paths, 252, running).refusalSaid(r);
    }

    @Test
    void aLinkToAStubThatDoesNotListenIsRefusedWithThePlansSentence() {
        Sentence refused = refusal(() -> "no", LINK).orElseThrow();
        Plan planned = new ResolvedPlanner(paths).plan(StubListenerOffTest.STRICT, 252, java.util.List.of(), true, true);
        assertEquals(planned.refusal(), refused.english());
        assertEquals(planned.refusalWords(), refused.words());
    }

    @Test
    void aStoppedResolvedIsJudgedByItsFiles() throws IOException {
        assertTrue(refusal(() -> null, LINK).isEmpty(), "no bus, no setting: the default (yes)");
        Path pihole = paths.dropInDirs().get(0).resolve("10-pihole.conf");
        Files.writeString(pihole, "[Resolve]\nDNSStubListener=false\n");
        assertTrue(refusal(() -> null, LINK).isPresent(), "set off in a drop-in");
        assertTrue(refusal(() -> "yes", LINK).isPresent(), "running, but the restart loads the drop-in");
        Files.writeString(paths.dropInDirs().get(0).resolve("20-later.conf"), "[Resolve]\nDNSStubListener=udp\n");
        assertTrue(refusal(() -> null, LINK).isEmpty(), "a later file turns it on again");
    }

    @Test
    void onlyALinkThatWouldChangeTheFileIsRefused() throws IOException {
        Supplier<String> unread = () -> {
            throw new AssertionError("the stub listener is read only for a link");
        };
        assertTrue(refusal(unread, HelperRequest.apply(StubListenerOffTest.STRICT, false)).isEmpty());
        Files.delete(paths.resolvConf());
        Files.createSymbolicLink(paths.resolvConf(), Path.of(LinuxPaths.STUB_RESOLV_CONF));
        assertTrue(refusal(unread, LINK).isEmpty(), "already linked: nothing to refuse");
        assertTrue(refusal(() -> "yes", HelperRequest.apply(StubListenerOffTest.STRICT, true)).isEmpty());
    }
}
