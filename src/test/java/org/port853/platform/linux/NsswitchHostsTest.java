package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ResolvConfState;

class NsswitchHostsTest {
    @TempDir
    Path root;

    @Test
    void theDistributionsHostsLines() {
        assertTrue(NsswitchHosts.dnsBeforeResolve(" files dns"), "Debian");
        assertTrue(NsswitchHosts.dnsBeforeResolve("files mdns4_minimal [NOTFOUND=return] dns"), "Ubuntu");
        assertFalse(NsswitchHosts.dnsBeforeResolve("files myhostname resolve [!UNAVAIL=return] dns"), "Fedora");
        assertFalse(NsswitchHosts.dnsBeforeResolve("mymachines resolve [!UNAVAIL=return] files myhostname dns"), "Arch");
        assertFalse(NsswitchHosts.dnsBeforeResolve("files myhostname"), "no dns at all: the file is not read");
        assertFalse(NsswitchHosts.dnsBeforeResolve("files [dns=x] resolve dns"), "an action block is not a service");
    }

    @Test
    void onlyTheHostsLineCountsAndCommentsAreLeftOut() throws IOException {
        Path f = root.resolve("nsswitch.conf");
        Files.writeString(f, "# hosts: files resolve dns\npasswd: files dns\nhosts:   files dns # resolve\n");
        assertTrue(NsswitchHosts.dnsBeforeResolve(f));
        Files.writeString(f, "passwd: files\n#hosts: files dns\n");
        assertFalse(NsswitchHosts.dnsBeforeResolve(f), "no hosts line: no evidence");
        assertFalse(NsswitchHosts.dnsBeforeResolve(root.resolve("missing")), "a missing file is no evidence");
    }

    @Test
    void theInspectorReadsBothFiles() throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("resolv.conf"), "nameserver 192.168.1.1\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n");
        ResolvConfState rc = ResolvConfInspector.inspect(etc.resolve("resolv.conf"), LinuxPaths.under(root).nsswitch());
        assertEquals(List.of("192.168.1.1"), rc.nameservers());
        assertTrue(rc.readByCLibrary() && rc.sendsLookupsToNetwork());
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files resolve [!UNAVAIL=return] dns\n");
        assertFalse(ResolvConfInspector.inspect(etc.resolve("resolv.conf"), LinuxPaths.under(root).nsswitch())
                .readByCLibrary());
    }
}
