package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuietShutdownTest {
    @Test
    @DisplayName("a job rejected while the JVM shuts down is quiet; before that, and any other exception, reaches the previous handler")
    void onlyLateRejectionsAreQuiet() {
        List<Throwable> printed = new ArrayList<>();
        AtomicBoolean quitting = new AtomicBoolean();
        QuietShutdown h = new QuietShutdown((t, e) -> printed.add(e), quitting::get);
        RejectedExecutionException rejected = new RejectedExecutionException("render job rejected");
        h.uncaughtException(Thread.currentThread(), rejected);
        assertEquals(List.of(rejected), printed, "not quitting: a rejection is a bug and is shown");
        quitting.set(true);
        h.uncaughtException(Thread.currentThread(), new RejectedExecutionException("render job rejected"));
        IllegalStateException other = new IllegalStateException("bug");
        h.uncaughtException(Thread.currentThread(), other);
        assertEquals(List.of(rejected, other), printed);
    }
}
