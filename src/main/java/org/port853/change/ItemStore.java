package org.port853.change;

/** Reads and writes the items of one platform. Implementations: FileItemStore (Linux, files, atomic
 *  rename + fsync + metadata restore), WindowsItemStore (cmdlets/registry through a CommandRunner). */
public interface ItemStore {
    /** May the engine touch this item at all? (allow-list; everything else is refused) */
    boolean owns(String key);
    ItemSnapshot read(String key) throws java.io.IOException;
    /** Makes the item equal to {@code target} (create, replace or remove), atomically where the platform allows. */
    void write(ItemSnapshot target) throws java.io.IOException;
}
