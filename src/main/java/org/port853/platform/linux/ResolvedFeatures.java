package org.port853.platform.linux;

/**
 * What systemd-resolved of a given version can do (systemd NEWS, resolved-def.h): the one place for the
 * adapter's version thresholds. {@code version} 0 means unknown; then the adapter assumes a current release
 * and falls back when resolved refuses (see {@link ResolvedHealthCheck}).
 */
public record ResolvedFeatures(int version) {
    /**
     * DNSOverTLS= where no file sets it, as upstream builds systemd-resolved (its build option default-dns-over-tls):
     * "no" from 239, where the key arrived, on (Debian's 257 ships resolved.conf with "#DNSOverTLS=no"); before 239
     * there is no DNS-over-TLS at all.
     */
    static final String BUILT_IN_DNS_OVER_TLS = "no";
    /** DNSOverTLS= arrived in 239. */
    public static final int FIRST_DOT = 239;
    /** The server syntax ADDR[:PORT][%IFACE][#NAME] and the certificate-name check arrived in 246. */
    public static final int FIRST_SERVER_NAME = 246;
    /**
     * The lookup flags arrived in 248: the request flags NO_SYNTHESIZE, NO_CACHE, NO_ZONE, NO_TRUST_ANCHOR,
     * NO_NETWORK and the reply flags CONFIDENTIAL, SYNTHETIC, FROM_CACHE, FROM_ZONE, FROM_TRUST_ANCHOR,
     * FROM_NETWORK. 247 rejects the request flags ("Invalid flags parameter") and replies with flags 0x1.
     */
    public static final int FIRST_TRANSPORT_FLAGS = 248;
    /** From 256 the unit is Type=notify-reload: reload (SIGHUP) makes the running process read its files again. */
    public static final int FIRST_RELOAD = 256;
    /**
     * From here resolved opens every configuration file before it parses one, and a drop-in it cannot open makes it
     * ignore them all, resolved.conf included, wherever that drop-in sorts: seen on 257 and 262; 252 keeps the files
     * before it. 253 to 256 were not checked and are taken to do the same, which at worst refuses a change needlessly.
     */
    public static final int FIRST_OPEN_ALL_FIRST = 253;
    /**
     * From here a directory named *.conf among the drop-ins makes resolved ignore every file too ("Failed to open …: Is
     * a directory"), wherever it sorts: seen on 262; 257 stops at it as 252 does. A named pipe likewise ("File descriptor
     * in bad state", seen on 262), where 247, 252 and 257 wait on it at start and never come up; and a main resolved.conf
     * that is a pipe (seen on 262; 252 and 257 wait on it). 258 to 261 were not checked and are taken to do the same,
     * which at worst refuses a change needlessly.
     */
    public static final int FIRST_DIRECTORY_HIDES_ALL = 258;
    /**
     * From here the main resolved.conf is the first found in /etc/systemd, /run/systemd, /usr/local/lib/systemd and
     * /usr/lib/systemd (config_parse_standard_file_with_dropins, the same rework as {@link #FIRST_OPEN_ALL_FIRST}):
     * 257's and 262's resolved search them; 252's reads /etc/systemd/resolved.conf only, as 247's does.
     */
    public static final int FIRST_MAIN_FILE_SEARCH = 253;

    public boolean known() {
        return version > 0;
    }

    public boolean dnsOverTls() {
        return !known() || version >= FIRST_DOT;
    }

    /** Servers may carry {@code :port} and {@code #name}, and strict mode checks the certificate's name. */
    public boolean serverNames() {
        return !known() || version >= FIRST_SERVER_NAME;
    }

    /** Replies say where an answer came from and whether it travelled encrypted. */
    public boolean transportFlags() {
        return !known() || version >= FIRST_TRANSPORT_FLAGS;
    }

    public boolean reloadsInPlace() {
        return known() && version >= FIRST_RELOAD;
    }

    /** A drop-in resolved cannot open hides all the others, not only the ones after it. */
    public boolean opensAllFilesFirst() {
        return !known() || version >= FIRST_OPEN_ALL_FIRST;
    }

    /**
     * A directory or a named pipe named like a drop-in, or a main resolved.conf that is a pipe, hides all the settings
     * files (resolved opens only files); before, it stops at a directory and waits on a pipe.
     */
    public boolean notAFileHidesAll() {
        return !known() || version >= FIRST_DIRECTORY_HIDES_ALL;
    }

    /** The main resolved.conf may be outside /etc ({@link #FIRST_MAIN_FILE_SEARCH}). */
    public boolean searchesMainFile() {
        return !known() || version >= FIRST_MAIN_FILE_SEARCH;
    }

    /** The systemctl verb that makes resolved read a changed drop-in. */
    public String reloadVerb() {
        return reloadsInPlace() ? "reload-or-restart" : "restart";
    }

    /**
     * Request flags for a health-check lookup: answered neither from the cache, nor from synthesized records
     * (/etc/hosts, the local host name), nor from local zones or trust anchors; NO_NETWORK stays off.
     * 0 before 248, which refuses these bits.
     */
    public long probeRequestFlags() {
        return transportFlags() ? Resolve1.NO_SYNTHESIZE | Resolve1.NO_CACHE | Resolve1.NO_ZONE
                | Resolve1.NO_TRUST_ANCHOR : 0;
    }
}
