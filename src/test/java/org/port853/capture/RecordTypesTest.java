package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class RecordTypesTest {
    @Test
    void everyTypeIsNamedAsDnsjavaNamesIt() {
        for (int t = 0; t <= 0xffff; t++) {
            assertEquals(Type.string(t), RecordTypes.name(t), "type " + t);
        }
    }
}
