package org.port853.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;
import org.port853.core.ProviderJson;
import org.port853.core.ServerAddress;
import org.port853.cli.TextTable.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code port853 providers [--json]}: the bundled catalogue and the user's own providers. */
@Command(name = "providers", mixinStandardHelpOptions = true,
        description = "List the DNS-over-TLS providers: the built-in catalogue, then your own.",
        footer = {"", "Exit codes: 0 ok; 2 bad input; 3 your own providers' file could not be read, so only the built-in "
                + "providers are listed.", "", DemoCommands.HELP})
public final class ProvidersCommand implements Callable<Integer> {
    /** The catalogue's longest id: a longer one (a custom provider's) takes a line of its own above its row. */
    private static final int ID_COLUMNS = 22;
    /** A jurisdiction is wrapped within this (the catalogue's "European Union (Czech Republic)" on two lines). */
    private static final int JURISDICTION_COLUMNS = 16;
    private static final String GAP = "  ";
    private static final String SERVER_INDENT = "    ";

    @Option(names = "--json", description = "Print a JSON array with every field, including servers as ADDR#name.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Supplier<ProviderCatalog> catalog;

    public ProvidersCommand() {
        this(ProviderCatalog::loadDefault);
    }

    /** For tests and embedding: where the catalogue comes from. */
    public ProvidersCommand(Supplier<ProviderCatalog> catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Integer call() throws Exception {
        ProviderCatalog cat = catalog.get();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : cat.problems()) {
            err.println(Port853Command.said(spec, problem.replaceAll("\\p{Cntrl}", "?")
                    + " Only the built-in providers are shown until the file is fixed or removed."));
        }
        err.flush();
        if (json) {
            out.println(toJson(cat.all()));
        } else {
            out.print(table(cat.all()));
        }
        out.flush();
        // listed, but not all of them: a script must notice that the user's own providers are missing
        return cat.problems().isEmpty() ? ExitCodes.OK : ExitCodes.NOT_COVERED;
    }

    static String toJson(List<Provider> providers) throws Exception {
        ObjectMapper mapper = ProviderJson.mapper();
        ArrayNode array = mapper.createArrayNode();
        for (Provider p : providers) {
            ObjectNode o = ProviderJson.toJson(p);
            ArrayNode servers = o.putArray("servers");
            for (ServerAddress s : p.servers()) {
                servers.add(s.toResolvedSyntax());
            }
            array.add(o);
        }
        return mapper.writeValueAsString(array);
    }

    /**
     * A row per provider within {@link TerminalColumns#LINE} columns, the name and jurisdiction wrapped at their words,
     * and each server whole on an indented line under it (an address or TLS name is never cut).
     */
    static String table(List<Provider> providers) {
        int filteringColumns = TerminalColumns.of("FILTERING");
        int nameColumns = TerminalColumns.LINE - ID_COLUMNS - filteringColumns - JURISDICTION_COLUMNS - 3 * GAP.length();
        TextTable table = new TextTable("", GAP, Column.left(0, ID_COLUMNS), Column.wrapped(0, nameColumns),
                Column.left(filteringColumns), Column.wrapped(0, JURISDICTION_COLUMNS));
        table.row("ID", "NAME", "FILTERING", "JURISDICTION");
        boolean anyCustom = false;
        for (Provider p : providers) {
            anyCustom |= p.custom();
            String id = p.id() + (p.custom() ? "*" : "");
            if (TerminalColumns.of(id) > ID_COLUMNS) {
                table.line(id);
                id = "";
            }
            table.row(id, p.displayName(), p.filtering() == null ? "none"
                    : p.filtering().name().toLowerCase(Locale.ROOT), p.jurisdiction());
            p.servers().forEach(s -> table.line(SERVER_INDENT + s.toResolvedSyntax()));
        }
        StringBuilder b = new StringBuilder(table.toString());
        if (anyCustom) {
            b.append("* your own provider").append(System.lineSeparator());
        }
        return b.toString();
    }
}
