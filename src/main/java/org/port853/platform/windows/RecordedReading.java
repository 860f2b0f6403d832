package org.port853.platform.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.port853.change.ItemSnapshot;
import org.port853.change.ItemSnapshots;

/**
 * An item read with a yes or no that netsh shows in a word Port853 does not know, as what the word means in that
 * reading ({@link WordMeanings}): the recorded state (what Port853 wrote, what was there before) it then is, so that
 * the change engine's comparisons and a revert, which writes the recorded values, need no word list; or, where it is
 * none of them, what it is. Where the reading does not pin the word down, the item stays as read, with the word:
 * unknown ({@link #unpinned}), never taken for the first recorded state it could be.
 */
final class RecordedReading {
    private RecordedReading() {
    }

    /**
     * {@code read}, an item of {@code reading} (the items netsh showed with it: {@link WindowsItems#netshItems}), as
     * the first of {@code recorded} it is by the words' meanings.
     */
    static ItemSnapshot of(ItemSnapshot read, List<ItemSnapshot> reading, List<ItemSnapshot> recorded)
            throws IOException {
        if (unpinned(read).isEmpty()) {
            return read;
        }
        Optional<JsonNode> meant = WordMeanings.of(reading, recorded).meant(WindowsItems.content(read));
        if (meant.isEmpty()) {
            return read;
        }
        for (ItemSnapshot r : recorded) {
            if (r.key().equals(read.key()) && r.present() && WindowsItems.content(r).equals(meant.get())) {
                return r;
            }
        }
        return new ItemSnapshot(read.key(), true, WindowsItems.canonical(meant.get()), ItemSnapshots.attributes(read));
    }

    /** The first yes/no of {@code s} that is still a word netsh printed: what it is cannot be told. */
    static Optional<UnrecognisedWord> unpinned(ItemSnapshot s) throws IOException {
        WindowsItems.Key k = WindowsItems.parse(s.key());
        if (!s.present() || k == null) {
            return Optional.empty();
        }
        JsonNode c = WindowsItems.content(s);
        if (c.path("dot").isTextual()) {
            return Optional.of(new UnrecognisedWord(UnrecognisedWord.DOT_SWITCH, null, c.path("dot").asText()));
        }
        if (c.path("autoUpgrade").isTextual()) {
            return Optional.of(new UnrecognisedWord(UnrecognisedWord.AUTO_UPGRADE, k.server(),
                    c.path("autoUpgrade").asText()));
        }
        return c.path("udpFallback").isTextual() ? Optional.of(new UnrecognisedWord(UnrecognisedWord.UDP_FALLBACK,
                k.server(), c.path("udpFallback").asText())) : Optional.empty();
    }
}
