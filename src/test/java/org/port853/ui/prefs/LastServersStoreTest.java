package org.port853.ui.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ServerAddress;

class LastServersStoreTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("servers come back as they were kept, names and ports included; one whose TLS name is no host name "
            + "is not kept, since it would come back without its name (1.1.1.1 bare reads as Cloudflare's)")
    void serversComeBackAsKeptButNoneLosesItsName() throws Exception {
        LastServersStore store = new LastServersStore(dir);
        ServerAddress named = ServerAddress.parse("[2620:fe::fe]:853#dns.quad9.net");
        ServerAddress plain = ServerAddress.parse("198.18.0.4");
        ServerAddress odd = ServerAddress.parseReported("1.1.1.1#evil_x.example");
        store.save(List.of(named, odd, plain));
        assertEquals(List.of(named, plain), store.load());
    }
}
