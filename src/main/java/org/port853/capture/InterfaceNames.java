package org.port853.capture;

/**
 * Interface index → name, for any index (a map, not an array: indexes grow past 1024 on hosts that create many
 * veths). Open addressing on {@code int} keys, so a lookup neither boxes nor allocates; bounded: when full it starts
 * over (names are looked up again).
 */
final class InterfaceNames {
    private static final int CAPACITY = 512; // power of two; at most half used
    private final int[] keys = new int[CAPACITY];
    private final String[] names = new String[CAPACITY];
    private int size;

    String get(int index) {
        for (int i = mix(index); ; i = (i + 1) & (CAPACITY - 1)) {
            String n = names[i];
            if (n == null) {
                return null;
            }
            if (keys[i] == index) {
                return n;
            }
        }
    }

    void put(int index, String name) {
        if (size >= CAPACITY / 2) {
            clear();
        }
        for (int i = mix(index); ; i = (i + 1) & (CAPACITY - 1)) {
            if (names[i] == null || keys[i] == index) {
                if (names[i] == null) {
                    size++;
                }
                keys[i] = index;
                names[i] = name;
                return;
            }
        }
    }

    void clear() {
        java.util.Arrays.fill(names, null);
        size = 0;
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (CAPACITY - 1);
    }
}
