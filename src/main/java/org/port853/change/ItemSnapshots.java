package org.port853.change;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Comparisons of {@link ItemSnapshot}s that the engine needs (the record itself stays a plain value). */
public final class ItemSnapshots {
    private ItemSnapshots() {
    }

    /** An attribute that names the item to users (an adapter's friendly name): never compared, so a rename changes nothing. */
    public static final String LABEL = "label";

    public static ItemSnapshot absent(String key) {
        return new ItemSnapshot(key, false, null, Map.of());
    }

    public static Map<String, String> attributes(ItemSnapshot s) {
        return s.attributes() == null ? Map.of() : s.attributes();
    }

    /**
     * Is {@code actual} what {@code wanted} asks for? Presence and content must be equal, and every attribute that
     * {@code wanted} names; attributes it does not name (an owner the system chose, a label) do not matter.
     */
    public static boolean satisfies(ItemSnapshot actual, ItemSnapshot wanted) {
        if (actual.present() != wanted.present()) {
            return false;
        }
        if (!wanted.present()) {
            return true;
        }
        if (!java.util.Objects.equals(actual.content(), wanted.content())) {
            return false;
        }
        return hasAttributes(actual, attributes(wanted));
    }

    /** {@code actual} has every attribute {@code wanted} names, with its value. */
    static boolean hasAttributes(ItemSnapshot actual, Map<String, String> wanted) {
        Map<String, String> have = attributes(actual);
        return wanted.entrySet().stream().allMatch(e -> e.getKey().equals(LABEL) || e.getValue().equals(have.get(e.getKey())));
    }

    public static boolean allSatisfy(List<ItemSnapshot> actual, List<ItemSnapshot> wanted) {
        if (actual.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!satisfies(actual.get(i), wanted.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether items already in place need a resolver that runs, so that applying them starts a stopped one: some of
     * {@code target} is there for it to run. With none (encryption off, nothing of Port853's left), a resolver its
     * owner stopped stays stopped. The change engine decides by this, and the planner's preview says the same.
     */
    public static boolean needRunningResolver(List<ItemSnapshot> target) {
        return target.stream().anyMatch(ItemSnapshot::present);
    }

    public static Optional<ItemSnapshot> find(List<ItemSnapshot> list, String key) {
        return list == null ? Optional.empty() : list.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
