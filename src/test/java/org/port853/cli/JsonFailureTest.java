package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.port853.core.ProviderCatalog;

/** A run given --json that fails before printing its document still prints one, with the stderr sentence in it. */
class JsonFailureTest {
    private final CliServices unreachable = new CliServices(() -> {
        throw new AssertionError("nothing is read when the command line is wrong");
    }, ProviderCatalog::bundled);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "apply --provider quad9 --json          | apply  | missing required option: '--mode=MODE'",
            "status --json --bogus                  | status | unknown option: '--bogus'",
            "export --provider quad9 --mode strict --json | export | unknown option: '--json'",
            "statuz --json                          |        | unknown command 'statuz'; did you mean status?"})
    @DisplayName("a command line that cannot be parsed: the sentence as a JSON document on stdout, exit 2")
    void parseErrorsAreDocuments(String args, String command, String message) throws Exception {
        CliRuns.Run r = CliRuns.run(unreachable, args.trim().split(" +"));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), "one line, also for monitor's JSON lines: " + r.out());
        JsonNode error = r.json().get("error");
        assertEquals(command == null ? null : command.trim(), error.get("command").isNull() ? null
                : error.get("command").asText());
        assertEquals(2, error.get("exitCode").asInt());
        assertEquals(message.trim(), error.get("message").asText());
        assertTrue(r.err().contains(message.trim()), "stderr keeps its sentence: " + r.err());
    }

    @Test
    @DisplayName("an error met while running (a file that does not exist) is a document too")
    void runErrorsAreDocuments(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.pcap");
        CliRuns.Run r = CliRuns.run(unreachable, "analyze", missing.toString(), "--json");
        assertEquals(2, r.code(), r.err());
        assertEquals(r.err().strip().replaceFirst("^port853 analyze: ", ""),
                r.json().at("/error/message").asText());
        assertEquals("analyze", r.json().at("/error/command").asText());
    }

    @Test
    @DisplayName("without --json a failure prints nothing on stdout; after '--' the word is not the option")
    void onlyWhenAsked() {
        assertEquals("", CliRuns.run(unreachable, "apply", "--provider", "quad9").out());
        assertEquals(false, JsonFailure.asksForJson(new String[] {"analyze", "--", "--json"}));
    }
}
