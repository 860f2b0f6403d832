package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.freedesktop.dbus.errors.Timeout;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.junit.jupiter.api.Test;

/** The D-Bus error names of resolved's replies, as dbus-java hands them over. */
class ResolvedBusErrorsTest {
    @Test
    void aStandardErrorKeepsItsDbusName() {
        // resolved answers "All attempts to contact name servers or networks failed" with this error
        assertEquals(ResolvedBus.Lookup.TIMEOUT, ResolvedBus.errorName(new Timeout("All attempts ...")));
    }

    @Test
    void anErrorDbusJavaHasNoClassForIsNotTakenForATimeout() {
        // dbus-java 5.2 keeps neither the name nor a class of resolved's own errors (NXDOMAIN, ...): only the text
        DBusExecutionException nx = new DBusExecutionException("Name 'corp.test' not found");
        assertNotEquals(ResolvedBus.Lookup.TIMEOUT, ResolvedBus.errorName(nx));
    }
}
