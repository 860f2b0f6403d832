package org.port853.platform.windows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.port853.core.ProviderCatalog;
import org.port853.helper.HelperDocuments;
import org.port853.platform.EntryPoint;

/**
 * Entry point of the elevated helper on Windows ({@code port853 --windows-helper --request FILE --result FILE},
 * started through UAC by {@link WindowsElevatedClient}). ShellExecuteEx cannot pass stdin, so the request and
 * the result travel as files that the unelevated side created; the result is only ever written to a new file
 * (never through a link), so the elevated side cannot be tricked into overwriting something else.
 */
public final class WindowsHelperMain {
    private WindowsHelperMain() {
    }

    /** {@code port853 --windows-helper ...}, found by the launcher through ServiceLoader. */
    public static final class Entry implements EntryPoint {
        public static final String FLAG = "--windows-helper";

        @Override
        public String flag() {
            return FLAG;
        }

        @Override
        public boolean isSupported() {
            return WindowsResolverAdapter.isWindows();
        }

        @Override
        public int run(String[] args) {
            return WindowsHelperMain.run(args, WindowsSystem.real(), isAdmin());
        }
    }

    static int run(String[] args, WindowsSystem system, boolean admin) {
        if (args.length != 4 || !args[0].equals("--request") || !args[2].equals("--result")) {
            System.err.println("port853 --windows-helper: usage: --request FILE --result FILE");
            return 2;
        }
        if (!admin) {
            System.err.println("port853 --windows-helper: must run as administrator (through the UAC prompt)");
            return 2;
        }
        Path request = Path.of(args[1]);
        Path result = Path.of(args[3]);
        byte[] doc;
        try {
            if (!Files.isRegularFile(request, LinkOption.NOFOLLOW_LINKS) || Files.size(request) > HelperDocuments.MAX_BYTES) {
                System.err.println("port853 --windows-helper: the request is not a small regular file");
                return 2;
            }
            doc = Files.readAllBytes(request);
        } catch (IOException e) {
            System.err.println("port853 --windows-helper: cannot read the request: " + e.getMessage());
            return 2;
        }
        WindowsHelper.Response r = WindowsHelper.handle(doc, system, ProviderCatalog.loadDefault());
        String out = r.resultJson() != null ? r.resultJson() : "{\"outcome\":\"FAILED\",\"reason\":"
                + com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(r.error()) + "}";
        try (OutputStream o = Files.newOutputStream(result, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            o.write(out.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("port853 --windows-helper: cannot write the result: " + e.getMessage());
            return 1;
        }
        return r.exitCode();
    }

    private static boolean isAdmin() {
        try {
            return com.sun.jna.platform.win32.Advapi32Util.isCurrentProcessElevated();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
