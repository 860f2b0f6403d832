package org.port853.change;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.port853.core.Sentence;

/**
 * What an apply writes and how the journal describes it, or why it refuses: made by a {@link Planner} under the
 * change lock, from the machine as it is once no other change runs.
 */
public record ApplyPlan(Optional<Sentence> refusal, List<ItemSnapshot> items, String description) {
    public ApplyPlan {
        items = List.copyOf(items);
    }

    public static ApplyPlan of(List<ItemSnapshot> items, String description) {
        return new ApplyPlan(Optional.empty(), items, description);
    }

    public static ApplyPlan refused(Sentence why) {
        return new ApplyPlan(Optional.of(why), List.of(), null);
    }

    /** Reads what the plan depends on and makes it; {@link ChangeEngine#applyPlanned} calls it holding the lock. */
    @FunctionalInterface
    public interface Planner {
        ApplyPlan plan() throws IOException;
    }
}
