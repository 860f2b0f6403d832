package org.port853.probe.doctor;

/**
 * The hardening rule: drop DNS (53/udp, 53/tcp) arriving on any interface but loopback. One nftables table,
 * {@code inet port853}, in one file; reversible by deleting the table and the file.
 */
public final class Hardening {
    public static final String TABLE = "port853";
    public static final String FILE = "/etc/nftables.d/port853-harden-dns.nft";

    private Hardening() {
    }

    public static String ruleset() {
        return "# Port853: drop DNS queries arriving from the network (port 53 stays usable on loopback)\n"
                + "table inet " + TABLE + " {\n"
                + "    chain input {\n"
                + "        type filter hook input priority filter; policy accept;\n"
                + "        iifname != \"lo\" udp dport 53 drop\n"
                + "        iifname != \"lo\" tcp dport 53 drop\n"
                + "    }\n"
                + "}\n";
    }

    /** What applying does, for the preview. */
    public static String preview() {
        return "write " + FILE + ":\n" + ruleset() + "run: nft -f " + FILE + "\nundo: nft delete table inet " + TABLE
                + " && rm " + FILE;
    }

    /** Does {@code nft -j list ruleset} output hold our table with a drop on port 53? */
    public static boolean present(String nftJson) {
        return nftJson != null && nftJson.contains("\"table\": \"" + TABLE + "\"") || nftJson != null
                && nftJson.contains("\"table\":\"" + TABLE + "\"");
    }

    /** Does any input-hook chain drop by default (so inbound 53 is closed unless allowed)? */
    public static boolean inputPolicyDrop(String nftJson) {
        return nftJson != null && nftJson.matches("(?s).*\"hook\":\\s*\"input\"[^}]*\"policy\":\\s*\"drop\".*");
    }
}
