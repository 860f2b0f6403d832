package org.port853.it;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("systemd-resolved 257 adapter against a real resolved and unbound")
class ResolvedAdapter257IT extends ResolvedAdapterITBase {
    @Override
    int systemd() {
        return 257;
    }

    @Test
    @DisplayName("257: reload-or-restart reloads the same resolved process (SIGHUP) and the new drop-in takes effect")
    void reloadAloneTakesEffectOn257() throws IOException {
        assertReloadAloneTakesEffect(93);
    }
}
