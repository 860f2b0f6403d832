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

    /**
     * Checks the arguments, then always answers with a result document when it knows where to write one: UAC
     * gives the unelevated side no stderr, so a refusal (not administrator, a request that is not a small regular
     * file, a bad document) must reach it as a reason in the result, not only as an exit code.
     */
    static int run(String[] args, WindowsSystem system, boolean admin) {
        if (args.length != 4 || !args[0].equals("--request") || !args[2].equals("--result")) {
            System.err.println("port853 --windows-helper: usage: --request FILE --result FILE");
            return 2;
        }
        Path request;
        Path result;
        try {
            request = Path.of(args[1]);
            result = Path.of(args[3]);
        } catch (java.nio.file.InvalidPathException e) {
            System.err.println("port853 --windows-helper: not a file path: " + e.getInput());
            return 2;
        }
        WindowsHelper.Response r;
        if (!admin) {
            r = refused("must run as administrator (through the UAC prompt)");
        } else {
            r = read(request);
            if (r == null) {
                try {
                    r = WindowsHelper.handle(Files.readAllBytes(request), system, ProviderCatalog.loadDefault());
                } catch (IOException e) {
                    r = refused("cannot read the request: " + e.getMessage());
                }
            }
        }
        String out = r.resultJson() != null ? r.resultJson() : "{\"outcome\":\"FAILED\",\"reason\":"
                + com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(r.error()) + "}";
        if (r.error() != null) {
            System.err.println("port853 --windows-helper: " + r.error());
        }
        try (OutputStream o = Files.newOutputStream(result, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            o.write(out.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("port853 --windows-helper: cannot write the result: " + e.getMessage());
            return r.exitCode() == 0 ? 1 : r.exitCode();
        }
        return r.exitCode();
    }

    /** A refusal when the request is not a small regular file (never through a link), else null. */
    private static WindowsHelper.Response read(Path request) {
        try {
            if (!Files.isRegularFile(request, LinkOption.NOFOLLOW_LINKS) || Files.size(request) > HelperDocuments.MAX_BYTES) {
                return refused("the request is not a small regular file");
            }
            return null;
        } catch (IOException e) {
            return refused("cannot read the request: " + e.getMessage());
        }
    }

    private static WindowsHelper.Response refused(String why) {
        return new WindowsHelper.Response(2, null, "refused: " + why);
    }

    private static boolean isAdmin() {
        try {
            return com.sun.jna.platform.win32.Advapi32Util.isCurrentProcessElevated();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
