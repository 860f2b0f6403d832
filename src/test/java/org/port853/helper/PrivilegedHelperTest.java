package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.port853.platform.linux.FileItemStore;
import org.port853.platform.linux.LinuxPaths;

/**
 * Only bad documents here: a valid one would really change this machine's resolver (the helper is built
 * from the real system paths). Valid documents are covered by the integration tests.
 */
@DisplayName("PrivilegedHelper.handle refuses bad documents with exit 2, one line, nothing written")
class PrivilegedHelperTest {
    private List<Object> before;

    @BeforeEach
    void remember() throws IOException {
        before = snapshotOrDescribe();
    }

    @AfterEach
    void nothingWritten() throws IOException {
        assertEquals(before, snapshotOrDescribe(), "the helper must not touch any file for a refused document");
    }

    private static List<Object> snapshotOrDescribe() throws IOException {
        LinuxPaths p = LinuxPaths.system();
        List<Object> out = new ArrayList<>();
        for (Path f : List.of(p.ourDropIn(), p.resolvConf(), p.stateDir().resolve("journal.json"),
                p.stateDir().resolve("pending.json"), p.stateDir().resolve("lock"))) {
            out.add(FileItemStore.read(f));
        }
        out.add(p.stateDir() + (java.nio.file.Files.exists(p.stateDir()) ? " exists" : " is absent"));
        return out;
    }

    static Stream<Arguments> badDocuments() {
        return HelperDocumentsTest.refusals();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void refusedWithExitTwo(String what, String doc) {
        assertRefused(handleRefusable(doc.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void binaryGarbage() {
        assertRefused(handleRefusable(new byte[]{(byte) 0xff, (byte) 0xfe, 0, 0x7b, 0x22}));
        assertRefused(handleRefusable(new byte[0]));
    }

    @Test
    @DisplayName("an unknown mode is refused with exit 2 (not an exception out of handle)")
    void unknownMode() {
        assertRefused(handleRefusable(HelperDocumentsTest.applyWith(
                "\"servers\":[\"9.9.9.9#dns.quad9.net\"],\"mode\":\"bogus\"").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("an unknown DNSSEC value is refused with exit 2 (not an exception out of handle)")
    void unknownDnssec() {
        assertRefused(handleRefusable(HelperDocumentsTest.applyWith(
                "\"servers\":[\"9.9.9.9#dns.quad9.net\"],\"mode\":\"strict\",\"dnssec\":\"maybe\"")
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Safety: never hand the helper a document it would accept, since that would change this machine. */
    static PrivilegedHelper.Response handleRefusable(byte[] doc) {
        assertThrows(IllegalArgumentException.class, () -> HelperDocuments.parse(doc),
                "test bug: this document is accepted and would really run on this machine");
        return PrivilegedHelper.handle(doc);
    }

    static void assertRefused(PrivilegedHelper.Response r) {
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().startsWith("port853-helper: refused: "), r.stderr());
        assertTrue(r.stderr().endsWith("\n"));
        assertEquals(1, r.stderr().lines().count(), "one line: " + r.stderr());
        assertFalse(r.stderr().strip().isEmpty());
    }
}
