package org.port853.core;

import java.util.Map;

/**
 * One resolved.conf drop-in and the keys it sets. {@code ours} marks Port853's own file;
 * {@code overridesOurs} marks a file that sorts after ours and sets a key we set (so it wins).
 */
public record DropIn(String path, boolean ours, boolean overridesOurs, Map<String, String> keys, String error) {
    public DropIn {
        keys = Map.copyOf(keys);
    }
}
