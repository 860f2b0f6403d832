package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreesTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheSameTreeAsAnObjectMapper() throws Exception {
        String doc = "{\"providers\":[{\"id\":\"q\",\"ipv4\":[\"198.18.0.1\"],\"n\":1,\"big\":12345678901,"
                + "\"huge\":123456789012345678901234567890,\"f\":1.5,\"t\":true,\"no\":false,\"z\":null,"
                + "\"nested\":{\"a\":[[],{}],\"b\":\"\u00e4\\u00df\"}}],\"empty\":[]}";
        assertEquals(new ObjectMapper().readTree(doc), JsonTrees.read(utf8(doc)));
        assertEquals(new ObjectMapper().readTree("[1, \"x\"]"), JsonTrees.read(utf8("[1, \"x\"]")));
        assertEquals(new ObjectMapper().readTree("\"x\""), JsonTrees.read(utf8("\"x\"")));
    }

    @Test
    void emptyDocumentIsMissing() throws Exception {
        assertTrue(JsonTrees.read(new byte[0]).isMissingNode());
        assertTrue(JsonTrees.read(utf8("  \n")).isMissingNode());
    }

    @Test
    void badDocumentsAreErrorsWithTheirPlace() {
        for (String bad : new String[] {"{\"a\":1,\"a\":2}", "{\"a\":[1,2}", "[1,", "{\"a\" 1}", "nul"}) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JsonTrees.read(utf8(bad)), bad);
            assertTrue(e.getLocation().getLineNr() >= 1, bad);
        }
    }

    @Test
    void aKeyTwiceSaysTheKeyItsLineAndThePathToItsObject() {
        JsonTrees.DuplicateKey e = assertThrows(JsonTrees.DuplicateKey.class, () -> JsonTrees.read(utf8(
                "{\"providers\": [{\"a\": 1},\n {\"b\": {\"c\": []},\n  \"b\": {}}]}")));
        assertEquals("b", e.key());
        assertEquals(java.util.List.of("providers", 1), e.path());
        assertEquals(3, e.getLocation().getLineNr());
        e = assertThrows(JsonTrees.DuplicateKey.class, () -> JsonTrees.read(utf8("[{\"x\": {\"k\": 1, \"k\": [2]}}]")));
        assertEquals(java.util.List.of(0, "x"), e.path());
        assertEquals(java.util.List.of(), assertThrows(JsonTrees.DuplicateKey.class,
                () -> JsonTrees.read(utf8("{\"v\": 1, \"v\": 1}"))).path());
    }

    @Test
    void deepNestingNeedsNoRecursion() throws Exception {
        String doc = "[".repeat(900) + "]".repeat(900);
        assertEquals(900, depth(JsonTrees.read(utf8(doc))));
    }

    private static int depth(com.fasterxml.jackson.databind.JsonNode n) {
        int d = 0;
        while (n != null && n.isArray()) {
            d++;
            n = n.size() == 0 ? null : n.get(0);
        }
        return d;
    }
}
