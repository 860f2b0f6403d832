package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.CaptureListener;
import org.port853.capture.CaptureSession;
import org.port853.capture.CaptureUnavailableException;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import picocli.CommandLine;

class MonitorCommandTest {
    /** A capture that cannot start, for the reason given. */
    record Unavailable(CaptureUnavailableException why) implements CaptureSession {
        @Override
        public void start() throws CaptureUnavailableException {
            throw why;
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public String description() {
            return "nowhere";
        }

        @Override
        public MeterSnapshot snapshot(int seconds) {
            throw new AssertionError("never started");
        }

        @Override
        public List<LeakRecord> recentLeaks(int max) {
            return List.of();
        }

        @Override
        public void clear() {
        }

        @Override
        public void addListener(CaptureListener l) {
        }

        @Override
        public void removeListener(CaptureListener l) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    @DisplayName("an interface this machine lacks: exit 2 and one line that says the fix")
    void missingInterfaceIsOneLine() {
        MonitorCommand monitor = new MonitorCommand();
        monitor.sessions = () -> new Unavailable(new CaptureUnavailableException(
                "No such network interface: nosuch0.", "List interfaces with 'ip link' and pass one of them."));
        CommandLine cl = new CommandLine(monitor);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cl.execute("--interface", "nosuch0", "--duration", "1"));
        assertEquals(List.of("port853 monitor: No such network interface: nosuch0. Fix: List interfaces with 'ip link' "
                + "and pass one of them."), err.toString().lines().toList());
    }
}
