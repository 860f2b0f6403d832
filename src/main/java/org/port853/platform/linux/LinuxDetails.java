package org.port853.platform.linux;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.port853.core.DropIn;
import org.port853.core.PlatformDetails;
import org.port853.core.ResolvConfState;

/** What only a Linux system with systemd-resolved has: its systemd version, /etc/resolv.conf, the drop-ins. */
public record LinuxDetails(int systemdVersion, ResolvConfState resolvConf, List<DropIn> dropIns)
        implements PlatformDetails {
    static final LinuxDetails UNKNOWN = new LinuxDetails(0, null, List.of());

    public LinuxDetails {
        dropIns = List.copyOf(dropIns);
    }

    @Override
    public String platformId() {
        return "linux";
    }

    @Override
    public String versionText() {
        return systemdVersion > 0 ? "systemd " + systemdVersion : null;
    }

    @Override
    public ResolvConfState resolverFile() {
        return resolvConf;
    }

    /** The documented status fields: systemdVersion, resolvConf {kind, target, nameservers}, dropIns [...]. */
    @Override
    public Map<String, Object> jsonFields() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("systemdVersion", systemdVersion);
        Map<String, Object> rc = new LinkedHashMap<>();
        if (resolvConf != null) {
            rc.put("kind", resolvConf.kind().name());
            rc.put("target", resolvConf.target());
            rc.put("nameservers", resolvConf.nameservers());
        }
        o.put("resolvConf", rc);
        o.put("dropIns", dropIns.stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", d.path());
            m.put("ours", d.ours());
            m.put("overridesOurs", d.overridesOurs());
            m.put("error", d.error());
            return m;
        }).toList());
        return o;
    }
}
