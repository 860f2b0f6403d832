package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.port853.core.ProviderCatalog;
import org.port853.core.ServerAddress;

@DisplayName("doctor: bad input is refused before anything is probed")
class DoctorCommandTest {
    /** A closed port on loopback: a probe of it is refused at once, nothing leaves the machine. */
    static final String LOOPBACK = "127.0.0.1:9#dot.test";

    final CliCommandsTest.RecordingAdapter adapter = new CliCommandsTest.RecordingAdapter();

    CliRuns.Run run(String... args) {
        adapter.state = BenchProvidersCommandTest.withServers(List.of(ServerAddress.parse(LOOPBACK)));
        return CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled), args);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--large-query   | ./BOGUS   | --large-query './BOGUS' cannot be queried: 'BOGUS' is not a DNS record type",
            "--large-query   | a..b/A    | --large-query 'a..b/A' cannot be queried: 'a..b' is not a DNS name",
            "--name          | ''        | --name '' cannot be queried: '' is not a DNS name",
            "--dnssec-signed | a..b      | --dnssec-signed 'a..b' cannot be queried: 'a..b' is not a DNS name",
            "--dnssec-bogus  | a..b      | --dnssec-bogus 'a..b' cannot be queried: 'a..b' is not a DNS name"})
    @DisplayName("an unusable test query: one sentence naming the option and value, exit 2, nothing on stdout, no probe")
    void unusableQueryIsBadInput(String option, String value, String sentence) {
        for (List<String> extra : List.of(List.<String>of(), List.of("--json"))) {
            List<String> args = new java.util.ArrayList<>(List.of("doctor", "--server", LOOPBACK, "--timeout", "300",
                    option, value));
            args.addAll(extra);
            CliRuns.Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertEquals("port853 doctor: " + sentence + "\n", r.err());
            assertEquals("", r.out());
            assertFalse(adapter.calls.contains("readState"), "refused before the resolver was even read: " + adapter.calls);
        }
    }
}
