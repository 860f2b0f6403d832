package org.port853.platform.windows.jna;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;
import java.util.Optional;
import org.port853.platform.windows.WindowsRegistry;

/** HKEY_LOCAL_MACHINE through JNA's Advapi32Util (read only). */
public final class JnaRegistry implements WindowsRegistry {
    @Override
    public boolean keyExists(String key) {
        try {
            return Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, key);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Optional<String> value(String key, String name) {
        try {
            if (!keyExists(key) || !Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, name)) {
                return Optional.empty();
            }
            Object v = Advapi32Util.registryGetValue(WinReg.HKEY_LOCAL_MACHINE, key, name);
            if (v instanceof String[] multi) {
                return Optional.of(String.join(",", multi));
            }
            return v == null || v instanceof byte[] ? Optional.empty() : Optional.of(v.toString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
