package org.port853.core;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * A file held open, to be looked at and read as what was opened, not as what its path names by then. Where the C
 * library can be called (Linux) it is opened with O_NONBLOCK, which Java cannot ask for: a named pipe put in the
 * file's place a moment before then opens at once instead of waiting for a writer, and {@link #type()} tells. Elsewhere
 * (Windows, which has no pipes in its folders) the path itself stands for the file.
 */
final class OpenedFile implements Closeable {
    private final Path handle;
    private final int fd;

    private OpenedFile(Path handle, int fd) {
        this.handle = handle;
        this.fd = fd;
    }

    static OpenedFile open(Path file) throws IOException {
        if (!Libc.LOADED) {
            return new OpenedFile(file, -1);
        }
        byte[] name = (file.toString() + '\0').getBytes(Libc.PATH_CHARSET);
        int fd = Libc.open(name, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_NOCTTY | Libc.O_CLOEXEC);
        if (fd < 0) {
            int errno = Native.getLastError();
            throw switch (errno) {
                case Libc.ENOENT -> new NoSuchFileException(file.toString());
                case Libc.EACCES -> new AccessDeniedException(file.toString());
                default -> new FileSystemException(file.toString(), null, "cannot be opened (errno " + errno + ")");
            };
        }
        return new OpenedFile(Path.of("/proc/self/fd/" + fd), fd); // the kernel's link to what fd holds open
    }

    FileType type() throws IOException {
        return FileType.of(handle);
    }

    /** Which file this is ({@link BasicFileAttributes#fileKey()}: device and inode), to compare with a look before. */
    Object fileKey() throws IOException {
        return Files.readAttributes(handle, BasicFileAttributes.class).fileKey();
    }

    /** Only for a regular file: a pipe would wait here. Reopened through /proc it is the file held open. */
    InputStream newInputStream() throws IOException {
        return Files.newInputStream(handle);
    }

    @Override
    public void close() {
        if (fd >= 0) {
            Libc.close(fd);
        }
    }

    /**
     * Whether {@code register} bound the C library; false, so that files are read the plain way, also where JNA itself
     * fails: its native part missing or unpacked nowhere (UnsatisfiedLinkError), failed once before in this process
     * (NoClassDefFoundError), or from another JNA version (a plain Error). Other errors (out of memory) are not JNA's.
     */
    static boolean registers(java.util.function.BooleanSupplier register) {
        try {
            return register.getAsBoolean();
        } catch (LinkageError | RuntimeException e) {
            return false;
        } catch (Error e) {
            if (e.getClass() != Error.class) {
                throw e;
            }
            return false;
        }
    }

    /** open(2) and close(2); the flags' values are those of the architectures listed (not of MIPS, SPARC, Alpha). */
    private static final class Libc {
        static final int O_RDONLY = 0;
        static final int O_NOCTTY = 0400;
        static final int O_NONBLOCK = 04000;
        static final int O_CLOEXEC = 02000000;
        static final int ENOENT = 2;
        static final int EACCES = 13;
        static final Set<String> SAME_FLAGS = Set.of("x86-64", "x86", "aarch64", "arm", "armel", "riscv64", "ppc64le",
                "s390x", "loongarch64");
        static final Charset PATH_CHARSET = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        static final boolean LOADED = load();

        private static boolean load() {
            return registers(() -> {
                if (!Platform.isLinux() || !SAME_FLAGS.contains(Platform.ARCH)
                        || !Files.isDirectory(Path.of("/proc/self/fd"))) {
                    return false;
                }
                Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
                return true;
            });
        }

        static native int open(byte[] path, int flags);

        static native int close(int fd);
    }
}
