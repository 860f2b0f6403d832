package org.port853.capture;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Leaked queries as CSV (<a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a>): a header line, one line a
 * record, CRLF line ends, a cell quoted when it holds a comma, a quote, CR or LF (quotes doubled). Query names come
 * off the wire, so a cell a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) gets a
 * leading apostrophe, as OWASP's "CSV injection" advice says, and is quoted. Callers may add columns of their own
 * after the capture's (the window adds why each query leaked and the fix).
 */
public final class LeakCsv {
    public static final String HEADER = "time,interface,server,name,type,process";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** A column after the capture's: its header and its value for a record (null is empty). */
    public record Column(String header, Function<LeakRecord, String> value) {
    }

    private final DateTimeFormatter time;
    private final List<Column> extra;

    /** @param zone the zone the times are written in (ISO 8601 with the offset) */
    public LeakCsv(ZoneId zone) {
        this(zone, List.of());
    }

    /** @param extra columns written after the capture's, in this order */
    public LeakCsv(ZoneId zone, List<Column> extra) {
        this.time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        this.extra = List.copyOf(extra);
    }

    /** The header line: the capture's columns, then the extra ones. */
    public String header() {
        StringBuilder h = new StringBuilder(HEADER);
        extra.forEach(c -> h.append(',').append(cell(c.header())));
        return h.toString();
    }

    /** Writes the header and {@code rows}; returns how many rows were written. Does not close {@code out}. */
    public int write(List<LeakRecord> rows, Writer out) throws IOException {
        out.write(header());
        out.write("\r\n");
        for (LeakRecord r : rows) {
            out.write(line(r));
            out.write("\r\n");
        }
        out.flush();
        return rows.size();
    }

    /** One record's line, without its line end. */
    public String line(LeakRecord r) {
        List<String> cells = new ArrayList<>(List.of(cell(r.time() == null ? "" : time.format(r.time())),
                cell(r.iface()), cell(r.server()), cell(r.name()), cell(r.type()), cell(r.process())));
        extra.forEach(c -> cells.add(cell(c.value().apply(r))));
        return String.join(",", cells);
    }

    /** One cell: defused when a spreadsheet would run it, quoted when RFC 4180 needs it; null is empty. */
    public static String cell(String value) {
        String s = value == null ? "" : value;
        boolean formula = !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0;
        if (formula) {
            s = "'" + s;
        }
        if (formula || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
