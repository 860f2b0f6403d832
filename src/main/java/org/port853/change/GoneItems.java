package org.port853.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;
import org.port853.platform.Steps;

/**
 * The items of a list that a restore or a check still concerns, apart from those whose holder is gone ({@link
 * ItemStore#gone}): nothing is left to write there, and the change says so instead of failing on them.
 *
 * @param kept  the items of the list whose holder is still there, in order
 * @param said  why the others were passed over, once each
 */
record GoneItems(List<ItemSnapshot> kept, List<Sentence> said) {
    GoneItems {
        kept = List.copyOf(kept);
        said = List.copyOf(said);
    }

    /** {@code wanted} and {@code now} in the same order. */
    static GoneItems of(ItemStore items, List<ItemSnapshot> wanted, List<ItemSnapshot> now) {
        List<ItemSnapshot> kept = new ArrayList<>();
        Map<String, Sentence> said = new LinkedHashMap<>(); // both families of one adapter: said once
        for (int i = 0; i < wanted.size(); i++) {
            Optional<Sentence> gone = items.gone(now.get(i), wanted.get(i));
            if (gone.isPresent()) {
                said.putIfAbsent(gone.get().english(), gone.get());
            } else {
                kept.add(wanted.get(i));
            }
        }
        return new GoneItems(kept, new ArrayList<>(said.values()));
    }

    /** Of {@code list}, the items kept (same keys). */
    List<ItemSnapshot> keptOf(List<ItemSnapshot> list) {
        return list.stream().filter(s -> kept.stream().anyMatch(k -> k.key().equals(s.key()))).toList();
    }

    void addSteps(Steps actions) {
        said.forEach(s -> actions.add(s.english(), s.words()));
    }

    ApplyResult noted(ApplyResult result) {
        return result.withNotes(said);
    }
}
