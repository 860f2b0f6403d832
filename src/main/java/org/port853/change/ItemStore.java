package org.port853.change;

/** Reads and writes the items of one platform. Implementations: FileItemStore (Linux, files, atomic
 *  rename + fsync + metadata restore), WindowsItemStore (cmdlets/registry through a CommandRunner). */
public interface ItemStore {
    /** May the engine touch this item at all? (allow-list; everything else is refused) */
    boolean owns(String key);
    ItemSnapshot read(String key) throws java.io.IOException;
    /** Makes the item equal to {@code target} (create, replace or remove), atomically where the platform allows. */
    void write(ItemSnapshot target) throws java.io.IOException;

    /** How messages name the item, in words; null where its key says it (a file's path). */
    default String shownAs(ItemSnapshot s) {
        return null;
    }

    /**
     * Why the item, now {@code now}, need not and cannot be made {@code wanted}: what held it is gone, and its settings
     * with it (Windows: an adapter removed since Port853 wrote its servers). Empty for an item a write can bring back.
     */
    default java.util.Optional<org.port853.core.Sentence> gone(ItemSnapshot now, ItemSnapshot wanted) {
        return java.util.Optional.empty();
    }

    /**
     * Why what the item is now cannot be told, so that it cannot be compared with what Port853 recorded (Windows: a yes
     * or no netsh prints in a word Port853 does not know, which nothing read with it pins down). Empty for an item read
     * in full. A revert leaves such an item as it is and says this.
     */
    default java.util.Optional<org.port853.core.Sentence> unknown(ItemSnapshot now) {
        return java.util.Optional.empty();
    }

    /**
     * What a restore says of {@code written}, just written, where it takes effect only later (Windows: the settings of
     * an adapter that is not connected, or whose IPv6 is off, which Windows uses once it is back). Empty for an item in
     * effect as written.
     */
    default java.util.Optional<org.port853.core.Sentence> takesEffectLater(ItemSnapshot written) {
        return java.util.Optional.empty();
    }
}
