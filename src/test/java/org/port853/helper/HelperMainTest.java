package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The helper's one argument is the action exactly as the polkit policy names it (pkexec matches argv[1] so). */
class HelperMainTest {
    @ParameterizedTest
    @ValueSource(strings = {"APPLY", "Revert", "format-disk", ""})
    void anActionNotSpeltAsThePolicySpellsItIsRefused(String action) throws Exception {
        HelperMain.Response r = HelperMain.run(new String[] {action},
                new ByteArrayInputStream("{\"version\":1,\"action\":\"apply\"}".getBytes()));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().startsWith("port853-helper: refused: unknown action"), r.stderr());
    }
}
