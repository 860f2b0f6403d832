package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.port853.core.FileType;

/**
 * Is a file the null device, which reads as empty? Told by its device numbers (character device 1:3, devices.txt), not
 * by its path: a copy made with mknod, or one bind-mounted elsewhere, is the same device as /dev/null.
 */
final class NullDevice {
    private static final long MAJOR = 1;
    private static final long MINOR = 3;

    private NullDevice() {
    }

    /** {@code file} (links followed), already seen to be of {@code type}; no where it cannot be told. */
    static boolean is(Path file, FileType type) {
        if (type != FileType.CHARACTER_DEVICE || !file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return false;
        }
        try {
            long rdev = (Long) Files.getAttribute(file, "unix:rdev");
            return major(rdev) == MAJOR && minor(rdev) == MINOR;
        } catch (IOException e) {
            return false;
        }
    }

    /** As glibc's gnu_dev_major splits a Linux dev_t. */
    static long major(long rdev) {
        return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
    }

    static long minor(long rdev) {
        return (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
    }
}
