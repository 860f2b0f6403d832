package org.port853.platform.linux;

import java.util.function.Consumer;
import org.port853.core.DesiredSettings;
import org.port853.core.DotMode;
import org.port853.platform.SettingsExporter;

/**
 * The same settings Port853 writes, packaged for fleets: machines without Port853, so the files say how to undo
 * them by hand ('port853 revert' is not there).
 */
public final class FleetExport {
    private FleetExport() {
    }

    /** {@code export --format resolved}: the drop-in itself. */
    public static final class Resolved implements SettingsExporter {
        @Override
        public String format() {
            return "resolved";
        }

        @Override
        public String export(DesiredSettings s, boolean linkResolvConf, Consumer<String> notes) {
            if (linkResolvConf) {
                notes.accept("a drop-in cannot point /etc/resolv.conf at the stub: run 'ln -sf " + LinuxPaths.STUB_RESOLV_CONF
                        + " /etc/resolv.conf' on each machine, or use --format ansible, which does it");
            }
            notes.accept(searchDomainsLost(linkResolvConf));
            return fleetDropIn(s, linkResolvConf);
        }

        @Override
        public String managed(DesiredSettings s) {
            return dropIn(s);
        }
    }

    /** {@code export --format ansible}: an idempotent playbook that installs the drop-in. */
    public static final class Ansible implements SettingsExporter {
        @Override
        public String format() {
            return "ansible";
        }

        @Override
        public String export(DesiredSettings s, boolean linkResolvConf, Consumer<String> notes) {
            notes.accept(searchDomainsLost(linkResolvConf));
            return ansiblePlaybook(s, linkResolvConf);
        }
    }

    /**
     * /etc/resolv.conf linked to the stub, checked like the drop-in: the file must name the stub (with the stub
     * listener off it names the upstream servers) and a lookup that reads it must answer ({@code getent -s dns}: NSS's
     * "resolve" module, first on Fedora, would ask resolved past the file), else the file from before comes back (a static file from its kept copy, a link
     * to its old target, nothing where there was nothing) and the machine fails, its drop-in staying in place.
     */
    private static final String RESOLV_CONF_TASKS = ""
            + "    - name: what /etc/resolv.conf is now\n"
            + "      ansible.builtin.stat:\n"
            + "        path: /etc/resolv.conf\n"
            + "        follow: false\n"
            + "      register: port853_resolv_conf\n"
            + "    - name: /etc/resolv.conf points at the stub and names resolve through it, else it is put back\n"
            + "      block:\n"
            + "        - name: a static /etc/resolv.conf is kept as /etc/resolv.conf.before-port853\n"
            + "          ansible.builtin.copy:\n"
            + "            src: /etc/resolv.conf\n"
            + "            remote_src: true\n"
            + "            dest: /etc/resolv.conf.before-port853\n"
            + "          when: port853_resolv_conf.stat.exists and port853_resolv_conf.stat.isreg\n"
            + "        - name: /etc/resolv.conf points at the systemd-resolved stub\n"
            + "          ansible.builtin.file:\n"
            + "            src: " + LinuxPaths.STUB_RESOLV_CONF + "\n"
            + "            dest: /etc/resolv.conf\n"
            + "            state: link\n"
            + "            force: true\n"
            + "          register: port853_link\n"
            // with DNSStubListener=no resolved writes the upstream servers into the stub file: names would resolve,
            // in plaintext, around the stub
            + "        - name: the stub listens (the file names 127.0.0.53, not the upstream servers)\n"
            + "          ansible.builtin.command: grep -qx \"nameserver 127.0.0.53\" /etc/resolv.conf\n"
            + "          changed_when: false\n"
            + "          when: not ansible_check_mode\n"
            + "        - name: health check, a name resolves for programs that read /etc/resolv.conf\n"
            + "          ansible.builtin.command: getent -s dns hosts " + LinuxChange.PROBE_NAME + "\n"
            + "          register: port853_stub_health\n"
            + "          changed_when: false\n"
            + "          retries: 5\n"
            + "          delay: 2\n"
            + "          until: port853_stub_health.rc == 0\n"
            + "          when: not ansible_check_mode\n"
            + "      rescue:\n"
            + "        - name: the link is removed\n"
            + "          ansible.builtin.file:\n"
            + "            path: /etc/resolv.conf\n"
            + "            state: absent\n"
            + "          when: port853_link is defined and port853_link is changed\n"
            + "        - name: the static /etc/resolv.conf from before is put back\n"
            + "          ansible.builtin.copy:\n"
            + "            src: /etc/resolv.conf.before-port853\n"
            + "            remote_src: true\n"
            + "            dest: /etc/resolv.conf\n"
            + "          when: port853_link is defined and port853_link is changed and port853_resolv_conf.stat.isreg"
            + " | default(false)\n"
            + "        - name: the link from before is put back\n"
            + "          ansible.builtin.file:\n"
            + "            src: \"{{ port853_resolv_conf.stat.lnk_target }}\"\n"
            + "            dest: /etc/resolv.conf\n"
            + "            state: link\n"
            + "            force: true\n"
            + "          when: port853_link is defined and port853_link is changed and port853_resolv_conf.stat.islnk"
            + " | default(false)\n"
            + "        - name: the link failed\n"
            + "          ansible.builtin.fail:\n"
            + "            msg: \"{{ ansible_failed_task.name }} failed ({{ ansible_failed_result.stderr | default('', true)\n"
            + "              or ansible_failed_result.msg | default('') }}); /etc/resolv.conf is as it was before this run,\n"
            + "              the drop-in stays\"\n";

    /**
     * What the change does to search domains on a machine whose /etc/resolv.conf is a file of its own, which the export
     * cannot see (apply reads it and names them): systemd-resolved takes that file's search domains only while no
     * resolved.conf sets DNS= or Domains=, and the link to the stub drops the file's search line.
     */
    static String searchDomainsLost(boolean linkResolvConf) {
        return "on a machine whose /etc/resolv.conf is a file of its own with search domains, "
                + (linkResolvConf ? "the link to the stub drops that file's search line, and " : "")
                + "systemd-resolved stops searching them once this drop-in sets DNS= (it takes them from that file "
                + "only while no resolved.conf sets DNS= or Domains=), so short names under them stop resolving"
                + (linkResolvConf ? "" : " for programs that ask systemd-resolved (NSS's resolve module, resolvectl)")
                + "; where machines need them, give them as Domains= in a drop-in of their own, which "
                + "this one keeps";
    }

    /** What Port853 writes on a machine it manages (its header names 'port853 revert'). */
    public static String dropIn(DesiredSettings s) {
        return DropInRenderer.render(s);
    }

    /** How the drop-in for machines without Port853 starts: its mark, which the file a playbook deploys keeps. */
    static final String MARK = "# Exported by Port853 (port853 export)";

    /** {@code dropIn} starts with the mark of 'port853 export': a copy of its drop-in, not a file written by hand. */
    static boolean exported(String dropIn) {
        return dropIn.startsWith(MARK);
    }

    /** The drop-in for a machine without Port853: the same settings under a header that says how to remove it. */
    public static String fleetDropIn(DesiredSettings s, boolean linkResolvConf) {
        String path = LinuxPaths.system().ourDropIn().toString();
        return MARK + " for machines without it. To undo: delete\n"
                + "# " + path + " and run 'systemctl restart systemd-resolved'.\n"
                + (linkResolvConf ? "# Also point /etc/resolv.conf at the stub: ln -sf " + LinuxPaths.STUB_RESOLV_CONF
                        + " /etc/resolv.conf\n" : "")
                + DropInRenderer.render(s).substring(DropInRenderer.HEADER.length());
    }

    /**
     * An idempotent playbook that changes a machine the way 'port853 apply' does: refuses a systemd too old for the
     * drop-in (before 246 resolved drops a server written with {@code #NAME} or {@code :PORT}, which would leave the
     * machine without servers), writes the drop-in, restarts resolved only when it changed, checks that a name
     * resolves and puts back the drop-in from before when it does not (and turns resolved's start at boot off again where
     * it turned it on); with {@code linkResolvConf}, then keeps a
     * static /etc/resolv.conf as /etc/resolv.conf.before-port853 (once), links /etc/resolv.conf to resolved's stub
     * file and checks that names resolve through it, else puts the file from before back. {@code ansible.builtin.systemd}, not its newer name {@code systemd_service}: ansible-core before
     * 2.14 (Ubuntu 22.04's) knows only the old one.
     */
    /** The states of {@code systemctl is-enabled} that a failed run turns back to off, as a YAML list. */
    private static final String OFF_AT_BOOT = org.port853.helper.UnitEnablement.OFF_STATES.stream()
            .map(state -> "'" + state + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));

    public static String ansiblePlaybook(DesiredSettings s, boolean linkResolvConf) {
        String path = LinuxPaths.system().ourDropIn().toString();
        StringBuilder content = new StringBuilder();
        for (String line : fleetDropIn(s, linkResolvConf).split("\n")) {
            content.append("              ").append(line).append('\n');
        }
        String title = s.mode() == DotMode.OFF ? "DNS servers without encryption (DNSOverTLS=no) with systemd-resolved"
                : "DNS-over-TLS with systemd-resolved";
        return "# Generated by Port853: " + title + ".\n"
                + "# To undo on a machine: delete " + path + " and restart systemd-resolved"
                + (linkResolvConf ? ";\n# put back /etc/resolv.conf.before-port853 as /etc/resolv.conf if it was kept" : "")
                + ".\n"
                + "# A machine where " + LinuxChange.PROBE_NAME + " does not resolve after the change gets its drop-in from "
                + "before back and fails.\n"
                + ("Search domains: " + searchDomainsLost(linkResolvConf) + ".").replaceAll("(.{1,110})(?: |$)", "# $1\n")
                + "- name: " + title + "\n"
                + "  hosts: all\n"
                + "  become: true\n"
                + "  tasks:\n"
                + versionGuard(s)
                + "    - name: systemd-resolved drop-in directory exists\n"
                + "      ansible.builtin.file:\n"
                + "        path: " + LinuxPaths.system().dropInDirs().get(0) + "\n"
                + "        state: directory\n"
                + "        mode: \"0755\"\n"
                + "    - name: systemd-resolved's start at boot before this run\n"
                + "      ansible.builtin.command: systemctl is-enabled systemd-resolved.service\n"
                + "      register: port853_boot_start\n"
                + "      changed_when: false\n"
                + "      failed_when: false\n"
                + "      check_mode: false\n"
                + "    - name: the drop-in is in place and names resolve with it, else it is rolled back\n"
                + "      block:\n"
                + "        - name: Port853 drop-in is in place\n"
                + "          ansible.builtin.copy:\n"
                + "            dest: " + path + "\n"
                + "            mode: \"0644\"\n"
                + "            backup: true\n"
                + "            content: |\n" + content
                + "          register: port853_drop_in\n"
                + "        - name: systemd-resolved is enabled and running with the drop-in\n"
                + "          ansible.builtin.systemd:\n"
                + "            name: systemd-resolved.service\n"
                + "            enabled: true\n"
                + "            state: \"{{ 'restarted' if port853_drop_in is changed else 'started' }}\"\n"
                + "        - name: health check, a name resolves through systemd-resolved\n"
                + "          ansible.builtin.command: resolvectl query " + LinuxChange.PROBE_NAME + "\n"
                + "          register: port853_health\n"
                + "          changed_when: false\n"
                + "          retries: 5\n"
                + "          delay: 2\n"
                + "          until: port853_health.rc == 0\n"
                + "          when: not ansible_check_mode\n"
                + "      rescue:\n"
                + "        - name: the drop-in from before is put back\n"
                + "          ansible.builtin.copy:\n"
                + "            src: \"{{ port853_drop_in.backup_file }}\"\n"
                + "            remote_src: true\n"
                + "            dest: " + path + "\n"
                + "            mode: \"0644\"\n"
                + "          when: port853_drop_in is defined and port853_drop_in.backup_file is defined\n"
                + "        - name: the new drop-in is removed (there was none before)\n"
                + "          ansible.builtin.file:\n"
                + "            path: " + path + "\n"
                + "            state: absent\n"
                + "          when: port853_drop_in is defined and port853_drop_in is changed\n"
                + "            and port853_drop_in.backup_file is not defined\n"
                + "        - name: systemd-resolved is restarted with the settings from before\n"
                + "          ansible.builtin.systemd:\n"
                + "            name: systemd-resolved.service\n"
                + "            state: restarted\n"
                + "          when: port853_drop_in is defined and port853_drop_in is changed\n"
                + "        - name: systemd-resolved's start at boot is off again, as before this run\n"
                + "          ansible.builtin.systemd:\n"
                + "            name: systemd-resolved.service\n"
                + "            enabled: false\n"
                + "          when: port853_boot_start.stdout | default('') in " + OFF_AT_BOOT + "\n"
                + "        - name: the change failed\n"
                + "          ansible.builtin.fail:\n"
                + "            msg: \"{{ ansible_failed_task.name }} failed ({{ ansible_failed_result.stderr\n"
                + "              | default(ansible_failed_result.msg) | default('') }}); the drop-in is as it was before this run\"\n"
                + (linkResolvConf ? RESOLV_CONF_TASKS : "");
    }

    /**
     * Tasks that stop the play on a machine whose systemd-resolved cannot use these settings; none when any version
     * can (servers without encryption, written as bare addresses).
     */
    private static String versionGuard(DesiredSettings s) {
        int oldest = oldestSystemd(s);
        if (oldest == 0) {
            return "";
        }
        String why = oldest == LinuxRules.FIRST_SNI_VERSION
                ? "before " + oldest + " systemd-resolved ignores a server written with #NAME or :PORT and cannot check "
                        + "a certificate's name (strict mode); for those machines export opportunistic mode with servers "
                        + "written as bare addresses (--server IP), or upgrade them"
                : "systemd-resolved has no DNS-over-TLS before " + oldest + "; upgrade those machines";
        return "    - name: systemd's version\n"
                + "      ansible.builtin.command: systemctl --version\n"
                + "      register: port853_systemd\n"
                + "      changed_when: false\n"
                + "      check_mode: false\n"
                + "    - name: systemd " + oldest + " or later, which these settings need\n"
                + "      ansible.builtin.assert:\n"
                // "systemd 258~rc2 (258~rc2-1)": the leading digits are the version (int of the rest would be 0)
                + "        that: (port853_systemd.stdout_lines[0].split()[1] | regex_search('^[0-9]+') | int) >= "
                + oldest + "\n"
                + "        fail_msg: \"systemd {{ port853_systemd.stdout_lines[0].split()[1] }}: " + why + "\"\n"
                + "        quiet: true\n";
    }

    /**
     * The oldest systemd whose resolved reads this drop-in as meant, 0 for any: a server with a name or port, or
     * strict mode, needs 246; encryption 239.
     */
    static int oldestSystemd(DesiredSettings s) {
        boolean named = java.util.stream.Stream.concat(s.servers().stream(), s.fallback().stream())
                .anyMatch(a -> !a.toResolvedSyntax().equals(a.addressText()));
        if (named || s.mode() == DotMode.STRICT) {
            return LinuxRules.FIRST_SNI_VERSION;
        }
        return s.mode() == DotMode.OFF ? 0 : LinuxRules.FIRST_DOT_VERSION;
    }
}
