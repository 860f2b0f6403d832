package org.port853.change;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Runs code on the calling thread as root without the capabilities that override file permissions, so that root meets
 * "permission denied" as any user does. Capabilities belong to the thread (capset(2) with pid 0), so other threads of
 * the tests keep theirs, and this thread gets its own back afterwards.
 */
final class WithoutFileOverride {
    private static final int VERSION_3 = 0x20080522;
    private static final int CAP_DAC_OVERRIDE = 1;
    private static final int CAP_DAC_READ_SEARCH = 2;
    private static final int CAP_FOWNER = 3;

    static {
        Native.register(WithoutFileOverride.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private WithoutFileOverride() {
    }

    interface Action<T> {
        T run() throws Exception;
    }

    static <T> T run(Action<T> action) throws Exception {
        Memory header = new Memory(8);
        header.setInt(0, VERSION_3);
        header.setInt(4, 0);
        Memory saved = new Memory(24); // two of {effective, permitted, inheritable}
        check(capget(header, saved), "capget");
        Memory reduced = new Memory(24);
        reduced.write(0, saved.getByteArray(0, 24), 0, 24);
        int dropped = (1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH) | (1 << CAP_FOWNER);
        reduced.setInt(0, saved.getInt(0) & ~dropped);
        check(capset(header, reduced), "capset");
        T result;
        try {
            result = action.run();
        } catch (Exception | Error e) {
            restore(header, saved, e);
            throw e;
        }
        restore(header, saved, null);
        return result;
    }

    /** Gives the thread its capabilities back; a failure to do so is added to the action's own failure, never hides it. */
    private static void restore(Memory header, Memory saved, Throwable failed) {
        header.setInt(0, VERSION_3);
        try {
            check(capset(header, saved), "capset (restoring; this thread runs on without root's file override)");
        } catch (IllegalStateException e) {
            if (failed == null) {
                throw e;
            }
            failed.addSuppressed(e);
        }
    }

    private static void check(int rc, String call) {
        if (rc != 0) {
            throw new IllegalStateException(call + " failed (errno " + Native.getLastError() + ")");
        }
    }

    private static native int capget(Pointer header, Pointer data);

    private static native int capset(Pointer header, Pointer data);
}
