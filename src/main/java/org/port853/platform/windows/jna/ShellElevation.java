package org.port853.platform.windows.jna;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.ShellAPI;
import com.sun.jna.platform.win32.Shell32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import org.port853.platform.windows.Elevation;

/**
 * Starts the elevated entry point with {@code ShellExecuteEx} and the verb {@code runas} (the UAC prompt), waits
 * for it and returns its exit code. The parameters are two file paths Port853 chose itself, never user text.
 */
public final class ShellElevation implements Elevation {
    private static final int SEE_MASK_NOCLOSEPROCESS = 0x00000040;
    private static final int ERROR_CANCELLED = 1223;

    @Override
    public int runElevated(String program, String parameters) throws IOException {
        ShellAPI.SHELLEXECUTEINFO info = new ShellAPI.SHELLEXECUTEINFO();
        info.fMask = SEE_MASK_NOCLOSEPROCESS;
        info.lpVerb = "runas";
        info.lpFile = program;
        info.lpParameters = parameters;
        info.nShow = WinUser.SW_HIDE;
        if (!Shell32.INSTANCE.ShellExecuteEx(info)) {
            int err = Kernel32.INSTANCE.GetLastError();
            throw new IOException(err == ERROR_CANCELLED ? "the administrator prompt was cancelled"
                    : "could not start the elevated helper (Windows error " + err + ")");
        }
        try {
            Kernel32.INSTANCE.WaitForSingleObject(info.hProcess, WinBase.INFINITE);
            IntByReference code = new IntByReference();
            if (!Kernel32.INSTANCE.GetExitCodeProcess(info.hProcess, code)) {
                throw new IOException("could not read the elevated helper's exit code");
            }
            return code.getValue();
        } finally {
            Kernel32.INSTANCE.CloseHandle(info.hProcess);
        }
    }
}
