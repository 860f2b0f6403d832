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
        List<String> canonical = List.of("198.18.0.2#a.test", "198.18.0.3:853#xn--bcher-kva.de",
                "[2001:db8::1]:853#dot.test");
        assertEquals(canonical, store.all().stream().map(PinRecord::server).toList());
        canonical.forEach(s -> assertTrue(store.find(s).isPresent(), s));
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
}
