package org.port853.ui.providers;

import java.util.List;

import org.port853.core.CustomProviders;
import org.port853.core.UnbracketedPort;
import org.port853.ui.common.I18n;

/**
 * The warning the command line gives for an IPv6 address whose last group looks like a port ({@link UnbracketedPort}),
 * in the dialog's words: the address is kept as written, as systemd-resolved reads it, and a provider of one's own is
 * always asked on port 853, so the fix is the address without that group rather than brackets (which the field
 * refuses). A warning only: such an address is a valid one.
 */
final class PortLikeAddresses {
    private PortLikeAddresses() {
    }

    /** One sentence per such address among {@code addresses} (as typed), or null when there is none. */
    static String warning(String addresses) {
        List<String> said = CustomProviders.addressTokens(addresses).stream()
                .flatMap(typed -> UnbracketedPort.meant(typed).stream()
                        .map(m -> I18n.t("custom.address.unbracketed", typed, m.host(), m.port())))
                .toList();
        return said.isEmpty() ? null : String.join(" ", said);
    }
}
