package org.port853.probe.doctor;

import java.util.List;
import java.util.Map;
import org.port853.core.ResolverState;

/** Where the system-wide checks read from; the real one is {@link LinuxSystemSources}, tests pass recorded data. */
public interface SystemSources {
    ClockStatus clock();

    /** systemd-resolved's journal since it started; throws with a one-sentence reason when unavailable. */
    JournalExcerpt resolvedJournal() throws java.io.IOException;

    List<ListeningSockets.Socket> dnsSockets();

    /** The programs running now, with their accounts (for a socket whose process could not be read); none by default. */
    default List<org.port853.capture.RunningPrograms.Running> runningPrograms() {
        return List.of();
    }

    /** {@code nft -j list ruleset}, or null when it cannot be read. */
    String nftRuleset();

    /** The effective [Resolve] keys of resolved.conf and its drop-ins. */
    Map<String, String> resolvedKeys(ResolverState state);

    /** The resolver's version (systemd), 0 when unknown. */
    int resolverVersion(ResolverState state);
}
