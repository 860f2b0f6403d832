package org.port853.platform.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.port853.change.ItemSnapshot;

/**
 * What the yes/no words Port853 does not know mean in one reading of netsh (the DoT switch and the DoT entries, printed
 * in one language), as far as the reading and the recorded states of its items pin them down. A word is pinned by a
 * known yes (or no) printed anywhere in the reading, which it then is not, by an item that agrees with one recorded
 * state only (or several that give its words the same values), and by the other unknown word once that one is pinned,
 * as netsh has one word for yes and one for no. A word two of these give different values, and one nothing pins, has
 * no value: the items it is in are unknown.
 */
final class WordMeanings {
    static final Set<String> FLAGS = Set.of("autoUpgrade", "udpFallback", "dot");

    private final List<ItemSnapshot> recorded;
    private final Map<String, Boolean> pinned = new HashMap<>();
    private final Set<String> contested = new HashSet<>();
    private final Set<String> words = new HashSet<>();

    private WordMeanings(List<ItemSnapshot> recorded) {
        this.recorded = recorded;
    }

    /** {@code reading}: every item read with the others that netsh shows, present or not. */
    static WordMeanings of(List<ItemSnapshot> reading, List<ItemSnapshot> recorded) throws IOException {
        WordMeanings m = new WordMeanings(recorded);
        Map<String, JsonNode> withWords = new HashMap<>();
        Set<Boolean> known = new HashSet<>();
        for (ItemSnapshot i : reading) {
            if (!i.present()) {
                continue;
            }
            JsonNode c = WindowsItems.content(i);
            for (String f : FLAGS) {
                JsonNode v = c.path(f);
                if (v.isBoolean()) {
                    known.add(v.booleanValue());
                } else if (v.isTextual()) {
                    m.words.add(v.asText());
                    withWords.put(i.key(), c);
                }
            }
        }
        Map<String, Set<Boolean>> evidence = new HashMap<>();
        if (known.size() + m.words.size() > 2) {
            m.contested.addAll(m.words); // a third word in one language: what they mean cannot be told
        } else if (known.size() == 1) {
            m.words.forEach(w -> evidence.computeIfAbsent(w, x -> new HashSet<>()).add(!known.iterator().next()));
        }
        for (Map.Entry<String, JsonNode> e : withWords.entrySet()) {
            m.agreedValues(e.getKey(), e.getValue()).ifPresent(values -> values.forEach(
                    (w, v) -> evidence.computeIfAbsent(w, x -> new HashSet<>()).add(v)));
        }
        evidence.forEach((w, values) -> {
            if (values.size() == 1 && !m.contested.contains(w)) {
                m.pin(w, values.iterator().next());
            } else {
                m.contested.add(w);
            }
        });
        m.propagate(withWords);
        return m;
    }

    /** {@code content} with each word replaced by its value; empty where a word in it has none. */
    Optional<JsonNode> meant(JsonNode content) {
        ObjectNode out = content.deepCopy();
        for (String f : FLAGS) {
            JsonNode v = content.path(f);
            if (v.isTextual()) {
                Boolean value = pinned.get(v.asText());
                if (value == null) {
                    return Optional.empty();
                }
                out.put(f, value);
            }
        }
        return Optional.of(out);
    }

    /** Pins what follows from what is pinned, until nothing more does. */
    private void propagate(Map<String, JsonNode> withWords) throws IOException {
        boolean more = true;
        while (more) {
            more = false;
            if (words.size() == 2) {
                for (String w : words) {
                    String other = words.stream().filter(x -> !x.equals(w)).findFirst().orElseThrow();
                    if (pinned.containsKey(other) && isOpen(w)) {
                        more |= pin(w, !pinned.get(other));
                    }
                }
            }
            for (Map.Entry<String, JsonNode> e : withWords.entrySet()) {
                Optional<Map<String, Boolean>> values = agreedValues(e.getKey(), e.getValue());
                if (values.isPresent()) {
                    for (Map.Entry<String, Boolean> v : values.get().entrySet()) {
                        more |= isOpen(v.getKey()) && pin(v.getKey(), v.getValue());
                    }
                }
            }
        }
    }

    private boolean isOpen(String word) {
        return !pinned.containsKey(word) && !contested.contains(word);
    }

    private boolean pin(String word, boolean value) {
        return pinned.put(word, value) == null;
    }

    /**
     * The values the item's words have in every recorded state of it that it agrees with, where they all give the same;
     * empty where it agrees with none, or with states that give different values.
     */
    private Optional<Map<String, Boolean>> agreedValues(String key, JsonNode read) throws IOException {
        Set<Map<String, Boolean>> found = new HashSet<>();
        for (ItemSnapshot r : recorded) {
            if (r.key().equals(key) && r.present()) {
                agreement(read, WindowsItems.content(r)).ifPresent(found::add);
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /**
     * The values of the item's words if it is {@code recorded}: everything else is equal, each word has the value of
     * what it was pinned to, and no value two words have (nor a word and a known word beside it).
     */
    private Optional<Map<String, Boolean>> agreement(JsonNode read, JsonNode recorded) {
        if (read.size() != recorded.size()) {
            return Optional.empty();
        }
        Map<String, Boolean> meaning = new HashMap<>(pinned);
        Set<Boolean> taken = new HashSet<>(pinned.values());
        FLAGS.stream().map(read::path).filter(JsonNode::isBoolean).forEach(n -> taken.add(n.booleanValue()));
        Map<String, Boolean> values = new HashMap<>();
        for (Iterator<String> names = read.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode mine = read.get(name);
            JsonNode theirs = recorded.get(name);
            if (theirs == null) {
                return Optional.empty();
            }
            if (FLAGS.contains(name) && mine.isTextual() && theirs.isBoolean()) {
                boolean value = theirs.booleanValue();
                Boolean before = meaning.putIfAbsent(mine.asText(), value);
                if (before == null ? !taken.add(value) : before != value) {
                    return Optional.empty();
                }
                values.put(mine.asText(), value);
            } else if (!mine.equals(theirs)) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }
}
