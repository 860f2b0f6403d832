package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvConfLinesTest {
    @Test
    void readsServersTheLastSearchLineAndEveryOptionsLine() {
        ResolvConfLines lines = ResolvConfLines.parse("""
                # written by hand
                nameserver 192.168.1.1
                search old.example
                options ndots:2
                  nameserver\t10.0.0.1 extra
                domain Corp.Example.
                options edns0 rotate\r
                nameserver
                """);
        assertEquals(List.of("192.168.1.1", "10.0.0.1"), lines.nameservers());
        assertEquals(List.of("corp.example"), lines.search(), "the last search or domain line wins");
        assertEquals(List.of("ndots:2", "edns0", "rotate"), lines.options());
    }

    @Test
    void aSearchLineOfTheRootOnlySearchesNothing() {
        assertEquals(List.of("a.example"), ResolvConfLines.parse("search a.example. .\n").search());
    }

    @Test
    void aMissingOrNonUtf8FileSetsNothing(@TempDir Path dir) throws Exception {
        assertEquals(ResolvConfLines.NONE, ResolvConfLines.read(dir.resolve("missing")));
        Path latin1 = dir.resolve("resolv.conf");
        java.nio.file.Files.write(latin1, new byte[] {'#', (byte) 0xE9, '\n'});
        assertEquals(ResolvConfLines.NONE, ResolvConfLines.read(latin1));
    }
}
