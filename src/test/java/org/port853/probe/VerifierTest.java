package org.port853.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;
import org.port853.capture.LinkTypes;
import org.port853.capture.LocalAddresses;
import org.port853.capture.MeterSnapshot;
import org.port853.capture.PacketPipeline;
import org.port853.capture.PipelineAccess;
import org.port853.capture.TrafficClass;
import org.port853.capture.TrafficMeter;

@DisplayName("Verifier over a scripted capture")
class VerifierTest {
    static Verifier verifier(QuerySender s) {
        return new Verifier(s, Duration.ofMillis(500), Duration.ZERO);
    }

    @Test
    @DisplayName("fresh names p853-<random>.example.com, all different")
    void names() {
        List<String> n = Verifier.names(20);
        assertEquals(20, n.stream().distinct().count());
        assertTrue(n.stream().allMatch(x -> x.matches("p853-[0-9a-z]+\\.example\\.com")), n.toString());
    }

    @Test
    @DisplayName("encrypted packets while sending, nothing leaked: ALL_ENCRYPTED with the packets counted")
    void encrypted() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        c.encrypted(100); // before the verification: not counted
        ScriptedSender s = new ScriptedSender(true, (name, i) -> c.encrypted(4));
        VerifyResult r = verifier(s).verify(c, Verifier.names(5));
        assertEquals(VerifyVerdict.ALL_ENCRYPTED, r.verdict());
        assertEquals(20, r.encryptedPackets());
        assertEquals(Duration.ofMillis(500), s.timeoutSeen);
        assertTrue(c.listeners.isEmpty(), "the listener is removed again");
    }

    @Test
    @DisplayName("leaks seen before the verification started are not counted; new ones are, ours and others")
    void onlyNewLeaks() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        LeakRecord old = ScriptedCapture.leak("old.example.org", "192.0.2.1");
        c.leaked(old);
        List<String> names = Verifier.names(3);
        ScriptedSender s = new ScriptedSender(true, (name, i) -> {
            if (i != 1) c.leaked(ScriptedCapture.leak(name, "198.18.9.4"));
            if (i == 2) c.leaked(ScriptedCapture.leak("other.example.net", "198.18.9.4"));
        });
        VerifyResult r = verifier(s).verify(c, names);
        assertEquals(VerifyVerdict.LEAKED, r.verdict());
        assertEquals(List.of(names.get(0), names.get(2)), r.leakedQueries().stream().map(LeakRecord::name).toList());
        assertEquals(List.of("other.example.net"), r.otherLeaks().stream().map(LeakRecord::name).toList());
    }

    @Test
    @DisplayName("a leak whose answer arrives while verifying is one leak (with its response code), not two; a leak "
            + "from before that is answered meanwhile is not counted")
    void anAnsweredLeakCountsOnce() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        LeakRecord old = new LeakRecord(java.time.Instant.now(), "eth0", "192.0.2.1", "old.example.org", "A", null,
                null, 3);
        c.leaked(old);
        ScriptedSender s = new ScriptedSender(true, (name, i) -> {
            if (i == 0) {
                LeakRecord stray = new LeakRecord(java.time.Instant.now(), "eth0", "198.18.9.4", "stray.example.net",
                        "A", null, null, 7);
                c.leaked(stray);
                c.answered(stray, "NXDOMAIN");
                c.answered(old, "NOERROR");
            }
        });
        VerifyResult r = verifier(s).verify(c, Verifier.names(2));
        assertEquals(List.of("stray.example.net"), r.otherLeaks().stream().map(LeakRecord::name).toList());
        assertEquals("NXDOMAIN", r.otherLeaks().get(0).rcode());
    }

    @Test
    @DisplayName("a session that does not call listeners still shows its leaks through the log")
    void logOnly() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        c.notify = false;
        ScriptedSender s = new ScriptedSender(true, (name, i) -> c.leaked(ScriptedCapture.leak(name, "198.18.9.4")));
        VerifyResult r = verifier(s).verify(c, Verifier.names(2));
        assertEquals(VerifyVerdict.LEAKED, r.verdict());
        assertEquals(2, r.leakedQueries().size());
    }

    @Test
    @DisplayName("no capture: the queries are still sent and counted")
    void noCapture() throws InterruptedException {
        ScriptedSender s = new ScriptedSender(false, (name, i) -> { });
        VerifyResult r = verifier(s).verify(null, Verifier.names(3));
        assertEquals(VerifyVerdict.CAPTURE_UNAVAILABLE, r.verdict());
        assertEquals(3, s.sent.size());
        assertEquals(3, r.failed());
    }

    @Test
    @DisplayName("nothing answered, nothing leaked: NO_ANSWER")
    void noAnswer() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        ScriptedSender s = new ScriptedSender(false, (name, i) -> c.encrypted(1));
        assertEquals(VerifyVerdict.NO_ANSWER, verifier(s).verify(c, Verifier.names(2)).verdict());
    }

    @Test
    @DisplayName("leak packets counted by the meter while the queries travelled: never ALL_ENCRYPTED")
    void leakPacketsWithoutEntries() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        c.leakPackets(7); // before: not counted
        ScriptedSender s = new ScriptedSender(true, (name, i) -> {
            c.encrypted(4);
            if (i == 1) c.leakPackets(2);
        });
        VerifyResult r = verifier(s).verify(c, Verifier.names(3));
        assertEquals(VerifyVerdict.UNPROVEN, r.verdict());
        assertEquals(2, r.leakPackets());
        assertTrue(r.reasons().stream().anyMatch(x -> x.contains("2 plaintext DNS packets")), r.reasons().toString());
    }

    @Test
    @DisplayName("plaintext on 853, capture drops and another program's leak each make the result UNPROVEN")
    void dropsAndOtherLeaks() throws InterruptedException {
        ScriptedCapture c = new ScriptedCapture(null);
        VerifyResult p853 = verifier(new ScriptedSender(true, (n, i) -> { c.encrypted(1); c.plaintext853(1); }))
                .verify(c, Verifier.names(2));
        assertEquals(VerifyVerdict.UNPROVEN, p853.verdict());
        ScriptedCapture d = new ScriptedCapture(null);
        VerifyResult drops = verifier(new ScriptedSender(true, (n, i) -> { d.encrypted(1); d.dropped(3); }))
                .verify(d, Verifier.names(1));
        assertEquals(VerifyVerdict.UNPROVEN, drops.verdict());
        assertTrue(drops.reasons().stream().anyMatch(x -> x.contains("dropped 3")), drops.reasons().toString());
        ScriptedCapture o = new ScriptedCapture(null);
        VerifyResult other = verifier(new ScriptedSender(true, (n, i) -> {
            o.encrypted(1);
            o.leaked(ScriptedCapture.leak(LeakRecord.UNREADABLE, "198.18.9.4"));
        })).verify(o, Verifier.names(1));
        assertEquals(VerifyVerdict.UNPROVEN, other.verdict());
    }

    @Test
    @DisplayName("a capture that ends while the test runs (its interface went away) saw only part of it: UNPROVEN, "
            + "saying so, never an all-clear from the encrypted packets seen before")
    void captureEndedMeanwhile() throws Exception {
        ScriptedCapture c = new ScriptedCapture(null);
        c.start();
        VerifyResult r = verifier(new ScriptedSender(true, (n, i) -> {
            if (i == 0) c.encrypted(4);
            if (i == 1) c.ends("capture failed: The interface disappeared");
        })).verify(c, Verifier.names(3));
        assertEquals(VerifyVerdict.UNPROVEN, r.verdict());
        assertEquals(List.of("The capture stopped while the test ran (capture failed: The interface disappeared): it "
                + "may have missed a leak."), r.reasons());
    }

    /** A scripted capture whose port-853 evidence comes from a real pipeline fed with the test's frames. */
    static final class PipelineCapture extends ScriptedCapture implements PipelineAccess {
        final PacketPipeline pipeline = new PacketPipeline(new TrafficMeter(60), LocalAddresses.loopbackOnly(),
                c -> { }, null);
        long nanos = System.currentTimeMillis() * 1_000_000L;

        PipelineCapture() {
            super(null);
        }

        @Override
        public PacketPipeline pipeline() {
            return pipeline;
        }

        @Override
        public MeterSnapshot snapshot(int seconds) {
            return pipeline.meter().snapshot(seconds, nanos / 1_000_000_000L);
        }

        /** One TCP segment between 198.18.0.1:40000 and the server 198.18.0.2:853 (raw IPv4). */
        void tcp853(boolean toServer, int flags, byte[] payload) {
            byte[] f = new byte[40 + payload.length];
            f[0] = 0x45;
            f[2] = (byte) (f.length >> 8);
            f[3] = (byte) f.length;
            f[8] = 64;
            f[9] = 6;
            byte[] client = {(byte) 198, 18, 0, 1};
            byte[] server = {(byte) 198, 18, 0, 2};
            System.arraycopy(toServer ? client : server, 0, f, 12, 4);
            System.arraycopy(toServer ? server : client, 0, f, 16, 4);
            int sp = toServer ? 40000 : 853;
            int dp = toServer ? 853 : 40000;
            f[20] = (byte) (sp >> 8);
            f[21] = (byte) sp;
            f[22] = (byte) (dp >> 8);
            f[23] = (byte) dp;
            f[27] = 1; // sequence number
            f[32] = 0x50;
            f[33] = (byte) flags;
            System.arraycopy(payload, 0, f, 40, payload.length);
            pipeline.accept(nanos += 1_000_000, LinkTypes.RAW, "eth0", f, 0, f.length, f.length);
        }
    }

    @Test
    @DisplayName("strict DNS over TLS refused (SYN, then reset on 853): no encrypted evidence, never ALL_ENCRYPTED")
    void refused853IsNoEvidence() throws InterruptedException {
        PipelineCapture c = new PipelineCapture();
        VerifyResult refused = verifier(new ScriptedSender(true, (n, i) -> {
            c.tcp853(true, 0x02, new byte[0]);   // SYN
            c.tcp853(false, 0x14, new byte[0]);  // RST, ACK
        })).verify(c, Verifier.names(3));
        assertEquals(6, c.pipeline.meter().total(TrafficClass.ENCRYPTED).packets(), "the graph still shows them");
        assertEquals(0, refused.encryptedPackets());
        assertEquals(VerifyVerdict.UNPROVEN, refused.verdict());
        assertEquals(List.of("No encrypted DNS traffic was seen."), refused.reasons());
        byte[] tls = {22, 3, 1, 0, 4, 1, 0, 0, 0}; // a (short) ClientHello record
        VerifyResult ok = verifier(new ScriptedSender(true, (n, i) -> c.tcp853(true, 0x18, tls)))
                .verify(c, Verifier.names(2));
        assertEquals(2, ok.encryptedPackets());
        assertEquals(VerifyVerdict.ALL_ENCRYPTED, ok.verdict());
    }
}
