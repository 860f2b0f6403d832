package org.port853.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.port853.core.ProviderCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the man page port853(1) in roff from the picocli model, so it always lists exactly the commands and
 * options the program accepts. The installer runs {@code main} at build time ({@code installer/linux/build.sh}).
 * (picocli-codegen's ManPageGenerator writes AsciiDoc and would need Asciidoctor to reach roff.)
 */
public final class ManPage {
    private ManPage() {
    }

    public static void main(String[] args) {
        Supplier<ProviderCatalog> noCatalog = () -> {
            throw new IllegalStateException("not used while writing the man page");
        };
        CommandLine cl = Port853Command.create(new CliServices(() -> null, noCatalog));
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        write(cl.getCommandSpec(), args.length > 0 ? args[0] : "2026-11-30", out);
        out.flush();
    }

    static void write(CommandSpec root, String date, PrintWriter out) {
        String version = root.version().length > 0 ? root.version()[0].replaceFirst("^Port853 ", "") : "";
        out.println(".TH PORT853 1 \"" + date + "\" \"Port853 " + version + "\" \"User Commands\"");
        out.println(".SH NAME");
        out.println("port853 \\- " + roff(String.join(" ", root.usageMessage().description())));
        out.println(".SH SYNOPSIS");
        out.println(".B port853");
        out.println("[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]");
        out.println(".SH DESCRIPTION");
        out.println("Without a command, \\fBport853\\fR opens the desktop window. With a command it works on the command"
                + " line; \\fB\\-\\-json\\fR gives machine-readable output. Changing the resolver needs root: the program"
                + " asks through polkit (\\fBpkexec\\fR) for its helper only.");
        out.println(".PP");
        out.println("\\fBport853 \\-\\-demo\\fR opens the window on a sample Linux machine and a replayed capture,"
                + " labelled DEMO: it changes nothing, saves no settings and needs no root. \\fB\\-\\-demo=windows\\fR"
                + " shows a sample Windows 11 machine instead, also on the command line for \\fBstatus\\fR,"
                + " \\fBproviders\\fR, \\fBexport\\fR and \\fBapply \\-\\-dry\\-run\\fR (for example"
                + " \\fBport853 status \\-\\-demo=windows\\fR).");
        options(root.options(), out);
        out.println(".SH COMMANDS");
        for (CommandLine sub : root.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            out.println(".SS " + roff(usageLine(s)));
            out.println(roff(String.join(" ", s.usageMessage().description())));
            options(s.options(), out);
        }
        out.println(".SH EXIT STATUS");
        out.println(".TP\n.B 0\nsuccess\n.TP\n.B 1\nfailed, refused or rolled back\n.TP\n.B 2\nbad input\n.TP\n.B 3\n"
                + roff(ExitCodes.NOT_COVERED_MEANING) + "\n.TP\n.B 130\n" + roff(ExitCodes.STOPPED_MEANING));
        out.println(".SH FILES");
        out.println(".TP\n.I /etc/systemd/resolved.conf.d/zz\\-port853.conf\nthe one drop-in Port853 writes");
        out.println(".TP\n.I /var/lib/port853\njournal of changes (used by \\fBrevert\\fR and \\fBrecover\\fR)");
        out.println(".TP\n.I /run/port853/capture.sock\nthe capture service; members of the group \\fBport853\\fR may"
                + " read DNS traffic (ports 53 and 853) from it");
        out.println(".SH SEE ALSO");
        out.println(".BR resolved.conf (5),");
        out.println(".BR systemd\\-resolved (8),");
        out.println(".BR pkexec (1)");
    }

    private static String usageLine(CommandSpec s) {
        StringBuilder b = new StringBuilder("port853 ").append(s.name());
        for (PositionalParamSpec p : s.positionalParameters()) {
            b.append(' ').append(p.paramLabel());
        }
        return b.toString();
    }

    private static void options(List<OptionSpec> options, PrintWriter out) {
        for (OptionSpec o : options) {
            if (o.hidden()) {
                continue;
            }
            out.println(".TP");
            StringBuilder names = new StringBuilder();
            for (String n : o.names()) {
                names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(roff(n)).append("\\fR");
            }
            if (o.arity().max() > 0) {
                names.append(" \\fI").append(roff(label(o))).append("\\fR");
            }
            out.println(names);
            out.println(roff(String.join(" ", o.description())));
        }
    }

    private static String label(ArgSpec a) {
        return a.paramLabel().replaceAll("^<(.*)>$", "$1").toUpperCase(Locale.ROOT);
    }

    /** Escapes text for roff: backslashes, hyphens, and a leading dot or quote. */
    static String roff(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
