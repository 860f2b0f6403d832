package org.port853.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.port853.capture.CaptureSessions;
import org.port853.cli.CliServices;
import org.port853.cli.Port853Command;
import picocli.CommandLine;

/**
 * The installer's class-data-sharing training run of the command line ({@code port853-cli --cds-training},
 * installer/linux/build.sh): the archive holds the classes a run loaded, so this exercises the command line the way
 * {@code port853 analyze FILE --json} does (picocli, the capture engine, JSON), on the bundled demo capture. The
 * window's launcher has its own archive, trained on the window alone: each side's archive is resident in full
 * while it runs (docs/benchmarks.md, round 15). Reads and writes nothing of the system's; its output is discarded.
 */
final class CdsTraining {
    static final String FLAG = "--cds-training";

    private CdsTraining() {
    }

    static void commandLine() {
        Path capture = null;
        try (InputStream in = CdsTraining.class.getResourceAsStream(CaptureSessions.DEMO_RESOURCE)) {
            if (in == null) {
                return;
            }
            capture = Files.createTempFile("port853-training", ".pcap");
            Files.copy(in, capture, StandardCopyOption.REPLACE_EXISTING);
            PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
            CommandLine cl = Port853Command.create(CliServices.system()).setOut(discard).setErr(discard);
            cl.execute("analyze", capture.toString(), "--json");
            cl.execute("analyze", capture.toString());
        } catch (IOException e) {
            System.err.println("port853: command-line training skipped: " + e.getMessage());
        } finally {
            if (capture != null) {
                capture.toFile().delete();
            }
        }
    }
}
