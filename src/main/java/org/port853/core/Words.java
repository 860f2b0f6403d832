package org.port853.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence as the window can say it in the user's language: {@code wording} is stable per way of saying it (it
 * names the bundle text), {@code details} are the sentence's variable parts in a fixed order per wording.
 */
public record Words(String wording, List<String> details) {
    public Words {
        details = List.copyOf(details);
    }

    /** {@code details} as text (null is said as ""). */
    public static Words of(String wording, Object... details) {
        List<String> d = new ArrayList<>();
        for (Object o : details) {
            d.add(o == null ? "" : String.valueOf(o));
        }
        return new Words(wording, d);
    }
}
