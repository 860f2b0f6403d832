package org.port853.platform.windows;

import java.io.IOException;
import java.text.Normalizer;
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
 * yes/no values in an entry (auto-upgrade, then UDP fallback, as in Microsoft's netsh reference). A yes/no word it
 * does not know is read as {@link YesNo#unrecognised} in its place, never skipped: skipping one moved the next into its
 * place (auto-upgrade "no" and UDP fallback "yes" read as strict). Nor is it an error: reading must not fail where
 * Port853 only needs to take back what it wrote itself.
 */
public final class NetshText {
    /**
     * The yes and no of the languages Windows 11 ships (Microsoft's list of language packs, Hindi's interface pack
     * included), lower case and composed (NFC); {@code enabled}/{@code true} and their opposites as some builds print.
     */
    private static final Set<String> YES = Set.of("yes", "ja", "oui", "sí", "sì", "si", "sim", "はい", "是", "예", "да",
            "tak", "так", "ano", "áno", "igen", "jah", "kyllä", "taip", "jā", "evet", "ναι", "نعم", "כן", "ใช่", "हाँ",
            "enabled", "true");
    private static final Set<String> NO = Set.of("no", "nein", "non", "não", "nao", "いいえ", "否", "아니요", "아니오", "нет",
            "nie", "nee", "nej", "nei", "ne", "не", "ні", "nem", "ei", "nē", "nu", "hayır", "όχι", "لا", "לא", "ไม่",
            "नहीं", "disabled", "false");
    private static final Pattern LINE = Pattern.compile("^\\s*(.+?)\\s+:\\s*(.*?)\\s*$");
    private static final Pattern ADDRESS = Pattern.compile("(?<![0-9A-Za-z:.])([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?![0-9A-Za-z:.])");
    private static final Pattern HOST_PORT = Pattern.compile("^([A-Za-z0-9.-]*):([0-9]{1,5})$");
    /**
     * A value that is one word of letters: a yes or no in the language of Windows (not a number, URL or host). With
     * combining marks, which Thai and Hindi words have (ใช่, हाँ): letters alone would miss them.
     */
    private static final Pattern WORD = Pattern.compile("^[\\p{L}\\p{M}]+$");

    /** The global DoT switch: {@code available} = this build knows DoT at all. */
    public record GlobalDot(boolean available, YesNo enabled) {
        static final GlobalDot UNAVAILABLE = new GlobalDot(false, YesNo.NO);
    }

    private NetshText() {
    }

    public static GlobalDot global(String text) {
        for (String line : text.lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(1).equals("DoT")) {
                return new GlobalDot(true, yesOrNo(m.group(2)));
            }
        }
        return GlobalDot.UNAVAILABLE;
    }

    /** The DoT entries (a block with a {@code host:port} value); DoH entries come from the cmdlet instead. */
    public static List<EncryptionEntry> dotEntries(String text) throws IOException {
        List<EncryptionEntry> out = new ArrayList<>();
        String server = null;
        String host = null;
        List<String> flags = new ArrayList<>();
        for (String line : (text + "\n\n").lines().toList()) {
            Matcher kv = LINE.matcher(line);
            String value = kv.matches() ? kv.group(2) : "";
            if (kv.matches() && !value.isEmpty() && server != null) {
                Matcher hp = HOST_PORT.matcher(value);
                if (hp.matches() && !value.startsWith("http")) {
                    host = value;
                } else if (WORD.matcher(value).matches()) {
                    flags.add(value);
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

    private static EncryptionEntry entry(String server, String host, List<String> flags) throws IOException {
        if (flags.size() < 2) {
            throw new IOException(SHOW_ENCRYPTION + " printed no auto-upgrade and UDP fallback for " + server);
        }
        return new EncryptionEntry(server, EncryptionEntry.Protocol.DOT, null, host, yesOrNo(flags.get(0)),
                yesOrNo(flags.get(1)));
    }

    private static final String SHOW_ENCRYPTION = "netsh dnsclient show encryption";

    private static YesNo yesOrNo(String word) {
        return yes(word) ? YesNo.YES : no(word) ? YesNo.NO : YesNo.unrecognised(word);
    }

    static boolean yes(String v) {
        return YES.contains(comparable(v));
    }

    static boolean no(String v) {
        return NO.contains(comparable(v));
    }

    /** A word as the lists hold it: an accent typed as a combining mark ("si" + U+0300) is the composed "sì". */
    private static String comparable(String v) {
        return Normalizer.normalize(v.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
