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

    /** How a rule of your own keeps a company's names on its internal servers (see {@link #companyNames()}). */
    static final String COMPANY_NAMES_EXAMPLE = "Add-DnsClientNrptRule -Namespace '.corp.example' -NameServers 10.0.0.53";
    static final String COMPANY_NAMES = "names under a company's own DNS suffix (an Active Directory domain, a suffix "
            + "DHCP or a VPN connection hands out) go to these servers too, unless an NRPT rule for that suffix exists "
            + "(the most specific rule wins): they no longer reach the internal DNS servers, so they stop resolving, "
            + "and the servers' operator sees them; where they are needed, add an NRPT rule of your own for each "
            + "suffix (a rule whose comment does not start with 'Port853:' is never changed), e.g.";

    public NrptRule {
        namespaces = List.copyOf(namespaces);
        nameServers = List.copyOf(nameServers);
    }

    public boolean isPort853() {
        return comment != null && comment.startsWith(COMMENT_MARK + ":");
    }

    /**
     * What the rule for "." does to a company's own names, which Port853 cannot see (it reads no DNS suffixes): the
     * DNS client takes the most specific NRPT rule, and the adapters' internal servers are replaced too.
     */
    static org.port853.core.Sentence companyNames() {
        return org.port853.core.Sentence.of(COMPANY_NAMES + " " + COMPANY_NAMES_EXAMPLE, "plan.windows-company-names",
                COMPANY_NAMES_EXAMPLE);
    }

    /** Written by the fleet script (the export), not by the app: it has no journal of Port853's behind it. */
    public boolean isFleetScripts() {
        return FLEET_COMMENT.equals(comment);
    }

    public boolean coversAllNames() {
        return namespaces.contains(".");
    }
}
