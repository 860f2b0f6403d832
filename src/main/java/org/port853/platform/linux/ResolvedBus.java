package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * A connection to the system bus (or {@code DBUS_SYSTEM_BUS_ADDRESS}) for talking to systemd-resolved. Every
 * call has a deadline: a hung bus must not hang the caller.
 */
final class ResolvedBus implements AutoCloseable {
    /**
     * The outcome of one lookup through resolved: {@code ifindex} is the interface the first address was
     * learned on (0 = the global servers); {@code errorName} the D-Bus error name when it failed.
     */
    record Lookup(boolean answered, int addresses, long flags, String error, int ifindex, String errorName) {
        static final String NXDOMAIN = "org.freedesktop.resolve1.DnsError.NXDOMAIN";
        static final String INVALID_ARGS = "org.freedesktop.DBus.Error.InvalidArgs";
        static final String NO_SUCH_RR = "org.freedesktop.resolve1.NoSuchResourceRecord";
        /** A reply without an address for the name. */
        static final String NO_ADDRESSES = "no addresses";
        /** resolved's reply when every attempt failed or the query timed out. */
        static final String TIMEOUT = "org.freedesktop.DBus.Error.Timeout";
        /** No reply on D-Bus within our own deadline: not a D-Bus error name, the call was given up here. */
        static final String NO_ANSWER_HERE = "org.port853.NoAnswerWithinDeadline";

        static Lookup failed(String error, String errorName) {
            return new Lookup(false, 0, 0, error, 0, errorName);
        }

        boolean confidential() {
            return answered && (flags & Resolve1.FLAG_CONFIDENTIAL) != 0;
        }

        /** A server answered that the name does not exist: the network path works. */
        boolean nameDoesNotExist() {
            return NXDOMAIN.equals(errorName);
        }

        /**
         * A server answered, whatever it said: the addresses, that the name does not exist, or that it has none of the
         * asked type. False when resolved gave up (refused, timed out, no server) or could not be asked.
         */
        boolean serverAnswered() {
            return answered || nameDoesNotExist() || NO_SUCH_RR.equals(errorName)
                    || errorName == null && NO_ADDRESSES.equals(error);
        }

        boolean timedOutHere() {
            return NO_ANSWER_HERE.equals(errorName);
        }

        /** resolved before 248 refuses the request flags of newer versions. */
        boolean rejectedFlags() {
            return INVALID_ARGS.equals(errorName);
        }
    }

    private final DBusConnection connection;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "port853-dbus-call");
        t.setDaemon(true);
        return t;
    });

    ResolvedBus(DBusConnection connection) {
        this.connection = connection;
    }

    static ResolvedBus connect() throws DBusException {
        return new ResolvedBus(org.port853.platform.LocalBus.connect(DBusConnectionBuilder.forSystemBus().withShared(false)));
    }

    boolean resolvedRunning(Duration timeout) throws IOException {
        return call(timeout, () -> connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus",
                DBus.class).NameHasOwner(Resolve1.BUS_NAME));
    }

    /** The process id of resolved's bus connection (the bus daemon knows it from the socket). */
    long resolvedPid(Duration timeout) throws IOException {
        return call(timeout, () -> connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus",
                DBus.class).GetConnectionUnixProcessID(Resolve1.BUS_NAME)).longValue();
    }

    Map<String, Variant<?>> managerProperties(Duration timeout) throws IOException {
        return properties(Resolve1.MANAGER_PATH, Resolve1.MANAGER_INTERFACE, timeout);
    }

    /** The link's properties, or null if resolved does not know the link. */
    Map<String, Variant<?>> linkProperties(int ifindex, Duration timeout) throws IOException {
        DBusPath path;
        try {
            path = call(timeout, () -> manager().GetLink(ifindex));
        } catch (IOException e) {
            if (e.getCause() instanceof DBusExecutionException) {
                return null;
            }
            throw e;
        }
        return properties(path.getPath(), Resolve1.LINK_INTERFACE, timeout);
    }

    Lookup resolveHostname(String name, Duration timeout) {
        return resolveHostname(name, 0, timeout);
    }

    /** ResolveHostname on all links with the request {@code flags} (SD_RESOLVED_*; 0 for the defaults). */
    Lookup resolveHostname(String name, long flags, Duration timeout) {
        return resolveHostname(0, name, flags, timeout);
    }

    /** ResolveHostname on link {@code ifindex} only (0: all links). */
    Lookup resolveHostname(int onLink, String name, long flags, Duration timeout) {
        try {
            Resolve1.HostnameReply<?, String, UInt64> reply = call(timeout,
                    () -> manager().ResolveHostname(onLink, name, 0, new UInt64(flags)));
            List<?> addresses = reply.addresses instanceof List<?> l ? l : List.of();
            int count = addresses.size();
            int ifindex = count > 0 ? ifindexOf(addresses.get(0)) : 0;
            return new Lookup(count > 0, count, reply.flags.longValue(), count > 0 ? null : Lookup.NO_ADDRESSES, ifindex,
                    null);
        } catch (IOException e) {
            return failedLookup(e);
        }
    }

    /** A lookup whose call failed: resolved's error (its text and D-Bus name), or our own deadline. */
    static Lookup failedLookup(IOException e) {
        if (e instanceof NoAnswerInTime late) {
            // a lookup that outlasts its deadline is waiting for DNS servers that do not answer (resolved retries for
            // longer than we wait), seldom for the bus itself
            return Lookup.failed("no answer within " + late.waited() + " (the DNS servers did not answer in time)",
                    Lookup.NO_ANSWER_HERE);
        }
        Throwable c = e.getCause() == null ? e : e.getCause();
        String errorName = c instanceof DBusExecutionException d ? errorName(d) : null;
        return Lookup.failed(c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage(), errorName);
    }

    /** The bus did not answer within the caller's deadline; the call was given up. */
    static final class NoAnswerInTime extends IOException {
        private final Duration timeout;

        NoAnswerInTime(Duration timeout, Throwable cause) {
            super("systemd-resolved did not answer on D-Bus within " + timeout.toMillis() + " ms", cause);
            this.timeout = timeout;
        }

        /** How long the call waited, in milliseconds. */
        long millis() {
            return timeout.toMillis();
        }

        /** How long the call waited: "3 s", or "100 ms" below a whole second. */
        String waited() {
            long ms = timeout.toMillis();
            return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
        }
    }

    /**
     * The D-Bus error name of a reply, where dbus-java keeps it: it throws its own classes for the standard errors
     * (org.freedesktop.DBus.Error.Timeout as org.freedesktop.dbus.errors.Timeout), ours for the errors we act on that
     * it has no class for ({@link org.freedesktop.resolve1.DnsError}, {@link org.freedesktop.dbus.errors.InvalidArgs})
     * and, in 5.2, a plain DBusExecutionException with the text only for any other (its setType does nothing).
     */
    static String errorName(DBusExecutionException e) {
        String type = e.getType() != null ? e.getType() : e.getClass().getName();
        String standard = "org.freedesktop.dbus.errors.";
        return type.startsWith(standard) ? "org.freedesktop.DBus.Error." + type.substring(standard.length())
                : type.replace('$', '.'); // a nested error class, e.g. org.freedesktop.resolve1.DnsError$NXDOMAIN
    }

    /** The struct (iiay) arrives as AddressEntry or, depending on dbus-java's conversion, as Object[]. */
    private static int ifindexOf(Object entry) {
        if (entry instanceof Resolve1.AddressEntry a) {
            return a.ifindex;
        }
        if (entry instanceof Object[] fields && fields.length > 0 && fields[0] instanceof Number n) {
            return n.intValue();
        }
        return 0;
    }

    private Resolve1.Manager manager() throws DBusException {
        return connection.getRemoteObject(Resolve1.BUS_NAME, Resolve1.MANAGER_PATH, Resolve1.Manager.class);
    }

    private Map<String, Variant<?>> properties(String path, String iface, Duration timeout) throws IOException {
        return call(timeout, () -> connection.getRemoteObject(Resolve1.BUS_NAME, path, Properties.class).GetAll(iface));
    }

    interface BusCall<T> {
        T call() throws Exception;
    }

    <T> T call(Duration timeout, BusCall<T> c) throws IOException {
        Future<T> f = calls.submit(c::call);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new NoAnswerInTime(timeout, e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
        try {
            connection.close();
        } catch (IOException e) {
            // closing a bus connection we are done with: nothing left to do
        }
    }
}
