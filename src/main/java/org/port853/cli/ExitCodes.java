package org.port853.cli;

import org.port853.platform.ApplyResult;

/** 0 ok, 1 failed / rolled back / refused by the system, 2 bad input. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    static int of(ApplyResult r) {
        return r.succeeded() ? OK : FAILED;
    }
}
