package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ResolvConfState.Kind;

/**
 * leadsTo normalized the link's text against the path written before it, so a '..' after a directory that is itself a
 * link stepped back along the name, not out of the directory the kernel had reached: the verdict named another file.
 */
@DisplayName("A link to /etc/resolv.conf leads where the kernel takes it, through linked directories")
class LinkDestinationTest {
    @TempDir
    Path tmp;

    private Path root() throws Exception {
        return tmp.toRealPath();
    }

    /** The folders {@code names} made under the test's root. */
    private Path folders(String... names) throws Exception {
        Path root = root();
        for (String name : names) {
            Files.createDirectories(root.resolve(name));
        }
        return root;
    }

    /** Where a new link at {@code link} with {@code text} leads, said to be where the kernel opens it. */
    private static String linkedAsTheKernelFollowsIt(Path link, String text) throws Exception {
        Files.createSymbolicLink(link, Path.of(text));
        String leads = ResolvConfInspector.leadsTo(link, text);
        assertEquals(link.toRealPath().toString(), leads, "as the kernel opens it");
        return leads;
    }

    @Test
    @DisplayName("etc -> real/etc, resolv.conf -> ../run/x/stub-resolv.conf: real/run/x, not run/x")
    void dotDotLeavesTheDirectoryTheLinkReallyIsIn() throws Exception {
        Path root = folders("real/etc", "real/run/x", "run/x");
        Files.writeString(root.resolve("real/run/x/stub-resolv.conf"), "nameserver 198.18.0.1\n");
        Files.writeString(root.resolve("run/x/stub-resolv.conf"), "nameserver 198.18.0.2\n");
        Files.createSymbolicLink(root.resolve("etc"), Path.of("real/etc"));
        Path rc = root.resolve("etc/resolv.conf");

        String leads = linkedAsTheKernelFollowsIt(rc, "../run/x/stub-resolv.conf");
        assertEquals(root.resolve("real/run/x/stub-resolv.conf").toString(), leads);
        assertEquals(java.util.List.of("198.18.0.1"), ResolvConfInspector.inspect(rc).nameservers());
        assertEquals(leads, ResolvConfInspector.inspect(rc).target());
    }

    @Test
    @DisplayName("a linked directory inside the target, then '..': out of where that link went")
    void dotDotAfterALinkedDirectoryInTheTarget() throws Exception {
        Path root = folders("etc", "deep/a/b", "run");
        Files.writeString(root.resolve("deep/a/file.conf"), "nameserver 198.18.0.3\n");
        Files.createSymbolicLink(root.resolve("run/b"), root.resolve("deep/a/b"));
        Path rc = root.resolve("etc/resolv.conf");

        assertEquals(root.resolve("deep/a/file.conf").toString(),
                linkedAsTheKernelFollowsIt(rc, "../run/b/../file.conf"));
        assertEquals(Kind.STATIC, ResolvConfInspector.inspect(rc).kind());
    }

    @Test
    @DisplayName("a text that reads as the stub's path but leads elsewhere is no link to the stub, and the reverse")
    void theVerdictFollowsWhereTheLinkLeads() throws Exception {
        Path root = root();
        Path deep = Files.createDirectories(root.resolve("real/deeper/etc"));
        Files.createSymbolicLink(root.resolve("etc"), deep);
        String up = "../".repeat(root.getNameCount() + 1) + "run/systemd/resolve/stub-resolv.conf";
        Path rc = Files.createSymbolicLink(root.resolve("etc/resolv.conf"), Path.of(up));
        assertEquals(deep.resolve(up).normalize().toString(), ResolvConfInspector.leadsTo(rc, up),
                "up from real/deeper/etc, two folders short of the root");
        assertFalse(ResolvConfInspector.leadsToStub(rc, up), "written as it, it leads under the test's folder");
        assertFalse(ResolvConfInspector.leadsToResolved(rc));

        Files.createSymbolicLink(root.resolve("top"), Path.of("/"));
        Path viaRoot = Files.createSymbolicLink(root.resolve("top-resolv.conf"),
                Path.of("top/run/systemd/resolve/stub-resolv.conf"));
        assertEquals(LinuxPaths.STUB_RESOLV_CONF,
                ResolvConfInspector.leadsTo(viaRoot, "top/run/systemd/resolve/stub-resolv.conf"));
        assertTrue(ResolvConfInspector.leadsToResolved(viaRoot), "the stub's file, reached through a linked folder");
    }

    @Test
    @DisplayName("a circle of links leads to no file, as a dangling link (was: taken again and again, then 'changing')")
    void aCircleOfLinksIsMissing() throws Exception {
        Path root = root();
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        Path rc = Files.createSymbolicLink(root.resolve("resolv.conf"), Path.of("a"));
        assertTrue(LinkDestination.circles(rc, "a"));
        assertFalse(LinkDestination.circles(root.resolve("b"), "c"));
        assertEquals(Kind.MISSING, ResolvConfInspector.inspect(rc).kind());
        assertFalse(ResolvConfInspector.usesResolved(rc));
    }
}
