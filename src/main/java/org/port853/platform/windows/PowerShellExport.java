package org.port853.platform.windows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.ProviderCatalog;
import org.port853.core.Sentence;
import org.port853.core.ServerAddress;

/**
 * {@code port853 export --format powershell}: an idempotent script for fleets (Intune, Group Policy start-up
 * scripts) doing what the app does on Windows with DoH (the documented cmdlets; DoT has only localized netsh text,
 * which a script cannot check reliably). The logic is the fixed resource {@code port853-fleet.ps1}; the settings
 * go in as one line of JSON inside a single-quoted here-string, so they are data, never code. Each step compares
 * a canonical "current" string with the "want" string computed here. Like the app's change engine, the script
 * records what each change replaces, checks afterwards that {@link WindowsResolverControl#CHECK_NAME} resolves,
 * and puts back what it recorded when a change or the check fails (exit 2; 3 when a restore failed too).
 */
public final class PowerShellExport {
    static final String TEMPLATE = "/org/port853/platform/windows/port853-fleet.ps1";
    static final String PLACEHOLDER = "__PORT853_DATA__";
    static final String SUFFIX_NOTE_PLACEHOLDER = "__PORT853_SUFFIX_NOTE__";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PowerShellExport() {
    }

    /** The {@code powershell} format of {@code port853 export} (found with ServiceLoader). */
    public static final class Exporter implements org.port853.platform.SettingsExporter {
        @Override
        public String format() {
            return "powershell";
        }

        @Override
        public String export(DesiredSettings s, boolean linkResolvConf, Consumer<String> notes) {
            if (linkResolvConf) {
                throw new InvalidInputException("--link-resolv-conf is for Linux (formats resolved and ansible): Windows "
                        + "has no /etc/resolv.conf");
            }
            String script = script(s, ProviderCatalog.loadDefault()); // refused settings: no note before the refusal
            notes.accept(NrptRule.companyNames().english());
            if (!s.routeAllDomains()) {
                notes.accept("the PowerShell script routes every name to these servers (an NRPT rule for '.' and every "
                        + "adapter's servers), as if --all-domains were given: Windows has no narrower equivalent here");
            }
            return script;
        }
    }

    public static String script(DesiredSettings d, ProviderCatalog catalog) {
        return template().replace(PLACEHOLDER, data(d, catalog).toString()).replace(SUFFIX_NOTE_PLACEHOLDER + "\n",
                ("Company names: " + NrptRule.COMPANY_NAMES + ":").replaceAll("(.{1,110})(?: |$)", "# $1\n")
                        + "#   " + NrptRule.COMPANY_NAMES_EXAMPLE + "\n");
    }

    /** The settings block: what each step wants, in the same canonical form the script computes. */
    static ObjectNode data(DesiredSettings d, ProviderCatalog catalog) {
        if (d.mode() == DotMode.OFF) {
            throw new InvalidInputException("the PowerShell export turns encryption on; use strict or opportunistic");
        }
        Optional<Sentence> refusal = WindowsPlanner.settingsRefusal(d);
        if (refusal.isPresent()) {
            throw new InvalidInputException(refusal.get().english());
        }
        boolean fallback = d.mode() == DotMode.OPPORTUNISTIC;
        WindowsPlanner planner = new WindowsPlanner(catalog);
        ObjectNode o = JSON.createObjectNode();
        o.put("version", 1);
        o.put("fallback", fallback);
        o.put("comment", NrptRule.FLEET_COMMENT);
        o.put("checkName", WindowsResolverControl.CHECK_NAME);
        ArrayNode doh = o.putArray("doh");
        List<String> all = new ArrayList<>();
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (ServerAddress s : d.servers()) {
            Optional<String> template = planner.template(s);
            if (template.isEmpty()) {
                throw new InvalidInputException("no DNS-over-HTTPS template is known for " + s.addressText()
                        + ": the PowerShell export needs catalogue providers (or custom ones with a template)");
            }
            Optional<Sentence> mismatch = planner.dohRefusal(s);
            if (mismatch.isPresent()) {
                throw new InvalidInputException(mismatch.get().english());
            }
            doh.addObject().put("server", s.addressText()).put("template", template.get())
                    .put("want", dohWant(template.get(), fallback));
            all.add(s.addressText());
            (s.isIpv6() ? v6 : v4).add(s.addressText());
        }
        ArrayNode ns = o.putArray("nameServers");
        all.forEach(ns::add);
        o.put("nrptWant", nrptWant(all));
        v4.forEach(o.putArray("ipv4")::add);
        o.put("ipv4Want", String.join(",", v4));
        v6.forEach(o.putArray("ipv6")::add);
        o.put("ipv6Want", String.join(",", v6));
        return o;
    }

    /** As {@code Get-Port853DohState} prints it: template|AutoUpgrade|AllowFallbackToUdp (PowerShell booleans). */
    public static String dohWant(String template, boolean fallback) {
        return template + "|True|" + (fallback ? "True" : "False");
    }

    /** As {@code Get-Port853NrptState} prints it for exactly one Port853 rule for ".". */
    public static String nrptWant(List<String> servers) {
        return ".|" + String.join(",", servers);
    }

    static String template() {
        try (InputStream in = PowerShellExport.class.getResourceAsStream(TEMPLATE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
