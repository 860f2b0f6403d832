package org.port853.it;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("systemd-resolved 262 adapter against a real resolved and unbound")
class ResolvedAdapter262IT extends ResolvedAdapterITBase {
    @Override
    int systemd() {
        return 262;
    }

    @Test
    @DisplayName("262: reload-or-restart reloads the same resolved process (SIGHUP) and the new drop-in takes effect")
    void reloadAloneTakesEffectOn262() throws IOException {
        assertReloadAloneTakesEffect(93);
    }
}
