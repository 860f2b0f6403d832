package org.port853.helper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the privileged helper ({@code port853-helper}, started by pkexec). Reads the request on
 * stdin, prints the result on stdout, exits 0/1/2. Refuses to run as anyone but root.
 */
public final class HelperMain {
    private HelperMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 0) {
            System.err.println("port853-helper: takes no arguments; it reads one request document on stdin");
            System.exit(2);
        }
        if (!Privileges.isRoot()) {
            System.err.println("port853-helper: must run as root (through pkexec)");
            System.exit(2);
        }
        byte[] doc = readBounded(System.in, HelperDocuments.MAX_BYTES + 1);
        PrivilegedHelper.Response r = PrivilegedHelper.handle(doc);
        System.out.print(r.stdout());
        System.err.print(r.stderr());
        System.out.flush();
        System.exit(r.exitCode());
    }

    static byte[] readBounded(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }
}
