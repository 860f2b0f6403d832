package org.port853.probe.doctor;

import java.util.List;

/**
 * A long list said short: its first {@link #SHOWN} items joined by commas, and how many more there are. Fourteen
 * listeners on port 53 in one sentence hide the sentence's point.
 */
record FirstFew(String shown, int more) {
    static final int SHOWN = 3;

    static FirstFew of(List<String> items) {
        int shown = Math.min(SHOWN, items.size());
        return new FirstFew(String.join(", ", items.subList(0, shown)), items.size() - shown);
    }

    /** In English: "a, b, c and 11 more", or the items alone. */
    String english() {
        return shown + (more == 0 ? "" : " and " + more + " more");
    }
}
