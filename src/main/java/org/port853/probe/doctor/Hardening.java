package org.port853.probe.doctor;

import org.port853.helper.PortHardening;

/**
 * The hardening rule: drop DNS (53/udp, 53/tcp) arriving on any interface but loopback. One nftables table,
 * {@code inet port853}, in one file; reversible by deleting the table and the file.
 */
public final class Hardening {
    public static final String TABLE = PortHardening.TABLE;
    public static final String FILE = PortHardening.SYSTEM_FILE.toString();

    private Hardening() {
    }

    public static String ruleset() {
        return PortHardening.ruleset();
    }

    /** What applying does, for the preview. */
    public static String preview() {
        return "write " + FILE + ":\n" + ruleset() + "load: nft -f " + FILE + " (one atomic batch), then check the table "
                + "is live; any failure rolls back.\nundo: port853 harden --revert (nft delete table inet " + TABLE + ", remove "
                + "the file).\nThe table lasts until reboot unless /etc/nftables.conf includes /etc/nftables.d/*.nft.";
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
