package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeakCsvTest {
    @Test
    @DisplayName("plain cells stay as they are; null is empty")
    void plain() {
        assertEquals("example.org", LeakCsv.cell("example.org"));
        assertEquals("", LeakCsv.cell(null));
        assertEquals("", LeakCsv.cell(""));
        assertEquals("dig (812) → systemd-resolved (97)", LeakCsv.cell("dig (812) → systemd-resolved (97)"));
    }

    @Test
    @DisplayName("commas, quotes and line breaks are quoted as RFC 4180 says, quotes doubled")
    void rfc4180() {
        assertEquals("\"a,b\"", LeakCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", LeakCsv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", LeakCsv.cell("two\nlines"));
        assertEquals("\"cr\rhere\"", LeakCsv.cell("cr\rhere"));
    }

    @Test
    @DisplayName("cells a spreadsheet would run as formulas get an apostrophe and quotes")
    void formulas() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",1)\"", LeakCsv.cell("=HYPERLINK(\"http://x\",1)"));
        assertEquals("\"'+1\"", LeakCsv.cell("+1"));
        assertEquals("\"'-2+3\"", LeakCsv.cell("-2+3"));
        assertEquals("\"'@SUM(A1)\"", LeakCsv.cell("@SUM(A1)"));
        assertEquals("\"'\tx\"", LeakCsv.cell("\tx"));
        assertEquals("a=b", LeakCsv.cell("a=b"), "only a leading sign starts a formula");
    }

    @Test
    @DisplayName("a file: header, CRLF line ends, one line a record, a hostile name kept in one cell")
    void file() throws Exception {
        StringWriter w = new StringWriter();
        int n = new LeakCsv(ZoneOffset.UTC).write(List.of(
                new LeakRecord(Instant.parse("2026-11-25T10:00:00Z"), "wlan0", "192.168.1.1", "leak.example.org", "A",
                        null),
                new LeakRecord(null, "eth0", "10.0.0.1", "=cmd,\"x\"\r\nevil", "TXT", "curl (9)")), w);
        assertEquals(2, n);
        assertEquals("time,interface,server,name,type,process\r\n"
                + "2026-11-25T10:00:00Z,wlan0,192.168.1.1,leak.example.org,A,\r\n"
                + ",eth0,10.0.0.1,\"'=cmd,\"\"x\"\"\r\nevil\",TXT,curl (9)\r\n", w.toString());
    }

    @Test
    @DisplayName("extra columns follow the capture's, quoted and defused like them")
    void extraColumns() throws Exception {
        StringWriter w = new StringWriter();
        LeakCsv csv = new LeakCsv(ZoneOffset.UTC, List.of(new LeakCsv.Column("why", r -> "sent to " + r.server() + ", plain"),
                new LeakCsv.Column("fix", r -> null)));
        csv.write(List.of(new LeakRecord(Instant.parse("2026-11-25T10:00:00Z"), "wlan0", "192.168.1.1", "a.example", "A",
                null)), w);
        assertEquals("time,interface,server,name,type,process,why,fix\r\n"
                + "2026-11-25T10:00:00Z,wlan0,192.168.1.1,a.example,A,,\"sent to 192.168.1.1, plain\",\r\n", w.toString());
    }
}
