package org.port853.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.port853.core.Printable;

/**
 * stderr as the command line writes it: error sentences echo what the user typed (a file name, an interface, an
 * unknown option or command), so a control character in it is written as {@code \xNN} instead of reaching the
 * terminal, where an escape sequence could clear the screen or make the sentence say something else
 * ({@link Printable}). Line ends (LF, and CR for Windows' CRLF) and tabs pass.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    static boolean passes(int c) {
        return c == '\n' || c == '\r' || c == '\t' || Printable.shows(c);
    }

    @Override
    public void write(int c) throws IOException {
        if (passes(c)) {
            out.write(c);
        } else {
            out.write(Printable.escaped(c));
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }
}
