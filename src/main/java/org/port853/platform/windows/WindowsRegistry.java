package org.port853.platform.windows;

import java.util.Optional;

/** Read-only access to HKEY_LOCAL_MACHINE; tests replace it with values from a fixture. */
public interface WindowsRegistry {
    boolean keyExists(String key);

    /** A REG_SZ/REG_MULTI_SZ (joined with ",") or REG_DWORD/QWORD value as text. */
    Optional<String> value(String key, String name);

    default Optional<Integer> intValue(String key, String name) {
        return value(key, name).flatMap(v -> {
            try {
                return Optional.of(Integer.decode(v.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
