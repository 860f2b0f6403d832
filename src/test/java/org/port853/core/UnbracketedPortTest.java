package org.port853.core;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnbracketedPortTest {
    @Test
    void aLastGroupThatIsADnsPortGetsBrackets() {
        assertEquals(Optional.of("[2001:db8::1]:853#x.example"), UnbracketedPort.bracketed("2001:db8::1:853#x.example"));
        assertEquals(Optional.of("[2001:db8::1]:53"), UnbracketedPort.bracketed("2001:db8::1:53"));
    }

    @Test
    void otherServersAreLeftAlone() {
        for (String s : new String[]{"2001:db8::1#x.example", "[2001:db8::1]:853#x.example", "2001:db8::1:8530",
                "2001:db8::1:1234", "198.51.100.1:853#x.example", "2001:db8::853"}) {
            assertEquals(Optional.empty(), UnbracketedPort.bracketed(s), s);
        }
    }

    @Test
    void whatItWasMeantAs() {
        assertEquals(Optional.of(new UnbracketedPort.Meant("2001:db8::1", "853", "#x.example")),
                UnbracketedPort.meant("2001:db8::1:853#x.example"));
    }
}
