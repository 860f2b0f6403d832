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

    /**
     * What {@code port853 harden} would do (apply, or {@code revert}), in the order the helper does it.
     * @param fileExists whether {@link #FILE} is there now (a revert removes only what is there)
     */
    public static java.util.List<String> plannedActions(boolean revert, boolean fileExists) {
        if (revert) {
            return fileExists ? java.util.List.of("nft delete table inet " + TABLE, "remove " + FILE)
                    : java.util.List.of("nft delete table inet " + TABLE + " (if it is loaded; " + FILE
                            + " is not there)");
        }
        return java.util.List.of("write " + FILE, "load: nft -f " + FILE + " (one atomic batch)",
                "check: table inet " + TABLE + " drops udp and tcp 53 on non-loopback interfaces; any failure "
                        + "rolls back");
    }

    /** Why a loaded table may not come back after a reboot. */
    public static final String PERSISTENCE = "The table lasts until reboot unless the file nftables.service loads at "
            + "boot (/etc/nftables.conf; /etc/sysconfig/nftables.conf on Fedora and RHEL) includes /etc/nftables.d/*.nft "
            + "and that service is enabled (sudo systemctl enable nftables); harden says which of them is missing.";

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
