package org.port853.platform.windows;

/** HKEY_LOCAL_MACHINE paths Port853 reads (never writes). */
final class RegistryPaths {
    static final String CURRENT_VERSION = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    /** Per-interface IPv4 settings: {@code NameServer} (static, comma separated), {@code DhcpNameServer}. */
    static final String TCPIP_INTERFACES = "SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Interfaces\\";
    /** Per-interface IPv6 settings: {@code NameServer} (static). */
    static final String TCPIP6_INTERFACES = "SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters\\Interfaces\\";
    /** "Configure encrypted name resolution" policy: DoHPolicy, DohPolicySetting, DotPolicySetting. */
    static final String DNS_CLIENT_POLICY = "SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient";
    /** If this key exists (even empty), Windows ignores all local NRPT rules. */
    static final String GROUP_POLICY_NRPT = DNS_CLIENT_POLICY + "\\DnsPolicyConfig";

    private RegistryPaths() {
    }
}
