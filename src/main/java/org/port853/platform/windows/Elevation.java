package org.port853.platform.windows;

import java.io.IOException;

/** Runs a program as administrator and returns its exit code (ShellExecuteEx "runas"); tests replace it. */
public interface Elevation {
    int runElevated(String program, String parameters) throws IOException;
}
