package org.port853.probe.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinStoreTest {
    static final String A = ServerPinsTest.PIN_A;

    @TempDir
    Path dir;

    @Test
    @DisplayName("an issuer with terminal escapes or a new line (a certificate's or the file's text) is kept escaped, "
            + "and so is a certificate's as a probe reports it")
    void issuersAreMadePrintable() throws Exception {
        Path file = dir.resolve("pins.json");
        Files.writeString(file, "{\"pins\":[{\"server\":\"198.18.0.2#a.test\",\"pin\":\"" + A + "\","
                + "\"issuer\":\"CN=Evil\\n\\u001b[31mRED\"}]}");
        assertEquals("CN=Evil\\n\\x1b[31mRED", PinStore.load(file).all().get(0).issuer());
        org.port853.probe.dot.CertificateReport c = new org.port853.probe.dot.CertificateReport("dot\u001b.test",
                "Evil\nCA", "Root\u009b", List.of("DNS:a\u202e.test"), java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                false, false, true, null, true, "dot.test", A);
        assertEquals(List.of("dot\\x1b.test", "Evil\\nCA", "Root\\x9b", "DNS:a\\u202e.test"),
                List.of(c.subject(), c.issuer(), c.rootIssuer(), c.names().get(0)));
    }

    @Test
    @DisplayName("a server the file spells otherwise is read in its canonical form, so lookups find it")
    void spellingsAreReadCanonically() throws Exception {
        Path file = dir.resolve("pins.json");
        Files.writeString(file, "{\"pins\":[{\"server\":\"198.18.0.2#A.TEST\",\"pin\":\"" + A + "\"},"
                + "{\"server\":\"198.18.0.3:0853#bücher.de\",\"pin\":\"" + A + "\"},"
                + "{\"server\":\"[2001:0db8::0001]:853#Dot.Test\",\"pin\":\"" + A + "\"}]}");
        PinStore store = PinStore.load(file);
        List<String> canonical = List.of("198.18.0.2#a.test", "198.18.0.3#xn--bcher-kva.de", "2001:db8::1#dot.test");
        assertEquals(canonical, store.all().stream().map(PinRecord::server).toList());
        canonical.forEach(s -> assertTrue(store.find(s).isPresent(), s));
        for (String spelling : List.of("198.18.0.2:853#A.test", "198.18.0.3:0853#BÜCHER.de", "[2001:db8::1]:853#dot.test")) {
            assertTrue(store.find(spelling).isPresent(), spelling + " is a recorded server");
        }
        assertTrue(store.find("198.18.0.2:8853#a.test").isEmpty(), "another port is another server");
    }

    @Test
    @DisplayName("IP#NAME and IP:853#NAME are one server: two entries with the same keys are read as one (the one "
            + "checked last), two with different keys are refused; lookups take any spelling, a link-local one too")
    void spellingsOfOneServer() throws Exception {
        Path file = dir.resolve("pins.json");
        Files.writeString(file, "{\"pins\":[{\"server\":\"198.18.0.2#a.test\",\"pin\":\"" + A + "\","
                + "\"lastChecked\":\"2026-11-01T10:00:00Z\"},{\"server\":\"198.18.0.2:853#A.test\",\"pin\":\"" + A
                + "\",\"lastChecked\":\"2026-11-02T10:00:00Z\"}]}");
        PinStore merged = PinStore.load(file);
        assertEquals(1, merged.all().size(), merged.all().toString());
        assertEquals(java.time.Instant.parse("2026-11-02T10:00:00Z"), merged.all().get(0).lastChecked());
        Files.writeString(file, "{\"pins\":[{\"server\":\"198.18.0.2#a.test\",\"pin\":\"" + A + "\"},"
                + "{\"server\":\"198.18.0.2:853#A.test\",\"pin\":\"" + ServerPinsTest.PIN_B + "\"}]}");
        Exception twice = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> PinStore.load(file));
        assertTrue(twice.getMessage().contains("two entries for the server 198.18.0.2#a.test"), twice.getMessage());
        assertTrue(merged.find("fe80::1#router.test").isEmpty(), "a link's router: not recorded, and no error");
        PinStore store = PinStore.load(dir.resolve("none.json"));
        store.put(new PinRecord("198.18.0.5:853#e.test", A, "tofu", null, null, null, null));
        assertEquals(List.of("198.18.0.5#e.test"), store.all().stream().map(PinRecord::server).toList(), "put writes it so");
        assertEquals(List.of("198.18.0.5:853#e.test", "198.18.0.6#f.test"), store.andRecorded(List.of(
                org.port853.core.ServerAddress.parse("198.18.0.5:853#e.test"),
                org.port853.core.ServerAddress.parse("198.18.0.6#f.test"))).stream().map(Object::toString).toList(),
                "a recorded server already named in another spelling is not probed twice");
    }

    @Test
    @DisplayName("a time with an offset is read as that moment and written back in UTC; a time without its zone is "
            + "refused with one sentence naming the field and the form")
    void timesNeedTheirZone() throws Exception {
        Path file = dir.resolve("pins.json");
        Files.writeString(file, "{\"pins\":[{\"server\":\"198.18.0.2#a.test\",\"pin\":\"" + A + "\","
                + "\"firstSeen\":\"2026-11-01T11:00:00+01:00\"}]}");
        PinStore store = PinStore.load(file);
        assertEquals(java.time.Instant.parse("2026-11-01T10:00:00Z"), store.all().get(0).firstSeen());
        store.save();
        assertTrue(Files.readString(file).contains("\"2026-11-01T10:00:00Z\""), Files.readString(file));

        Files.writeString(file, "{\"pins\":[{\"server\":\"198.18.0.2#a.test\",\"pin\":\"" + A + "\","
                + "\"firstSeen\":\"2026-11-01T11:00:00\"}]}");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> PinStore.load(file));
        assertTrue(e.getMessage().contains("firstSeen '2026-11-01T11:00:00' is not an ISO-8601 time with its zone"),
                e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aPipeAsThePinFileIsRefusedNotWaitedOn() throws Exception {
        Path file = dir.resolve("pins.json");
        assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
        Exception e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> PinStore.load(file)));
        assertEquals("the pin file " + file + " cannot be read (" + file + " is not a regular file); the pins recorded "
                + "in it are unknown until it can be read", e.getMessage());
    }
}
