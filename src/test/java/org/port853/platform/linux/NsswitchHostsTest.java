package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ResolvConfState;

class NsswitchHostsTest {
    @TempDir
    Path root;

    @Test
    void theDistributionsHostsLines() {
        assertTrue(NsswitchHosts.dnsBeforeResolve(" files dns", true), "Debian");
        assertTrue(NsswitchHosts.dnsBeforeResolve("files mdns4_minimal [NOTFOUND=return] dns", true), "Ubuntu");
        assertFalse(NsswitchHosts.dnsBeforeResolve("files myhostname resolve [!UNAVAIL=return] dns", true), "Fedora");
        assertFalse(NsswitchHosts.dnsBeforeResolve("mymachines resolve [!UNAVAIL=return] files myhostname dns", true),
                "Arch");
        assertFalse(NsswitchHosts.dnsBeforeResolve("files myhostname", true), "no dns at all: the file is not read");
        assertFalse(NsswitchHosts.dnsBeforeResolve("files [dns=x] resolve dns", true), "an action block is not a service");
    }

    @Test
    @DisplayName("resolve named but its module not installed: glibc goes on to dns, which reads /etc/resolv.conf "
            + "(distro walkthrough: Fedora's line on a system without libnss_resolve leaked every name)")
    void resolveWithoutItsModuleIsSkipped() {
        assertTrue(NsswitchHosts.dnsBeforeResolve("files myhostname resolve [!UNAVAIL=return] dns", false));
        assertFalse(NsswitchHosts.dnsBeforeResolve("files myhostname resolve [!UNAVAIL=return]", false),
                "no dns after it: nothing reads the file");
    }

    @Test
    void onlyTheHostsLineCountsAndCommentsAreLeftOut() throws IOException {
        Path f = root.resolve("nsswitch.conf");
        Files.writeString(f, "# hosts: files resolve dns\npasswd: files dns\nhosts:   files dns # resolve\n");
        assertTrue(NsswitchHosts.dnsBeforeResolve(f, true));
        Files.writeString(f, "passwd: files\n#hosts: files resolve dns\nhosts: files resolve dns\n");
        assertFalse(NsswitchHosts.dnsBeforeResolve(f, true));
    }

    @Test
    @DisplayName("a missing file or one without a hosts line: glibc's own default, dns first (distro walkthrough: "
            + "every program leaked while status said At risk)")
    void withoutAHostsLineGlibcAsksDnsFirst() throws IOException {
        Path f = root.resolve("nsswitch.conf");
        assertTrue(NsswitchHosts.dnsBeforeResolve(f, true), "a missing file");
        Files.writeString(f, "passwd: files\n#hosts: files resolve dns\n");
        assertTrue(NsswitchHosts.dnsBeforeResolve(f, true), "no hosts line");
        Files.writeString(f, "hosts: files resolve dns\n");
        Files.setPosixFilePermissions(f, java.util.Set.of());
        if (!Files.isReadable(f)) { // root reads it anyway; as another user an unreadable file is no evidence
            assertFalse(NsswitchHosts.dnsBeforeResolve(f, true));
        }
    }

    @Test
    @DisplayName("libnss_resolve is found in Debian's multiarch directory, Fedora's lib64 or plain lib, and only there")
    void theResolveModuleIsLookedForWhereTheLoaderLooks() throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        assertFalse(NssModules.installed("resolve", paths));
        Path multiarch = Files.createDirectories(root.resolve("usr/lib/aarch64-linux-gnu"));
        Files.writeString(multiarch.resolve("libnss_dns.so.2"), "");
        assertFalse(NssModules.installed("resolve", paths), "another module");
        Files.writeString(multiarch.resolve("libnss_resolve.so.2"), "");
        assertTrue(NssModules.installed("resolve", paths));
        Path other = root.resolve("other");
        Files.createDirectories(other.resolve("etc/systemd/resolved.conf.d"));
        Files.createDirectories(other.resolve("lib64"));
        Files.writeString(other.resolve("lib64/libnss_resolve.so.2"), "");
        assertTrue(NssModules.installed("resolve", LinuxPaths.under(other)), "Fedora's lib64");
    }

    @Test
    void theInspectorReadsBothFilesAndTheModules() throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc"));
        LinuxPaths paths = LinuxPaths.under(root);
        Files.writeString(etc.resolve("resolv.conf"), "nameserver 192.168.1.1\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n");
        ResolvConfState rc = ResolvConfInspector.inspect(paths);
        assertEquals(List.of("192.168.1.1"), rc.nameservers());
        assertTrue(rc.readByCLibrary() && rc.sendsLookupsToNetwork());
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files resolve [!UNAVAIL=return] dns\n");
        assertTrue(ResolvConfInspector.inspect(paths).readByCLibrary(), "no libnss_resolve here: dns answers");
        Files.createDirectories(root.resolve("lib/x86_64-linux-gnu"));
        Files.writeString(root.resolve("lib/x86_64-linux-gnu/libnss_resolve.so.2"), "");
        assertFalse(ResolvConfInspector.inspect(paths).readByCLibrary(), "resolve answers first");
    }

    @Test
    @DisplayName("a named pipe as nsswitch.conf is not waited on (status hung there for good): no evidence")
    void aPipeIsNotEvidence() throws Exception {
        Path pipe = root.resolve("nsswitch.conf");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        assertFalse(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> NsswitchHosts.dnsBeforeResolve(pipe, true)));
    }
}
