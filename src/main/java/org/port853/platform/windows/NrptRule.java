package org.port853.platform.windows;

import java.util.List;

/** A local Name Resolution Policy Table rule ({@code Get-DnsClientNrptRule}). {@code name} is Windows' GUID. */
public record NrptRule(String name, List<String> namespaces, List<String> nameServers, String comment) {
    /** Every rule Port853 writes carries this at the start of its comment; nothing else is ever removed. */
    public static final String COMMENT_MARK = "Port853";
    public static final String COMMENT = COMMENT_MARK + ": all names to encrypted DNS ('port853 revert' removes this rule)";
    /** The rule of the fleet script, on machines without Port853. */
    public static final String FLEET_COMMENT = COMMENT_MARK + ": all names to encrypted DNS (fleet script; to undo see "
            + "its header: Remove-DnsClientNrptRule)";

    public NrptRule {
        namespaces = List.copyOf(namespaces);
        nameServers = List.copyOf(nameServers);
    }

    public boolean isPort853() {
        return comment != null && comment.startsWith(COMMENT_MARK + ":");
    }

    public boolean coversAllNames() {
        return namespaces.contains(".");
    }
}
