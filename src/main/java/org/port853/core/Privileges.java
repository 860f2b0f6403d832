package org.port853.core;

import com.sun.security.auth.module.UnixSystem;

/** Who this process runs as. */
public final class Privileges {
    private Privileges() {
    }

    public static boolean isRoot() {
        return uid() == 0;
    }

    /** This process's uid, or -1 when it cannot be known (not a Unix system). */
    public static long uid() {
        try {
            return new UnixSystem().getUid();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
