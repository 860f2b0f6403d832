package org.port853.platform.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code netsh dnsclient show global} and {@code show encryption}, the only source for DoT (there is no
 * cmdlet). netsh labels and yes/no words are localized, so the parser relies on what does not change: the
 * protocol acronyms (DoT, DoH), IP addresses, URLs and {@code host:port} values, and the order of the two
 * yes/no values in an entry (auto-upgrade, then UDP fallback, as in Microsoft's netsh reference).
 */
public final class NetshText {
    private static final Set<String> YES = Set.of("yes", "ja", "oui", "sí", "si", "sim", "はい", "是", "예", "да", "tak",
            "enabled", "true");
    private static final Set<String> NO = Set.of("no", "nein", "non", "não", "nao", "いいえ", "否", "아니요", "нет", "nie",
            "disabled", "false");
    private static final Pattern LINE = Pattern.compile("^\\s*(.+?)\\s+:\\s*(.*?)\\s*$");
    private static final Pattern ADDRESS = Pattern.compile("(?<![0-9A-Za-z:.])([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?![0-9A-Za-z:.])");
    private static final Pattern HOST_PORT = Pattern.compile("^([A-Za-z0-9.-]*):([0-9]{1,5})$");

    /** The global DoT switch: {@code available} = this build knows DoT at all. */
    public record GlobalDot(boolean available, boolean enabled) {
    }

    private NetshText() {
    }

    public static GlobalDot global(String text) {
        for (String line : text.lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(1).equals("DoT")) {
                return new GlobalDot(true, yes(m.group(2)));
            }
        }
        return new GlobalDot(false, false);
    }

    /** The DoT entries (a block with a {@code host:port} value); DoH entries come from the cmdlet instead. */
    public static List<EncryptionEntry> dotEntries(String text) {
        List<EncryptionEntry> out = new ArrayList<>();
        String server = null;
        String host = null;
        List<Boolean> flags = new ArrayList<>();
        for (String line : (text + "\n\n").lines().toList()) {
            Matcher kv = LINE.matcher(line);
            String value = kv.matches() ? kv.group(2) : "";
            if (kv.matches() && !value.isEmpty() && server != null) {
                Matcher hp = HOST_PORT.matcher(value);
                if (hp.matches() && !value.startsWith("http")) {
                    host = value;
                } else if (yes(value) || no(value)) {
                    flags.add(yes(value));
                }
                continue;
            }
            if (kv.matches() || line.isBlank() || line.chars().allMatch(c -> c == '-')) {
                continue;
            }
            Matcher a = ADDRESS.matcher(line.trim());
            if (a.find() && org.port853.core.IpAddresses.isAddress(a.group(1))) {
                if (server != null && host != null) {
                    out.add(entry(server, host, flags));
                }
                server = a.group(1).toLowerCase(Locale.ROOT);
                host = null;
                flags = new ArrayList<>();
            }
        }
        if (server != null && host != null) {
            out.add(entry(server, host, flags));
        }
        return out;
    }

    private static EncryptionEntry entry(String server, String host, List<Boolean> flags) {
        boolean autoUpgrade = !flags.isEmpty() && flags.get(0);
        boolean udpFallback = flags.size() > 1 && flags.get(1);
        return new EncryptionEntry(server, EncryptionEntry.Protocol.DOT, null, host, autoUpgrade, udpFallback);
    }

    static boolean yes(String v) {
        return YES.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    static boolean no(String v) {
        return NO.contains(v.trim().toLowerCase(Locale.ROOT));
    }
}
