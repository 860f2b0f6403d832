package org.port853.platform;

import java.util.List;

/**
 * The exact effect of applying settings: new file contents and the actions around them. A refused plan
 * carries its reason and no changes.
 */
public record Plan(List<FileChange> files, List<String> actions, String refusal) {
    public Plan {
        files = List.copyOf(files);
        actions = List.copyOf(actions);
    }

    public static Plan refused(String reason) {
        return new Plan(List.of(), List.of(), reason);
    }

    public boolean isRefused() {
        return refusal != null;
    }

    public boolean changesNothing() {
        return !isRefused() && files.stream().noneMatch(FileChange::changes);
    }

    /** Unified-style diff of every file, for previews. */
    public String diff() {
        StringBuilder b = new StringBuilder();
        for (FileChange f : files) {
            b.append(f.diff());
        }
        return b.toString();
    }
}
