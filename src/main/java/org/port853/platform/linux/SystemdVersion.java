package org.port853.platform.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.port853.core.UnicodeTlsNames;
import org.port853.platform.ProcessRunner;

/**
 * The systemd version, from {@code systemctl --version} ("systemd 252 (252.38-1~deb12u1)"), and what its feature line
 * ("+PAM ... -GNUTLS +OPENSSL ...") tells of how systemd-resolved handles TLS names.
 */
final class SystemdVersion {
    private static final Pattern FIRST_LINE = Pattern.compile("^systemd (\\d+)\\b");

    /** The version (0 when unknown) and how this build checks a TLS name written in Unicode. */
    record Build(int version, UnicodeTlsNames unicodeTlsNames) {
        static final Build UNKNOWN = new Build(0, UnicodeTlsNames.UNKNOWN);

        static Build of(String versionOutput) {
            return new Build(parse(versionOutput), SystemdVersion.unicodeTlsNames(versionOutput));
        }
    }

    private SystemdVersion() {
    }

    static int parse(String versionOutput) {
        Matcher m = FIRST_LINE.matcher(versionOutput == null ? "" : versionOutput.strip());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * resolved's DNS-over-TLS uses one library: GnuTLS where the build has GnuTLS and says it has no OpenSSL ("+GNUTLS
     * -OPENSSL"), OpenSSL where it has OpenSSL alone (Debian 12 on: "-GNUTLS +OPENSSL"). With both, the build option
     * (dns-over-tls=) decides, which the feature line does not show: not known. Nor before 248, whose line has no OPENSSL
     * word at all (Debian 11: "+GNUTLS"), while resolved could be built with OpenSSL from 245 on.
     */
    static UnicodeTlsNames unicodeTlsNames(String versionOutput) {
        List<String> features = versionOutput == null ? List.of() : List.of(versionOutput.strip().split("\\s+"));
        boolean gnutls = features.contains("+GNUTLS");
        boolean openssl = features.contains("+OPENSSL");
        if (gnutls && !openssl) {
            return features.contains("-OPENSSL") ? UnicodeTlsNames.CONVERTED : UnicodeTlsNames.UNKNOWN;
        }
        return openssl && !gnutls ? UnicodeTlsNames.AS_WRITTEN : UnicodeTlsNames.UNKNOWN;
    }

    /** 0 when unknown. */
    static int probe(LinuxPaths paths) {
        return probeBuild(paths).version();
    }

    static Build probeBuild(LinuxPaths paths) {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of(paths.systemctl().toString(), "--version"), null,
                    Duration.ofSeconds(5));
            return r.ok() ? Build.of(r.stdout()) : Build.UNKNOWN;
        } catch (IOException e) {
            return Build.UNKNOWN;
        }
    }
}
