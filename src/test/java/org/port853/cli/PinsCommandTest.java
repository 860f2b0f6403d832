package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.ProviderCatalog;
import org.port853.core.ServerAddress;
import org.port853.probe.dot.TrustAnchors;
import org.port853.probe.pins.PinRecord;
import org.port853.probe.pins.PinStore;

@DisplayName("pins: listing reads only the store, probing is --check, an empty store says so")
class PinsCommandTest {
    final CliCommandsTest.RecordingAdapter adapter = new CliCommandsTest.RecordingAdapter();

    @TempDir
    Path dir;

    Path store() {
        return dir.resolve("pins.json");
    }

    CliRuns.Run run(String... args) {
        return CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled),
                CliRuns.pinStore(store()), args);
    }

    /** The configured server: a closed port on loopback (a probe of it is refused at once, nothing leaves). */
    void configuredLoopback() {
        adapter.state = BenchProvidersCommandTest.withServers(List.of(ServerAddress.parse("127.0.0.1:9#dot.test")));
    }

    void recordOne() throws Exception {
        PinStore s = PinStore.load(store());
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        s.put(new PinRecord("198.18.2.1#dot.test", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "tofu", "CN=Test CA", t, t, null));
        s.save();
    }

    @Test
    @DisplayName("plain pins, --json and --export stubby contact nothing and change nothing")
    void listingIsReadOnly() throws Exception {
        configuredLoopback();
        recordOne();
        String before = Files.readString(store());
        for (String[] args : List.of(new String[] {"pins"}, new String[] {"pins", "--json"},
                new String[] {"pins", "--export", "stubby"})) {
            CliRuns.Run r = run(args);
            assertEquals(0, r.code(), r.err());
            assertEquals(before, Files.readString(store()), "lastChecked unchanged by " + String.join(" ", args));
        }
        assertFalse(adapter.calls.contains("readState"), "the configured servers were not even looked up: " + adapter.calls);
        CliRuns.Run json = run("pins", "--json");
        assertEquals(0, new ObjectMapper().readTree(json.out()).get("checks").size());
        assertTrue(run("pins").out().contains("198.18.2.1#dot.test\n    sha256/AAAA"), run("pins").out());
    }

    @Test
    void checkProbesTheConfiguredServers() {
        configuredLoopback();
        CliRuns.Run r = run("pins", "--check", "--timeout", "300");
        assertTrue(adapter.calls.contains("readState"));
        assertTrue(r.out().contains("127.0.0.1:9#dot.test"), r.out());
    }

    @Test
    void emptyStoreSaysThereAreNoneAndHowTheyGetRecorded() {
        CliRuns.Run r = run("pins");
        assertEquals(0, r.code());
        assertEquals("No pins recorded yet in " + store() + ": 'port853 apply' records the pins of the servers it puts in "
                + "place, 'port853 pins --check' those of the configured servers (or of --server ones)",
                String.join(" ", r.out().lines().toList()));
        TerminalWidth.assertFits(r.out());
        assertFalse(Files.exists(store()), "listing creates no file");
    }

    @Test
    @DisplayName("--export stubby with no pins: nothing on stdout (it would be appended to stubby.yml), non-zero, why on stderr")
    void exportWithoutPinsPrintsNothing() {
        CliRuns.Run r = run("pins", "--export", "stubby");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("port853 pins: no pins recorded in " + store() + ", so nothing to export"), r.err());
    }

    @Test
    void everyWithoutWatchIsAnError() {
        CliRuns.Run r = run("pins", "--every", "1h");
        assertEquals(2, r.code());
        assertEquals("port853 pins: --every sets the period of --watch; add --watch\n", r.err());
    }

    @Test
    void serverWithoutCheckIsAnError() {
        CliRuns.Run r = run("pins", "--server", "127.0.0.1:9#dot.test");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("add --check"), r.err());
    }

    static final String PIN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @Test
    @DisplayName("a malformed entry refuses the whole store, naming the file and the entry, and leaves the file as it is")
    void malformedEntryIsRefused() throws Exception {
        String badServer = "{\"pins\":[{\"server\":\"198.18.2.1#dot.test\",\"pin\":\"" + PIN + "\"},"
                + "{\"server\":\"1.2.3#x\",\"pin\":\"" + PIN + "\"}]}";
        String badPin = "{\"pins\":[{\"server\":\"198.18.2.1#dot.test\",\"pin\":\"a: b # c\"}]}";
        for (String[] stored : List.of(new String[] {badServer, "entry 2 (server '1.2.3#x'): '1.2.3' is not an IPv4 or "
                + "IPv6 address"}, new String[] {badPin, "entry 1 (server '198.18.2.1#dot.test'): pin 'a: b # c' is not a "
                + "SHA-256 SPKI pin (base64 of 32 bytes)"})) {
            Files.writeString(store(), stored[0]);
            for (String[] args : List.of(new String[] {"pins"}, new String[] {"pins", "--json"},
                    new String[] {"pins", "--export", "stubby"})) {
                CliRuns.Run r = run(args);
                assertEquals(1, r.code(), String.join(" ", args));
                assertEquals(CliRuns.failureOut(r, args), r.out(), String.join(" ", args));
                assertEquals("port853 pins: the pin file " + store() + " has a malformed " + stored[1]
                        + "; correct or remove that entry (the file is left as it is)\n", r.err());
                assertEquals(stored[0], Files.readString(store()));
            }
        }
    }

    @Test
    @DisplayName("a pin file that is a directory or not a pin list is refused as what it is, never listed as empty or called invalid JSON")
    void pinFileOfTheWrongKindIsRefused() throws Exception {
        Files.createDirectory(store());
        CliRuns.Run r = run("pins");
        assertEquals(1, r.code());
        assertEquals("port853 pins: the pin file " + store() + " is a directory, not a file; move it away to start over\n",
                r.err());
        Files.delete(store());
        Files.writeString(store(), "{\"pins\": [");
        r = run("pins");
        assertEquals(1, r.code());
        assertEquals("port853 pins: the pin file " + store() + " is not valid JSON; move it away to start over (the file "
                + "is left as it is)\n", r.err(), "said as the other unreadable files are");
        assertEquals("{\"pins\": [", Files.readString(store()));
        // an object without "pins" (another format, a hand edit with "Pins") was read as an empty store, and the next
        // pins --check saved an empty list over it
        for (String stored : List.of("[]", "{\"pins\":{}}", "42", "{\"entries\":[{\"server\":\"198.18.0.2#dot.test\"}]}",
                "{\"Pins\":[]}")) {
            Files.writeString(store(), stored);
            r = run("pins");
            assertEquals(1, r.code(), stored + ": " + r.out());
            assertEquals("", r.out(), stored);
            assertEquals("port853 pins: the pin file " + store() + " is not a pin list (a JSON object with a \"pins\" "
                    + "list); move it away to start over (the file is left as it is)\n", r.err(), stored);
            assertEquals(stored, Files.readString(store()));
        }
        String other = "{\"version\":2,\"entries\":[]}";
        Files.writeString(store(), other);
        assertEquals(1, run("pins", "--check", "--server", "127.0.0.1#a.test", "--timeout", "300").code());
        assertEquals(other, Files.readString(store()), "a check leaves a file it cannot read as it is");
        for (String newer : List.of("{\"version\":2,\"pins\":[]}", "{\"version\":2,\"entries\":[]}",
                "{\"version\":4294967297,\"pins\":[]}")) {
            Files.writeString(store(), newer);
            r = run("pins");
            assertEquals(1, r.code(), newer);
            assertTrue(r.err().contains("was written by a newer Port853 (format version "), newer + ": " + r.err());
        }
        Files.writeString(store(), "");
        assertEquals(0, run("pins").code(), "an empty file is an empty store, as before");
        Files.writeString(store(), "{}");
        assertEquals(0, run("pins").code(), "so is an empty object");
    }

    @Test
    @DisplayName("the listing leaves out what the store does not hold instead of printing null")
    void missingFieldsAreLeftOut() throws Exception {
        Files.writeString(store(), "{\"pins\":[{\"server\":\"198.18.2.1#dot.test\",\"pin\":\"" + PIN + "\"}]}");
        CliRuns.Run r = run("pins");
        assertEquals(0, r.code(), r.err());
        assertEquals("Pins in " + store() + ":\n  198.18.2.1#dot.test\n    sha256/" + PIN + "\n    (tofu)\n", r.out());
    }

    @Test
    @DisplayName("options of which only one would take effect are refused with one sentence, before anything is done")
    void conflictingOptionsAreRefused() throws Exception {
        configuredLoopback();
        recordOne();
        String before = Files.readString(store());
        for (String[] conflict : List.of(
                new String[] {"--export and --json are two output formats: choose one", "--json", "--export", "stubby"},
                new String[] {"--export prints only the pins, so --check's results would be lost: run 'port853 pins "
                        + "--check' first, then 'port853 pins --export stubby'", "--check", "--export", "stubby"},
                new String[] {"--watch prints text and cannot be combined with --export or --json", "--watch", "--json",
                        "--accept", "198.18.2.1#dot.test"})) {
            assertRefused(conflict);
            assertEquals(before, Files.readString(store()), "nothing accepted or recorded by " + String.join(" ", conflict));
        }
        assertFalse(adapter.calls.contains("readState"), "nothing probed: " + adapter.calls);
    }

    @Test
    @DisplayName("--accept with an address whose key is recorded under a TLS name names that spelling")
    void acceptWithoutTheNameSaysHowItIsRecorded() throws Exception {
        Files.writeString(store(), "{\"pins\":[{\"server\":\"198.18.2.1#dot.test\",\"pin\":\"" + PIN + "\"}]}");
        CliRuns.Run r = run("pins", "--accept", "198.18.2.1");
        assertEquals(2, r.code());
        assertEquals("port853 pins: no recorded key for 198.18.2.1; pins are recorded per address and TLS name: "
                + "198.18.2.1#dot.test\n", r.err());
        r = run("pins", "--accept", "198.18.2.9#dot.test");
        assertTrue(r.err().endsWith("run 'port853 pins --check' first\n"), r.err());
    }

    /** A pin other than {@link #PIN}: the key a check saw after the change. */
    static final String NEW_PIN = "YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI=";

    /** 198.18.0.1#a.test, whose key changed since it was recorded (nothing listens there; nothing is probed). */
    static final String CHANGED = "{\"server\":\"198.18.0.1#a.test\",\"pin\":\"" + PIN + "\",\"lastPin\":\""
            + NEW_PIN + "\"}";

    @Test
    @DisplayName("a key change the store holds is flagged in the text listing, warned about by --export and fails "
            + "every listing (exit 1), in the words of --check")
    void changedKeyIsFlaggedByEveryListing() throws Exception {
        Files.writeString(store(), "{\"pins\":[" + CHANGED + ",{\"server\":\"198.18.0.2#b.test\",\"pin\":\"" + PIN
                + "\"}]}");
        String before = Files.readString(store());
        CliRuns.Run r = run("pins");
        assertEquals(1, r.code(), r.err());
        assertEquals("Pins in " + store() + ":\n  198.18.0.1#a.test\n    sha256/" + PIN + "\n    (tofu)\n"
                + "    THE SERVER'S KEY CHANGED: recorded tofu pin\n    " + PIN + ", now\n    " + NEW_PIN + ".\n"
                + "    Fix: Providers rotate keys rarely and announce it. If the provider did not,\n    someone may be "
                + "intercepting: use another network. Accept the new key only\n    when you know why: port853 pins --accept "
                + "198.18.0.1#a.test.\n  198.18.0.2#b.test\n    sha256/" + PIN + "\n    (tofu)\n", r.out());
        TerminalWidth.assertFits(r.out());

        r = run("pins", "--json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.json().get("pins").get(0).get("changed").asBoolean());

        r = run("pins", "--export", "stubby");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("value: " + PIN) && !r.out().contains(NEW_PIN), "the recorded pin is exported: "
                + r.out());
        assertEquals("port853 pins: 198.18.0.1#a.test: THE SERVER'S KEY CHANGED: recorded tofu pin " + PIN + ", now "
                + NEW_PIN + ". The export holds the recorded pin, so Stubby refuses the server until its new key is "
                + "accepted and exported again. Providers rotate keys rarely and announce it. If the provider did not, "
                + "someone may be intercepting: use another network. Accept the new key only when you know why: "
                + "port853 pins --accept 198.18.0.1#a.test.\n", r.err());
        assertEquals(before, Files.readString(store()), "listing changes nothing");
    }

    @Test
    @DisplayName("the listing fits 80 columns: a long TLS name, the pin, the issuer and the times on lines of their "
            + "own, none of them cut")
    void listingFitsATerminal() throws Exception {
        String name = "a-rather-long-label-of-a-provider.dns-over-tls.servers.example-operator.test";
        PinStore s = PinStore.load(store());
        Instant t = Instant.parse("2026-11-01T10:00:00.123456Z");
        s.put(new PinRecord("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff#" + name, PIN, "tofu",
                "CN=Example Intermediate Certificate Authority G2,O=Example Trust Services,C=DE", t, t, null));
        s.save();
        CliRuns.Run r = run("pins");
        assertEquals(0, r.code(), r.err());
        TerminalWidth.assertFits(r.out());
        assertTrue(String.join("", r.out().lines().map(String::strip).toList())
                .contains(":2001:db8:ffff:ffff:ffff:ffff:ffff:ffff#" + name + "sha256/"), "the server whole, "
                + "broken only where it does not fit: " + r.out());
        assertTrue(r.out().contains("\n    sha256/" + PIN + "\n"), r.out());
        assertTrue(String.join(" ", r.out().lines().map(String::strip).toList()).contains("(tofu, issuer 'CN=Example Intermediate "
                + "Certificate Authority G2,O=Example Trust Services,C=DE', first seen 2026-11-01T10:00:00.123456Z, "
                + "last checked 2026-11-01T10:00:00.123456Z)"), r.out());
    }

    @Test
    @DisplayName("--accept with several servers in one value is refused with the hint --server gives: one each")
    void acceptOfACommaSeparatedListSaysOneServerEach() throws Exception {
        Files.writeString(store(), "{\"pins\":[" + CHANGED + "]}");
        String before = Files.readString(store());
        CliRuns.Run r = run("pins", "--accept", "198.18.0.1#a.test,198.18.0.2#b.test");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("; give each server with its own --accept (--accept IP#NAME --accept IP#NAME)"),
                r.err());
        assertEquals(before, Files.readString(store()), "nothing accepted");

        r = run("pins", "--accept", "198.18.0.1#a.test", "--accept", "198.18.0.1#a.test");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("accepted the key sha256/" + NEW_PIN + " as the pin of 198.18.0.1#a.test"), r.err());
        assertTrue(r.err().contains("has not changed; nothing to accept"), "the second, once the first took it: "
                + r.err());
    }

    @Test
    @DisplayName("--accept of a recorded key that has not changed says so (exit 0) and changes nothing")
    void acceptOfAnUnchangedKeySaysThereIsNothingToAccept() throws Exception {
        String stored = "{\"pins\":[{\"server\":\"198.18.0.1#a.test\",\"pin\":\"" + PIN
                + "\",\"source\":\"catalogue\"},{\"server\":\"198.18.0.2#a.test\",\"pin\":\"" + PIN
                + "\",\"lastPin\":\"" + PIN + "\"}]}";
        Files.writeString(store(), stored);
        for (String server : List.of("198.18.0.1#a.test", "198.18.0.2#a.test")) {
            CliRuns.Run r = run("pins", "--accept", server);
            assertEquals(0, r.code(), r.err());
            assertEquals("port853 pins: note: the key of " + server + " has not changed; nothing to accept\n", r.err());
            assertTrue(r.out().startsWith("Pins in "), r.out());
            assertEquals(stored, Files.readString(store()), "nothing accepted, the published pin stays published");
        }
        CliRuns.Run spelled = run("pins", "--accept", "198.18.0.1:853#A.test");
        assertEquals("port853 pins: note: the key of 198.18.0.1#a.test has not changed; nothing to accept\n",
                spelled.err(), "named as the store holds it, not as typed");
    }

    @Test
    @DisplayName("--accept finds the server in any spelling, also one the file spells otherwise")
    void acceptFindsTheServerInItsCanonicalSpelling() throws Exception {
        for (String[] spelling : List.of(new String[] {"198.18.0.1#a.test", "198.18.0.1#A.TEST"},
                new String[] {"198.18.0.1#A.TEST", "198.18.0.1#a.test"})) {
            Files.writeString(store(), "{\"pins\":[" + CHANGED.replace("198.18.0.1#a.test", spelling[0]) + "]}");
            CliRuns.Run r = run("pins", "--accept", spelling[1]);
            assertEquals(0, r.code(), r.err());
            assertEquals("port853 pins: accepted the key sha256/" + NEW_PIN + " as the pin of 198.18.0.1#a.test, "
                    + "in place of sha256/" + PIN + "\n", r.err(), "says what it accepted");
            PinRecord accepted = PinStore.load(store()).find("198.18.0.1#a.test").orElseThrow();
            assertEquals(NEW_PIN, accepted.pin(), spelling[0] + " accepted as " + spelling[1]);
            assertFalse(accepted.changed());
        }
    }

    @Test
    @DisplayName("two entries with different keys for one server (in any spelling) refuse the store with one sentence "
            + "naming the server, and leave the file as it is")
    void duplicateEntriesAreRefused() throws Exception {
        String stored = "{\"pins\":[" + CHANGED + ",{\"server\":\"198.18.0.2#b.test\",\"pin\":\"" + PIN + "\"},"
                + CHANGED.replace("198.18.0.1#a.test", "198.18.0.1:853#A.Test").replace("\"lastPin\":\"" + NEW_PIN,
                "\"lastPin\":\"" + PIN) + "]}";
        Files.writeString(store(), stored);
        for (String[] args : List.of(new String[] {"pins"}, new String[] {"pins", "--json"},
                new String[] {"pins", "--export", "stubby"}, new String[] {"pins", "--accept", "198.18.0.1#a.test"})) {
            CliRuns.Run r = run(args);
            assertEquals(1, r.code(), String.join(" ", args));
            assertEquals(CliRuns.failureOut(r, args), r.out(), String.join(" ", args));
            assertEquals("port853 pins: the pin file " + store() + " has two entries for the server 198.18.0.1#a.test, "
                    + "entry 1 (server '198.18.0.1#a.test') and entry 3 (server '198.18.0.1:853#A.Test'), with different "
                    + "keys; remove one of them (the file is left as it is)\n", r.err());
            assertEquals(stored, Files.readString(store()));
        }
    }

    @Test
    @DisplayName("--export takes its format in any case, as export --format does")
    void exportFormatInAnyCase() throws Exception {
        recordOne();
        String stubby = run("pins", "--export", "stubby").out();
        for (String format : List.of("STUBBY", "Stubby")) {
            CliRuns.Run r = run("pins", "--export", format);
            assertEquals(0, r.code(), r.err());
            assertEquals(stubby, r.out());
        }
        CliRuns.Run r = run("pins", "--export", "unbound");
        assertEquals(2, r.code());
        assertEquals("port853 pins: --export knows one format: stubby\n", r.err());
    }

    @Test
    @DisplayName("--timeout and --ca-file without --check or --watch are refused like --server and --every (exit 2); a "
            + "listing reads no CA file")
    void probeOptionsWithoutProbingAreRefused() throws Exception {
        String stored = "{\"pins\":[" + CHANGED + "]}";
        Files.writeString(store(), stored);
        String missing = dir.resolve("no-such-ca.pem").toString();
        String ca = "--ca-file names the CAs the probes trust: add --check (plain 'pins' only lists the recorded pins)";
        for (String[] refused : List.of(
                new String[] {"--timeout sets how long each probe waits: add --check (plain 'pins' only lists the "
                        + "recorded pins)", "--timeout", "100"},
                new String[] {ca, "--ca-file", missing},
                new String[] {ca, "--accept", "198.18.0.1#a.test", "--ca-file", missing})) {
            assertRefused(refused);
        }
        assertEquals(stored, Files.readString(store()), "nothing accepted");
        String before = System.getProperty(TrustAnchors.PROPERTY);
        System.setProperty(TrustAnchors.PROPERTY, missing);
        try {
            CliRuns.Run r = run("pins");
            assertTrue(r.out().startsWith("Pins in "), "the listing needs no trust anchors: " + r.err());
        } finally {
            if (before == null) {
                System.clearProperty(TrustAnchors.PROPERTY);
            } else {
                System.setProperty(TrustAnchors.PROPERTY, before);
            }
        }
    }

    @Test
    @DisplayName("--check with --watch is refused as a conflict (exit 2) rather than --check ignored")
    void checkWithWatchIsRefused() {
        // no store and no --server: were it not refused, the watch would probe nothing, and it is stopped after 10 s
        CliRuns.Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run("pins", "--check", "--watch"));
        assertEquals(2, r.code());
        assertEquals("port853 pins: --check checks once and --watch keeps checking: choose one\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    @DisplayName("--check with the resolver's servers unreadable and nothing recorded says why it checked nothing (exit 1)")
    void checkWithoutServersSaysWhy() {
        adapter.state = new org.port853.core.ResolverState("systemd-resolved", org.port853.core.StateSource.NONE, true,
                false, null, List.of(), null, "systemd-resolved is not running", null);
        CliRuns.Run r = run("pins", "--check");
        assertEquals(1, r.code(), r.out());
        assertEquals("port853 pins: nothing to check: the configured DNS servers could not be read (systemd-resolved is "
                + "not running) and no pin is recorded; name servers with --server IP#NAME\n", r.err());
    }

    /** {@code sentenceAndOptions}: the refusal's sentence, then the options after "pins"; exit 2, nothing printed. */
    private void assertRefused(String[] sentenceAndOptions) {
        String[] args = new String[sentenceAndOptions.length];
        args[0] = "pins";
        System.arraycopy(sentenceAndOptions, 1, args, 1, sentenceAndOptions.length - 1);
        CliRuns.Run r = run(args);
        assertEquals(2, r.code(), String.join(" ", args));
        assertEquals("port853 pins: " + sentenceAndOptions[0] + "\n", r.err());
        assertEquals(CliRuns.failureOut(r, args), r.out());
    }
}
