package org.port853.it;

import org.junit.jupiter.api.DisplayName;

@DisplayName("crash-safe apply against a real systemd-resolved 247")
class CrashSafety247IT extends CrashSafetyITBase {
    @Override
    int systemd() {
        return 247;
    }
}
