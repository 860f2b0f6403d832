package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureSessionsTest {
    @Test
    void replayAsFastAsPossibleFeedsMeterLeakLogAndListeners() throws Exception {
        CaptureSession s = CaptureSessions.replay(LabFixturesTest.fixture("lab-eth0.pcap"), 0, false);
        CountDownLatch stopped = new CountDownLatch(1);
        List<LeakRecord> leaks = new CopyOnWriteArrayList<>();
        List<LeakRecord> first = new CopyOnWriteArrayList<>();
        String[] reason = {"not called"};
        s.addListener(new CaptureListener() {
            @Override
            public void onLeak(LeakRecord r) {
                leaks.add(r);
            }

            @Override
            public void onLeakUpdated(LeakRecord r) {
                leaks.replaceAll(l -> l.id() == r.id() ? r : l);
            }

            @Override
            public void onFirstLeak(LeakRecord r) {
                first.add(r);
            }

            @Override
            public void onStopped(String r) {
                reason[0] = r;
                stopped.countDown();
            }
        });
        s.start();
        assertTrue(stopped.await(10, TimeUnit.SECONDS));
        assertNull(reason[0]);
        assertFalse(s.isRunning());
        MeterSnapshot m = s.snapshot(60);
        assertEquals(new ClassTotals(71, 18064), m.total(TrafficClass.ENCRYPTED));
        assertEquals(52, m.total(TrafficClass.LEAK).packets());
        assertEquals(52, java.util.Arrays.stream(m.leakPackets()).sum(), "all in the last minute of the file");
        assertEquals(10, java.util.Arrays.stream(m.leakMarkers()).sum());
        assertEquals(10, leaks.size());
        assertEquals(1, first.size());
        assertEquals(leaks, s.recentLeaks(100));
        assertTrue(leaks.stream().allMatch(l -> "NOERROR".equals(l.rcode())), "updated with the response codes");
        assertEquals(leaks.subList(7, 10), s.recentLeaks(3));
        s.clear();
        assertEquals(0, s.snapshot(5).total(TrafficClass.ENCRYPTED).packets());
        assertEquals(List.of(), s.recentLeaks(5));
        s.close();
    }

    @Test
    void anErrorOnTheCaptureThreadEndsTheCaptureWithAVisibleReason() throws Exception {
        CaptureSession s = CaptureSessions.replay(LabFixturesTest.fixture("lab-eth0.pcap"), 0, false);
        CountDownLatch stopped = new CountDownLatch(1);
        String[] reason = {"not called"};
        s.addListener(new CaptureListener() {
            @Override
            public void onLeak(LeakRecord r) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }

            @Override
            public void onStopped(String r) {
                reason[0] = r;
                stopped.countDown();
            }
        });
        s.start();
        assertTrue(stopped.await(10, TimeUnit.SECONDS));
        assertTrue(reason[0] != null && reason[0].contains("OutOfMemoryError"), "not a normal stop: " + reason[0]);
        assertFalse(s.isRunning());
    }

    @Test
    void demoPlaysInRealTimeWithTimestampsShiftedToNow() throws Exception {
        try (CaptureSession s = CaptureSessions.demo()) {
            assertTrue(s.description().contains("demo"));
            long start = System.currentTimeMillis() / 1000;
            s.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            long total = 0;
            while (total == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                MeterSnapshot m = s.snapshot(10);
                total = m.total(TrafficClass.ENCRYPTED).packets() + m.total(TrafficClass.LOCAL_PLAINTEXT).packets();
                assertTrue(m.endEpochSecond() >= start);
            }
            assertTrue(total > 0, "demo produced traffic");
            assertTrue(s.isRunning());
            s.stop();
            assertFalse(s.isRunning());
            s.stop(); // idempotent
        }
    }

    @Test
    void unreadableReplayFailsOnStartWithReasonAndFix(@TempDir Path dir) throws Exception {
        Path g = Files.writeString(dir.resolve("x.pcap"), "nope nope nope nope nope nope");
        CaptureSession s = CaptureSessions.replay(g, 1, false);
        CaptureUnavailableException e = assertThrows(CaptureUnavailableException.class, s::start);
        assertTrue(e.reason().contains("x.pcap"), e.reason());
        assertFalse(e.fix().isBlank());
    }

    @Test
    void permissionCheckIsFastAndExplains() {
        long t0 = System.nanoTime();
        var r = CaptureSessions.checkLivePermission();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
        r.ifPresent(e -> assertFalse(e.fix().isBlank()));
        assertEquals(java.util.Optional.of(false), LivePermission.hasNetRaw(writeStatus("0000000000000000")));
        assertEquals(java.util.Optional.of(true), LivePermission.hasNetRaw(writeStatus("0000000000002000")));
        assertTrue(LivePermission.notPermitted(false).fix().contains(LivePermission.GROUP));
    }

    @Test
    void rootWithoutTheCapabilityIsNotToldToJoinAGroupOrUseSudo() {
        CaptureUnavailableException e = LivePermission.notPermitted(true);
        for (String said : List.of(e.reason(), e.fix(),
                said(e, "", e.reason()), said(e, ".fix", e.fix()),
                org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> said(e, "", e.reason())),
                org.port853.ui.common.I18n.in(java.util.Locale.GERMAN, () -> said(e, ".fix", e.fix())))) {
            assertTrue(said.contains("root") && said.contains("CAP_NET_RAW"), said);
            assertFalse(said.contains("usermod") || said.contains("sudo") || said.contains("'root'"), said);
        }
        assertTrue(LivePermission.notPermitted(false).fix().contains("usermod"));
    }

    private static String said(CaptureUnavailableException e, String suffix, String english) {
        return org.port853.ui.common.I18n.said("capture.problem.", e.words(), suffix, english);
    }

    private static Path writeStatus(String capEff) {
        try {
            Path p = Files.createTempFile("status", "");
            Files.writeString(p, "Name:\tjava\nCapEff:\t" + capEff + "\n");
            p.toFile().deleteOnExit();
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
