package org.port853.core;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a file operation failed because the file system takes no writes at all: read-only (EROFS), full (ENOSPC) or
 * over quota (EDQUOT), as opposed to a file that is wrong (a link, a directory) or closed to this user.
 *
 * <p>The JDK hands on only the C library's text for the error number ({@link FileSystemException#getReason()}, from
 * strerror, in this process's language). The C library's texts for those numbers, asked in the same process, tell them
 * apart in any language. Where it cannot be asked (not Linux, another errno numbering), nothing counts as unwritable: the
 * caller then fails plainly, which changes nothing.
 */
public final class UnwritableFileSystem {
    private UnwritableFileSystem() {
    }

    /** Whether {@code e}, or an exception it was caused by, is the file system refusing every write. */
    public static boolean refused(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException f && f.getReason() != null
                    && Texts.REFUSALS.contains(f.getReason().strip())) {
                return true;
            }
        }
        return false;
    }

    /** strerror(3) of EROFS, ENOSPC and EDQUOT. */
    private static final class Texts {
        static final int ENOSPC = 28;
        static final int EROFS = 30;
        static final int EDQUOT = 122;
        /** Architectures with the generic errno numbers (MIPS, SPARC, Alpha and PA-RISC number EDQUOT otherwise). */
        static final Set<String> GENERIC_ERRNO = Set.of("x86-64", "x86", "aarch64", "arm", "armel", "riscv64",
                "ppc64le", "ppc64", "s390x", "loongarch64");
        static final Set<String> REFUSALS = load();

        private static Set<String> load() {
            boolean bound = OpenedFile.registers(() -> {
                if (!Platform.isLinux() || !GENERIC_ERRNO.contains(Platform.ARCH)) {
                    return false;
                }
                Native.register(Texts.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
                return true;
            });
            return !bound ? Set.of() : Stream.of(EROFS, ENOSPC, EDQUOT).map(Texts::strerror)
                    .filter(s -> s != null && !s.isBlank()).map(String::strip).collect(Collectors.toUnmodifiableSet());
        }

        static native String strerror(int errno);
    }
}
