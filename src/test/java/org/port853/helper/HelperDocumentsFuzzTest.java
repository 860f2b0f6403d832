package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.port853.core.InvalidInputException;

/**
 * Fuzzes the privileged helper's document parser. Under plain {@code mvn test} only the seeds in
 * {@code src/test/resources/org/port853/helper/HelperDocumentsFuzzTestInputs/parse/} run; set
 * {@code JAZZER_FUZZ=1} to fuzz (see the class's README note in the test report / docs).
 */
class HelperDocumentsFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parse(byte[] document) {
        HelperRequest request;
        try {
            request = HelperDocuments.parse(document);
        } catch (InvalidInputException refused) {
            String m = refused.getMessage();
            assertFalse(m == null || m.isBlank() || m.contains("\n") || m.contains("\r"),
                    "a refusal must be one line: " + m);
            return;
        }
        // Anything accepted must survive write -> parse unchanged, and the written form must be accepted.
        byte[] written = HelperDocuments.write(request);
        assertEquals(request, HelperDocuments.parse(written));
        assertEquals(new String(written, java.nio.charset.StandardCharsets.UTF_8),
                new String(HelperDocuments.write(HelperDocuments.parse(written)), java.nio.charset.StandardCharsets.UTF_8),
                "write is deterministic");
    }
}
