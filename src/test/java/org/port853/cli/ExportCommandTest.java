package org.port853.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.ProviderCatalog;
import org.port853.platform.SettingsExporter;

@DisplayName("export: every format in the help, the apply options honoured or refused, undo by hand explained")
class ExportCommandTest {
    final CliCommandsTest.RecordingAdapter adapter = new CliCommandsTest.RecordingAdapter();

    CliRuns.Run run(String... args) {
        return CliRuns.run(new CliServices(() -> adapter, ProviderCatalog::bundled), args);
    }

    @Test
    @DisplayName("servers and providers keep the order they were typed in: the resolver prefers the first")
    void serversAndProvidersInTheOrderGiven() {
        String out = run("export", "--format", "resolved", "--mode", "strict", "--server", "198.18.0.1#a.test",
                "--provider", "quad9", "--server", "198.18.0.2#b.test").out();
        String dns = out.lines().filter(l -> l.startsWith("DNS=") && l.length() > 4).findFirst().orElseThrow();
        assertTrue(dns.startsWith("DNS=198.18.0.1#a.test 9.9.9.9#dns.quad9.net "), dns);
        assertTrue(dns.endsWith(" 198.18.0.2#b.test"), dns);
    }

    @Test
    @DisplayName("an IPv6 server with what looks like a port but no brackets keeps its meaning, with a warning on stderr")
    void anUnbracketedPortIsWarnedOf() {
        CliRuns.Run r = run("export", "--format", "resolved", "--mode", "strict", "--server", "2001:db8::1:853#x.example",
                "--server", "2001:db8::2#y.example");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("DNS=2001:db8::1:853#x.example 2001:db8::2#y.example"), r.out());
        assertEquals(List.of("port853 export: warning: server '2001:db8::1:853#x.example' is the IPv6 address "
                + "2001:db8::1:853 (systemd-resolved reads it so too); for a port, put the address in brackets: "
                + "[2001:db8::1]:853#x.example."), r.err().lines().filter(l -> l.contains("warning")).toList());
    }

    @Test
    @DisplayName("an empty server (a script's unset variable) is refused naming the option it came with")
    void anEmptyServerNamesItsOption() {
        for (String option : List.of("--server", "--fallback")) {
            CliRuns.Run r = run("export", "--format", "resolved", "--mode", "strict", "--server", "198.18.0.1#a.test",
                    option + "=");
            assertEquals(2, r.code(), r.err());
            assertEquals("port853 export: " + option + " was given no server: write it as IP#NAME, e.g. " + option
                    + " 198.51.100.1#dns.example", r.err().strip());
        }
    }

    @Test
    void helpNamesEveryFormat() {
        String help = run("export", "--help").out();
        for (SettingsExporter e : SettingsExporter.all()) {
            assertTrue(help.contains(e.format()), e.format() + " missing from: " + help);
        }
        assertTrue(help.contains("--link-resolv-conf"), help);
        assertTrue(help.contains("--demo=windows"), "export runs in the Windows demo, as 'port853 --help' says: " + help);
    }

    @Test
    @DisplayName("the Linux formats say how to remove the file by hand, never 'port853 revert'")
    void linuxFormatsSayHowToUndo() {
        for (String format : new String[] {"resolved", "ansible"}) {
            CliRuns.Run r = run("export", "--format", format, "--provider", "quad9", "--mode", "strict");
            assertEquals(0, r.code(), r.err());
            assertFalse(r.out().contains("port853 revert"), r.out());
            assertTrue(r.out().contains("/etc/systemd/resolved.conf.d/zz-port853.conf")
                    && r.out().contains("restart systemd-resolved"), r.out());
        }
    }

    @Test
    void ansibleLinksResolvConfAndKeepsTheStaticFile() {
        CliRuns.Run r = run("export", "--format", "ansible", "--provider", "quad9", "--mode", "strict", "--link-resolv-conf");
        assertEquals(0, r.code(), r.err());
        String y = r.out();
        assertTrue(y.contains("dest: /etc/resolv.conf.before-port853\n          when: port853_resolv_conf.stat.exists"
                + " and port853_resolv_conf.stat.isreg"), "the static file of this run is kept, not one of an earlier run: "
                + y);
        assertTrue(y.contains("src: /run/systemd/resolve/stub-resolv.conf\n            dest: /etc/resolv.conf\n"
                + "            state: link\n            force: true"), y);
        assertTrue(y.indexOf("state: link") > y.indexOf("rescue:"), "a task after the health check, so only a change "
                + "that resolves links the file");
        int link = y.indexOf("src: /run/systemd/resolve/stub-resolv.conf");
        assertTrue(y.indexOf("getent -s dns hosts example.com", link) > link, "the link is health-checked itself, "
                + "through the file (not NSS's resolve module)");
        int rescue = y.indexOf("rescue:", link);
        assertTrue(rescue > link && y.indexOf("src: /etc/resolv.conf.before-port853", rescue) > rescue
                && y.indexOf("lnk_target", rescue) > rescue, "and rolled back to the file or link from before");
        String unlinked = run("export", "--format", "ansible", "--provider", "quad9", "--mode", "strict").out();
        assertFalse(unlinked.contains("stub-resolv.conf") || unlinked.contains("before-port853"), "only when asked");
    }

    @Test
    @DisplayName("ansible: the drop-in's bytes as export --format resolved, a health check, and the drop-in from before "
            + "put back when a name no longer resolves")
    void ansibleChecksThatNamesResolveAndRollsBack() {
        String y = run("export", "--format", "ansible", "--provider", "quad9", "--mode", "strict", "--all-domains").out();
        String dropIn = run("export", "--format", "resolved", "--provider", "quad9", "--mode", "strict", "--all-domains").out();
        int from = y.indexOf("            content: |\n") + "            content: |\n".length();
        String block = y.substring(from, y.indexOf("          register: port853_drop_in"));
        assertEquals(dropIn, block.replaceAll("(?m)^ {14}", ""), "the same bytes as the resolved format");
        int check = y.indexOf("ansible.builtin.command: resolvectl query example.com");
        assertTrue(y.indexOf("block:") < y.indexOf("content: |") && y.indexOf("state: \"{{ 'restarted' if "
                + "port853_drop_in is changed else 'started' }}\"") < check && check < y.indexOf("rescue:"), y);
        String rescue = y.substring(y.indexOf("rescue:"));
        assertTrue(rescue.contains("src: \"{{ port853_drop_in.backup_file }}\"") && rescue.contains("state: absent")
                && rescue.contains("state: restarted") && rescue.contains("ansible.builtin.fail:"), rescue);
        assertFalse(y.contains("systemd_service"), "ansible-core before 2.14 knows only ansible.builtin.systemd");
    }

    @Test
    @DisplayName("ansible: a machine whose systemd-resolved would drop these servers is refused before anything changes")
    void ansibleRefusesASystemdTooOldForTheDropIn() {
        String strict = run("export", "--format", "ansible", "--provider", "quad9", "--mode", "opportunistic").out();
        assertTrue(strict.contains("ansible.builtin.command: systemctl --version")
                && strict.contains("that: (port853_systemd.stdout_lines[0].split()[1] | regex_search('^[0-9]+') | int) >= 246"), strict);
        assertTrue(strict.indexOf(">= 246") < strict.indexOf("content: |"), "before the drop-in is written");
        String bare = run("export", "--format", "ansible", "--server", "192.0.2.1", "--mode", "opportunistic").out();
        assertTrue(bare.contains("| int) >= 239"), bare);
        String off = run("export", "--format", "ansible", "--server", "192.0.2.1", "--mode", "off").out();
        assertFalse(off.contains("systemctl --version"), off);
    }

    @Test
    @DisplayName("the playbook writes the resolved export's drop-in byte for byte, with and without --link-resolv-conf")
    void playbookWritesTheResolvedExportByteForByte() {
        for (List<String> link : List.of(List.<String>of(), List.of("--link-resolv-conf"))) {
            List<String> args = new java.util.ArrayList<>(List.of("--provider", "quad9", "--mode", "strict"));
            args.addAll(link);
            String dropIn = run(concat(List.of("export", "--format", "resolved"), args)).out();
            String playbook = run(concat(List.of("export", "--format", "ansible"), args)).out();
            String block = playbook.substring(playbook.indexOf("content: |\n") + "content: |\n".length(),
                    playbook.indexOf("          register: port853_drop_in"));
            assertEquals(dropIn, block.replaceAll("(?m)^ {14}", ""), "with " + link);
        }
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    @Test
    @DisplayName("the Linux formats say that a static resolv.conf's search domains stop being searched, the link's too")
    void linuxFormatsSayWhatHappensToSearchDomains() {
        for (String format : new String[] {"resolved", "ansible"}) {
            CliRuns.Run plain = run("export", "--format", format, "--provider", "quad9", "--mode", "strict");
            assertTrue(plain.err().contains("note: on a machine whose /etc/resolv.conf is a file of its own with search "
                    + "domains, systemd-resolved stops searching them once this drop-in sets DNS=")
                    && plain.err().contains("for programs that ask systemd-resolved (NSS's resolve module, resolvectl)")
                    && plain.err().contains("resolvectl); where machines need them, give them as Domains= in a drop-in of their own"), plain.err());
            CliRuns.Run link = run("export", "--format", format, "--provider", "quad9", "--mode", "strict",
                    "--link-resolv-conf");
            assertTrue(link.err().contains("the link to the stub drops that file's search line"), link.err());
        }
        String playbook = run("export", "--format", "ansible", "--provider", "quad9", "--mode", "strict",
                "--link-resolv-conf").out();
        assertTrue(playbook.contains("\n# Search domains: on a machine whose /etc/resolv.conf is a file of its own"),
                playbook);
        assertTrue(playbook.lines().filter(l -> l.startsWith("#")).allMatch(l -> l.length() <= 112), playbook);
    }

    @Test
    void resolvedFormatSaysWhatTheDropInCannotDo() {
        CliRuns.Run r = run("export", "--format", "resolved", "--provider", "quad9", "--mode", "strict", "--link-resolv-conf");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("# Also point /etc/resolv.conf at the stub: ln -sf /run/systemd/resolve/stub-resolv.conf"
                + " /etc/resolv.conf\n[Resolve]\n"), r.out());
        assertTrue(r.err().startsWith("port853 export: note: a drop-in cannot point /etc/resolv.conf at the stub"), r.err());
    }

    @Test
    @DisplayName("PowerShell: a TLS name or port Windows' DoH template would replace is refused (exit 2); a match exports")
    void powershellRefusesANameOrPortItWouldReplace() {
        CliRuns.Run name = run("export", "--format", "powershell", "--mode", "strict", "--server", "9.9.9.9#evil.example",
                "--all-domains");
        assertEquals(2, name.code(), name.err());
        assertEquals("", name.out());
        assertTrue(name.err().startsWith("port853 export: 9.9.9.9#evil.example cannot be used as given on Windows")
                && name.err().contains("write 9.9.9.9#dns.quad9.net") && name.err().indexOf('\n') == name.err().length() - 1,
                name.err());
        CliRuns.Run port = run("export", "--format", "powershell", "--mode", "strict", "--server",
                "9.9.9.9:8853#dns.quad9.net", "--all-domains");
        assertEquals(2, port.code(), port.err());
        assertTrue(port.err().contains("port 8853 would be ignored; leave out :8853"), port.err());
        for (String matching : new String[] {"9.9.9.9#dns.quad9.net", "9.9.9.9:853#dns.quad9.net"}) {
            CliRuns.Run ok = run("export", "--format", "powershell", "--mode", "strict", "--server", matching, "--all-domains");
            assertEquals(0, ok.code(), ok.err());
            assertTrue(ok.out().contains("https://dns.quad9.net/dns-query"), ok.out());
        }
    }

    @Test
    @DisplayName("format and provider ids are taken in any case, as the mode is")
    void formatAndProviderInAnyCase() {
        CliRuns.Run r = run("export", "--format", "Resolved", "--provider", "QUAD9", "--mode", "STRICT");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("DNS=9.9.9.9#dns.quad9.net"), r.out());
    }

    @Test
    @DisplayName("a provider given twice is refused by the name the user gave, not by its first server")
    void duplicateProviderNamedAsGiven() {
        CliRuns.Run r = run("export", "--format", "resolved", "--provider", "quad9", "--provider", "mullvad",
                "--provider", "Quad9", "--mode", "strict");
        assertEquals(2, r.code(), r.err());
        assertEquals("port853 export: provider 'Quad9' is given twice\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    @DisplayName("ansible with --mode off does not call its play DNS-over-TLS: the drop-in turns encryption off")
    void ansibleWithoutEncryptionSaysSo() {
        String y = run("export", "--format", "ansible", "--server", "192.0.2.1", "--mode", "off").out();
        assertTrue(y.contains("DNSOverTLS=no\n"), y);
        assertTrue(y.startsWith("# Generated by Port853: DNS servers without encryption (DNSOverTLS=no) with "
                + "systemd-resolved.\n"), y);
        assertTrue(y.contains("\n- name: DNS servers without encryption (DNSOverTLS=no) with systemd-resolved\n"), y);
        assertFalse(y.contains("DNS-over-TLS with"), y);
        assertTrue(run("export", "--format", "ansible", "--provider", "quad9", "--mode", "opportunistic").out()
                .contains("\n- name: DNS-over-TLS with systemd-resolved\n"));
    }

    @Test
    @DisplayName("a server that a provider brings and a --server names too is refused naming both, not as 'listed twice' alone")
    void aServerGivenByAProviderAndAsServerNamesBoth() {
        CliRuns.Run r = run("export", "--format", "resolved", "--provider", "quad9", "--mode", "strict",
                "--server", "9.9.9.9:853#dns.quad9.net");
        assertEquals(2, r.code(), r.err());
        assertEquals("port853 export: server 9.9.9.9#dns.quad9.net is listed twice: by --provider quad9 and by "
                + "--server 9.9.9.9:853#dns.quad9.net; leave one of them out\n", r.err());
        assertEquals("port853 export: server 9.9.9.9#x.example is listed twice: by --server 9.9.9.9#x.example and by "
                + "--server 9.9.9.9:853#x.example; leave one of them out\n", run("export", "--format", "resolved",
                "--mode", "strict", "--server", "9.9.9.9#x.example", "--server", "9.9.9.9:853#x.example").err(),
                "one server in two spellings");
        assertEquals("port853 export: server 9.9.9.9#x.example is listed twice\n", run("export", "--format", "resolved",
                "--mode", "strict", "--server", "9.9.9.9#x.example", "--server", "9.9.9.9#x.example").err());
    }

    @Test
    @DisplayName("a fallback given twice is refused, as a server given twice is")
    void duplicateFallbackIsRefused() {
        CliRuns.Run r = run("export", "--format", "resolved", "--provider", "quad9", "--mode", "strict",
                "--fallback", "1.2.3.4#x.example", "--fallback", "1.2.3.4#x.example");
        assertEquals(2, r.code(), r.err());
        assertEquals("port853 export: fallback server 1.2.3.4#x.example is listed twice\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    @DisplayName("PowerShell: what Windows cannot express is refused or said, never silently dropped")
    void powershellRefusesOrSays() {
        CliRuns.Run dnssec = run("export", "--format", "powershell", "--provider", "quad9", "--mode", "strict", "--dnssec", "yes");
        assertEquals(2, dnssec.code());
        assertEquals("port853 export: the Windows DNS client does not validate DNSSEC itself, so DNSSEC yes cannot be set "
                + "on Windows; choose DNSSEC no or leave it unset (your providers may validate for you)\n", dnssec.err());
        assertEquals("", dnssec.out());

        CliRuns.Run link = run("export", "--format", "powershell", "--provider", "quad9", "--mode", "strict", "--link-resolv-conf");
        assertEquals(2, link.code());
        assertTrue(link.err().contains("--link-resolv-conf is for Linux"), link.err());

        CliRuns.Run fallback = run("export", "--format", "powershell", "--provider", "quad9", "--mode", "strict",
                "--fallback", "1.1.1.1#cloudflare-dns.com");
        assertEquals(2, fallback.code());
        assertTrue(fallback.err().contains("Windows has no list of fallback servers"), fallback.err());

        CliRuns.Run narrow = run("export", "--format", "powershell", "--provider", "quad9", "--mode", "strict");
        assertEquals(0, narrow.code(), narrow.err());
        assertTrue(narrow.err().contains("as if --all-domains were given"), narrow.err());
        CliRuns.Run all = run("export", "--format", "powershell", "--provider", "quad9", "--mode", "strict", "--all-domains");
        assertFalse(all.err().contains("as if --all-domains were given"), all.err());
        assertEquals(all.out(), narrow.out(), "the same script: Windows routes every name either way");
        assertTrue(all.out().contains("NRPT rule for '.'") && all.out().contains("does not validate"), all.out());
    }

    @Test
    @DisplayName("PowerShell: the script's header and a note on stderr say that the rule for '.' sends a company's own "
            + "names to these servers too, and how to keep them internal (neither said it)")
    void powershellSaysWhereCompanyNamesGo() {
        CliRuns.Run r = run("export", "--format", "powershell", "--provider", "quad9", "--mode", "strict", "--all-domains");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("port853 export: note: names under a company's own DNS suffix (an Active Directory "
                + "domain"), r.err());
        assertTrue(r.err().contains("Add-DnsClientNrptRule -Namespace '.corp.example'"), r.err());
        assertTrue(r.out().contains("\n# Company names: names under a company's own DNS suffix"), r.out());
        assertTrue(r.out().contains("\n#   Add-DnsClientNrptRule -Namespace '.corp.example' -NameServers 10.0.0.53\n"),
                r.out());
        assertFalse(r.out().contains("__PORT853"), r.out());
    }

    @Test
    void powershellSaysHowToUndoByHand() {
        String ps = run("export", "--format", "powershell", "--provider", "quad9", "--mode", "strict", "--all-domains").out();
        assertFalse(ps.contains("port853 revert"), "the NRPT comment and the script name no Port853 command");
        assertTrue(ps.contains("Remove-DnsClientNrptRule") && ps.contains("-ResetServerAddresses"), ps);
    }
}
