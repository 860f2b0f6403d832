package org.port853.platform.windows;

import org.port853.core.Sentence;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.port853.change.ResolverControl;

/**
 * Reload = {@code Clear-DnsClientCache}; check = one {@code DnsQueryEx} lookup that bypasses the cache, with a
 * short deadline. DnsQueryEx does not say which transport answered, so "encrypted" is inferred from the
 * settings read back afterwards: the rule for all names is active and every server it names has an entry with
 * auto-upgrade and no UDP fallback (so Windows cannot have answered in plaintext). The capture proves it.
 */
public final class WindowsResolverControl implements ResolverControl {
    /** Windows' own connectivity-check name: exists wherever Windows works. */
    public static final String CHECK_NAME = "dns.msftncsi.com";
    static final Duration TIMEOUT = Duration.ofSeconds(4);

    private final CommandRunner runner;
    private final WindowsStateReader reader;
    private final DnsProbe probe;

    public WindowsResolverControl(CommandRunner runner, WindowsStateReader reader, DnsProbe probe) {
        this.runner = runner;
        this.reader = reader;
        this.probe = probe;
    }

    // Start at boot: the interface's defaults; the DNS Client service (Dnscache) cannot be disabled by users on
    // Windows 10/11.

    @Override
    public void reload() throws IOException {
        runner.runOk(PowerShell.script(PowerShell.CLEAR_CACHE));
    }

    @Override
    public Health check(boolean requireEncrypted) {
        DnsProbe.Answer a = probe.query(CHECK_NAME, TIMEOUT);
        if (!a.ok()) {
            return new Health(false, false, Sentence.of(CHECK_NAME + " did not resolve through the Windows DNS client: "
                    + a.detail(), "health.windows.failed", CHECK_NAME, a.detail()), null);
        }
        List<String> servers;
        boolean strict;
        List<UnrecognisedWord> unknown;
        try {
            WindowsDetails d = reader.read();
            servers = d.port853Rule().filter(r -> !d.groupPolicyNrpt()).map(NrptRule::nameServers).orElse(List.of());
            strict = !servers.isEmpty() && !d.encryptionProhibited()
                    && servers.stream().allMatch(s -> d.entryFor(s).map(EncryptionEntry::strict).orElse(false));
            unknown = d.unrecognisedWords(servers);
        } catch (IOException e) {
            return new Health(!requireEncrypted, false, Sentence.of(CHECK_NAME + " resolved, but the settings could "
                    + "not be read back: " + e.getMessage(), "health.windows.unreadable", CHECK_NAME, e.getMessage()), null);
        }
        String by = String.join(", ", servers);
        Sentence rule = servers.isEmpty() ? null : new Sentence(by, null);
        if (!unknown.isEmpty()) {
            Sentence word = unknown.get(0).said();
            return new Health(true, false, Sentence.of(CHECK_NAME + " resolved; whether the answer was encrypted is "
                    + "unknown: " + word.english() + " (servers in the rule: " + by + ")",
                    "health.windows.resolved-unknown", CHECK_NAME, word, by), rule);
        }
        return new Health(true, strict, Sentence.of(CHECK_NAME + " resolved" + (strict
                ? "; every server in Port853's rule is encrypted without UDP fallback, so the answer was encrypted"
                : "; UDP fallback is allowed, so the answer may have come in plaintext")
                + (servers.isEmpty() ? "" : " (servers in the rule: " + by + ")"), "health.windows.resolved",
                CHECK_NAME, strict ? 1 : 0, servers.isEmpty() ? 0 : 1, by), rule);
    }
}
