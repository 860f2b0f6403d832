package org.port853.platform.linux;

import java.nio.file.Path;

/** Prints how status, run by this process's user, judges Port853's drop-in under args[0] (see OursByHeaderOnlyTest). */
public final class OursByHeaderMain {
    private OursByHeaderMain() {
    }

    public static void main(String[] args) {
        LinuxPaths paths = LinuxPaths.under(Path.of(args[0]));
        System.out.println("shownAsOurs=" + OurDropIn.shownAsOurs(paths) + " byHeaderOnly="
                + OurDropIn.oursByHeaderOnly(paths));
    }
}
