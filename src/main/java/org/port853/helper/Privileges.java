package org.port853.helper;

import com.sun.security.auth.module.UnixSystem;

/** Who this process runs as. */
public final class Privileges {
    private Privileges() {
    }

    public static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
