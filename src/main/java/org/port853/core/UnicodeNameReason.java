package org.port853.core;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * TLS_NAME_UNICODE: servers in use whose TLS name the system has in Unicode ({@link ServerAddress#unicodeName}).
 * Whether strict mode works with them depends on how the resolver checks the name ({@link UnicodeTlsNames}); the ASCII
 * form works everywhere. A look-alike name ({@link DnsNames#isLookAlike}) is to be checked first, not converted: its
 * ASCII form names the same, perhaps wrong, host, and writing it so would only make that server work. Details: the
 * servers as written (escaped), the ASCII forms of those that are no look-alikes, how the resolver checks (0 as
 * written, 1 converted, 2 not known, 3 not documented), the look-alike servers, 1 where there are look-alikes, 1 where
 * there are names to convert.
 */
final class UnicodeNameReason {
    static final String CODE = "TLS_NAME_UNICODE";

    private UnicodeNameReason() {
    }

    static Optional<Reason> of(List<ServerAddress> inUse, UnicodeTlsNames check) {
        List<ServerAddress> servers = inUse.stream().filter(x -> x.unicodeName() != null).toList();
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        String named = servers.stream().map(ServerAddress::toShownSyntax).distinct().collect(Collectors.joining(", "));
        List<String> lookAlikes = servers.stream().filter(x -> DnsNames.isLookAlike(x.tlsName()))
                .map(ServerAddress::toResolvedSyntax).distinct().toList();
        List<String> ascii = servers.stream().filter(x -> !DnsNames.isLookAlike(x.tlsName()))
                .map(ServerAddress::toResolvedSyntax).distinct().toList();
        int detail = switch (check) {
            case AS_WRITTEN -> 0;
            case CONVERTED -> 1;
            case UNKNOWN -> 2;
            case UNDOCUMENTED -> 3;
        };
        return Optional.of(new Reason(CODE, check == UnicodeTlsNames.CONVERTED ? Severity.INFO : Severity.WARNING,
                "Server " + named + " has its TLS name written in Unicode (shown escaped): " + what(check),
                fix(lookAlikes, ascii, check), List.of(named, String.join(", ", ascii), String.valueOf(detail),
                String.join(", ", lookAlikes), String.valueOf(lookAlikes.size()), String.valueOf(ascii.size()))));
    }

    private static String what(UnicodeTlsNames check) {
        return switch (check) {
            case AS_WRITTEN -> "this systemd-resolved is built with OpenSSL, which checks the server's certificate "
                    + "against the name as written, not its ASCII (xn--) form that certificates list, so in strict mode "
                    + "TLS to it fails and it gives no answers.";
            case CONVERTED -> "this systemd-resolved is built with GnuTLS, which checks the certificate against the "
                    + "name's ASCII (xn--) form, so it works here; built with OpenSSL (as from Debian 12 on), "
                    + "systemd-resolved checks the name as written, and strict mode fails.";
            case UNKNOWN -> "systemd-resolved built with OpenSSL (as from Debian 12 on) checks the server's certificate "
                    + "against the name as written, not its ASCII (xn--) form that certificates list, so in strict mode "
                    + "TLS to it fails; built with GnuTLS, it converts the name, and it works.";
            case UNDOCUMENTED -> "Microsoft does not document whether the Windows DNS client checks the server's "
                    + "certificate against its ASCII (xn--) form, which certificates list, or against the name as "
                    + "written, which no certificate matches: encryption to it may fail.";
        };
    }

    /** The look-alikes' question first: whether each name is the one meant; then the ASCII form of the others. */
    private static String fix(List<String> lookAlikes, List<String> ascii, UnicodeTlsNames check) {
        boolean windows = check == UnicodeTlsNames.UNDOCUMENTED;
        String setIn = "where it is set (resolved.conf, a drop-in, or the DNS settings of the connection)";
        String removed = windows ? " server from the DNS servers of its network adapter" : " server " + setIn;
        String question = switch (lookAlikes.size()) {
            case 0 -> "";
            case 1 -> "First check that the name of " + lookAlikes.get(0) + " is the one you mean: it reads as a "
                    + "look-alike, and its ASCII form names the same host, so writing it so would only make that server "
                    + "work. If it is not, remove the" + removed + ", or choose a provider from the catalogue ('port853 "
                    + "providers'); only if it is, write it in its ASCII form.";
            default -> "First check that the names of " + String.join(", ", lookAlikes) + " are the ones you mean: "
                    + "they read as look-alikes, and the ASCII form of each names the same host, so writing it so would "
                    + "only make that server work. If one is not, remove that" + removed + ", or choose a provider from "
                    + "the catalogue ('port853 providers'); only for one that is, write it in its ASCII form.";
        };
        if (ascii.isEmpty()) {
            return question;
        }
        boolean one = ascii.size() == 1;
        String where = windows ? (one ? "in the encryption entry of the server (Set-DnsClientDohServerAddress for its DoH "
                + "template" : "in the encryption entries of the servers (Set-DnsClientDohServerAddress for their DoH "
                + "templates") + ", netsh dnsclient set encryption for DNS-over-TLS)"
                : one ? setIn : setIn.replace("it is set", "they are set");
        String names = (lookAlikes.isEmpty() ? "Write the " : " Write the other ") + (one ? "name in its" : "names in "
                + "their");
        return question + names + " ASCII form " + where + ": " + String.join(", ", ascii) + ".";
    }
}
