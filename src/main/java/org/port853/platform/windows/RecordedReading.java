package org.port853.platform.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.port853.change.ItemSnapshot;

/**
 * An item read with a yes or no that netsh shows in a word Port853 does not know, compared with the states of it that
 * are on record (what Port853 wrote, what was there before): the first recorded state it agrees with stands for it, so
 * that the change engine's comparisons (is this still what Port853 wrote? is it back as before?) and a revert, which
 * writes the recorded values, need no meaning for the word. It agrees where everything else is equal, each such word
 * stands for one value other than another word's or a known word's beside it, and every yes or no Port853 does know
 * is the recorded one.
 */
final class RecordedReading {
    private static final Set<String> FLAGS = Set.of("autoUpgrade", "udpFallback", "dot");

    private RecordedReading() {
    }

    /** {@code read} as the first of {@code recorded} it agrees with, or as read where it agrees with none. */
    static ItemSnapshot of(ItemSnapshot read, List<ItemSnapshot> recorded) throws IOException {
        if (!read.present() || !hasUnknownWord(WindowsItems.content(read))) {
            return read;
        }
        for (ItemSnapshot r : recorded) {
            if (r.key().equals(read.key()) && r.present() && agree(WindowsItems.content(read), WindowsItems.content(r))) {
                return r;
            }
        }
        return read;
    }

    private static boolean hasUnknownWord(JsonNode content) {
        return FLAGS.stream().anyMatch(f -> content.path(f).isTextual());
    }

    private static boolean agree(JsonNode read, JsonNode recorded) {
        if (read.size() != recorded.size()) {
            return false;
        }
        Map<String, Boolean> meaning = new HashMap<>();
        // netsh prints one language: a word it prints beside a known yes (or no) is not that value, and two words are two
        Set<Boolean> knownValues = new HashSet<>();
        FLAGS.stream().map(read::path).filter(JsonNode::isBoolean).forEach(n -> knownValues.add(n.booleanValue()));
        for (Iterator<String> names = read.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode mine = read.get(name);
            JsonNode theirs = recorded.get(name);
            if (theirs == null) {
                return false;
            }
            if (FLAGS.contains(name) && mine.isTextual() && theirs.isBoolean()) {
                boolean value = theirs.booleanValue();
                Boolean before = meaning.putIfAbsent(mine.asText(), value);
                if (before == null ? knownValues.contains(value) || !knownValues.add(value) : before != value) {
                    return false;
                }
            } else if (!mine.equals(theirs)) {
                return false;
            }
        }
        return true;
    }
}
