package org.port853.platform.linux;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.types.Variant;
import org.port853.core.DomainEntry;
import org.port853.core.IpAddresses;
import org.port853.core.InvalidInputException;
import org.port853.core.ServerAddress;

/**
 * Converts resolved's D-Bus property values into core types. dbus-java hands struct-typed property values
 * over as {@code Object[]} (sometimes as a Struct or List) and {@code ay} as {@code List<Byte>} or
 * {@code byte[]}; this class accepts all of those.
 */
final class BusValues {
    private BusValues() {
    }

    static Object value(Map<String, Variant<?>> props, String key) {
        Variant<?> v = props.get(key);
        return v == null ? null : v.getValue();
    }

    /**
     * The {@code Ex} form of a server property (with port and server name, 246+), or the plain form that older
     * versions have ({@code DNS a(iiay)}, {@code CurrentDNSServer (iiay)}): {@link #servers} reads both.
     */
    static Object exOrPlain(Map<String, Variant<?>> props, String plainKey) {
        Object ex = value(props, plainKey + "Ex");
        return ex != null ? ex : value(props, plainKey);
    }

    static String string(Map<String, Variant<?>> props, String key) {
        Object v = value(props, key);
        return v == null ? "" : v.toString();
    }

    static boolean bool(Map<String, Variant<?>> props, String key) {
        return value(props, key) instanceof Boolean b && b;
    }

    /** Servers from {@code a(iiayqs)} (manager, with ifindex) or {@code a(iayqs)} (link). */
    static List<ServerAddress> servers(Object value, boolean withIfindex, boolean globalOnly) {
        List<ServerAddress> out = new ArrayList<>();
        for (Object item : list(value)) {
            List<Object> f = fields(item);
            if (withIfindex && globalOnly && number(f.get(0)) != 0) {
                continue;
            }
            ServerAddress s = server(f, withIfindex ? 1 : 0);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** One server from {@code (iiayqs)} or {@code (iayqs)}; null when empty (no current server yet). */
    static ServerAddress server(Object value, boolean withIfindex) {
        if (value == null) {
            return null;
        }
        return server(fields(value), withIfindex ? 1 : 0);
    }

    private static ServerAddress server(List<Object> f, int familyAt) {
        if (f.size() < familyAt + 2) {
            return null;
        }
        byte[] raw = bytes(f.get(familyAt + 1));
        if (raw.length == 0) {
            return null;
        }
        int port = f.size() > familyAt + 2 ? number(f.get(familyAt + 2)) : 0;
        String name = f.size() > familyAt + 3 && f.get(familyAt + 3) != null ? f.get(familyAt + 3).toString() : null;
        try {
            InetAddress a = IpAddresses.fromBytes(raw);
            return ServerAddress.reported(a, port, name);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** Domains from {@code a(isb)} (manager) or {@code a(sb)} (link). */
    static List<DomainEntry> domains(Object value, boolean withIfindex, boolean globalOnly) {
        List<DomainEntry> out = new ArrayList<>();
        for (Object item : list(value)) {
            List<Object> f = fields(item);
            int at = withIfindex ? 1 : 0;
            if (f.size() < at + 2 || withIfindex && globalOnly && number(f.get(0)) != 0) {
                continue;
            }
            out.add(new DomainEntry(f.get(at).toString(), Boolean.TRUE.equals(f.get(at + 1))));
        }
        return out;
    }

    private static List<?> list(Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        if (value instanceof Object[] a) {
            return List.of(a);
        }
        return List.of();
    }

    private static List<Object> fields(Object struct) {
        if (struct instanceof Object[] a) {
            return java.util.Arrays.asList(a);
        }
        if (struct instanceof Struct s) {
            return java.util.Arrays.asList(s.getParameters());
        }
        if (struct instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    private static byte[] bytes(Object o) {
        if (o instanceof byte[] b) {
            return b;
        }
        List<?> l = list(o);
        byte[] out = new byte[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).byteValue();
        }
        return out;
    }
}
