package org.port853.platform.linux;

import org.port853.core.Assessor;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.UnclaimedNames;
import org.port853.platform.ApplyResult;

/**
 * A link that takes the names no routing domain claims and inherits strict mode (a router's DNS server that
 * NetworkManager hands out with DNS-over-TLS unset) is asked beside the encrypted servers. A name that exists is
 * answered by them; a name that does not is answered "no such name" by them, but resolved prefers the link's failure
 * (it cannot reach its server over TLS), so such lookups fail after a wait and the stub sends no answer at all. A fresh
 * name under the check's own domain goes where the check's name goes and does not exist: it must come back "not found".
 */
final class MissingNameCheck {
    private MissingNameCheck() {
    }

    /** Why the change must not be kept, or null when no link inherits strict mode or the missing name was answered. */
    static Sentence cause(ResolvedHealthCheck.Lookups lookups, long flags, String probeName) {
        ResolverState state = lookups.state();
        if (state == null || state.global() == null) {
            return null;
        }
        UnclaimedNames unclaimed = UnclaimedNames.in(state);
        LinkState link = state.links().stream().filter(unclaimed::inheritStrict).findFirst().orElse(null);
        if (link == null) {
            return null;
        }
        String fresh = ResolvedHealthCheck.freshName(probeName);
        ResolvedBus.Lookup l = lookups.resolve(fresh, flags);
        if (l.serverAnswered()) {
            return null;
        }
        String server = link.servers().get(0).toResolvedSyntax();
        return Sentence.of("a name that does not exist (" + fresh + ") got no answer (" + l.error() + "): link "
                + link.name() + " has its own DNS server (" + server + ", default route) and inherits strict mode, "
                + "so resolved asks it over TLS beside the encrypted servers and takes its failure; names that do not "
                + "exist and names only that network's server knows fail after a wait; route all names to the "
                + "encrypted servers ('" + Assessor.ROUTE_ALL_COMMAND + "', or Protect my DNS in the window)",
                ApplyResult.STRICT_LINK, fresh, l.error(), link.name(), server);
    }
}
