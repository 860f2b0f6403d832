package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void noSuchNameKeepsItsName() {
        // dbus-java finds the class by the error's name; the health check on 247 counts "no such name" as answered
        ResolvedBus.Lookup l = ResolvedBus.Lookup.failed("Name 'x.example.com' not found",
                ResolvedBus.errorName(new org.freedesktop.resolve1.DnsError.NXDOMAIN("Name 'x.example.com' not found")));
        assertEquals(ResolvedBus.Lookup.NXDOMAIN, l.errorName());
        assertTrue(l.nameDoesNotExist());
    }

    @Test
    void dbusJavaLooksTheErrorClassUpByItsName() throws Exception {
        // what org.freedesktop.dbus.messages.Error does: the name, then the last '.' as '$' for a nested class
        assertEquals(org.freedesktop.resolve1.DnsError.NXDOMAIN.class,
                Class.forName("org.freedesktop.resolve1.DnsError$NXDOMAIN"));
    }

    @Test
    void invalidArgsKeepsItsNameSoOldFlagsAreRecognised() throws Exception {
        // resolved before 248 refuses newer request flags with InvalidArgs; dbus-java 5.2 has no class of its own for it
        java.lang.reflect.Method lookUp = org.freedesktop.dbus.messages.Error.class
                .getDeclaredMethod("createExceptionClass", String.class);
        lookUp.setAccessible(true);
        Class<?> found = (Class<?>) lookUp.invoke(null, ResolvedBus.Lookup.INVALID_ARGS);
        org.junit.jupiter.api.Assertions.assertNotNull(found, "without a class, dbus-java keeps only the reply's text");
        assertEquals(org.freedesktop.resolve1.DnsError.NXDOMAIN.class,
                lookUp.invoke(null, ResolvedBus.Lookup.NXDOMAIN), "and resolved's own NXDOMAIN, the same way");

        DBusExecutionException reply = (DBusExecutionException) found.getConstructor(String.class)
                .newInstance("Invalid flags field");
        assertEquals(ResolvedBus.Lookup.INVALID_ARGS, ResolvedBus.errorName(reply));
        assertTrue(ResolvedBus.failedLookup(new java.io.IOException(reply)).rejectedFlags());
    }

    @Test
    void anErrorDbusJavaHasNoClassForIsNotTakenForATimeout() {
        // dbus-java 5.2 keeps neither the name nor a class of resolved's own errors (NXDOMAIN, ...): only the text
        DBusExecutionException nx = new DBusExecutionException("Name 'corp.test' not found");
        assertNotEquals(ResolvedBus.Lookup.TIMEOUT, ResolvedBus.errorName(nx));
    }

    @Test
    void aCallGivenUpAtOurDeadlineIsNoAnswerNotAReply() throws Exception {
        // a hung bus: the call is given up at the caller's deadline (the connection is never used by this call)
        ResolvedBus bus = new ResolvedBus(null);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> bus.call(java.time.Duration.ofMillis(100), () -> {
                    Thread.sleep(10_000);
                    return null;
                }));
        ResolvedBus.Lookup l = ResolvedBus.failedLookup(e);
        assertTrue(l.timedOutHere(), l.toString());
        assertEquals("no answer within 100 ms (the DNS servers did not answer in time)", l.error());
        // resolved's own reply with an error text is not taken for it
        ResolvedBus.Lookup replied = ResolvedBus.failedLookup(new java.io.IOException("x",
                new DBusExecutionException("systemd-resolved did not answer on D-Bus within 100 ms")));
        org.junit.jupiter.api.Assertions.assertFalse(replied.timedOutHere());
    }
}
