package org.port853.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Counts packets in a capture with tshark (Wireshark's dissector), the reference the tests trust. */
final class Pcaps {
    private Pcaps() {
    }

    static int count(Path pcap, String displayFilter) {
        try {
            Process p = new ProcessBuilder("tshark", "-n", "-r", pcap.toString(), "-Y", displayFilter, "-T", "fields",
                    "-e", "frame.number").redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("tshark failed on " + pcap + ": "
                        + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return (int) out.lines().filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static int toPort53(Path pcap, String server) {
        return count(pcap, "ip.addr==" + server + " && (udp.port==53 || tcp.port==53)");
    }

    static int toPort853(Path pcap, String server) {
        return count(pcap, "ip.addr==" + server + " && tcp.port==853");
    }
}
