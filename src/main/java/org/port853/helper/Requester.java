package org.port853.helper;

import java.util.Map;
import org.port853.core.Privileges;

/**
 * Who asked for a privileged change: the uid pkexec or sudo says started it ({@code PKEXEC_UID}, {@code
 * SUDO_UID}), or this process's own uid when root ran the command directly.
 */
public record Requester(long uid, String via) {
    public static Requester fromEnvironment() {
        return of(System.getenv(), Privileges.uid());
    }

    static Requester of(Map<String, String> env, long ownUid) {
        for (String key : new String[]{"PKEXEC_UID", "SUDO_UID"}) {
            String v = env.get(key);
            if (v != null && v.matches("\\d{1,10}")) {
                return new Requester(Long.parseLong(v), key.startsWith("PKEXEC") ? "pkexec" : "sudo");
            }
        }
        return new Requester(ownUid, "direct");
    }
}
