package org.port853.platform;

import java.util.List;

/**
 * The exact effect of applying settings: new file contents and the actions around them. A refused plan
 * carries its reason and no changes. {@code itemKind} is how documents name the main item (the first file):
 * {@code "dropIn"} on Linux; null when the platform shows none.
 */
public record Plan(List<FileChange> files, List<String> actions, String refusal, String itemKind) {
    public Plan {
        files = List.copyOf(files);
        actions = List.copyOf(actions);
    }

    public Plan(List<FileChange> files, List<String> actions, String refusal) {
        this(files, actions, refusal, null);
    }

    public static Plan refused(String reason) {
        return new Plan(List.of(), List.of(), reason);
    }

    public Plan withItemKind(String kind) {
        return new Plan(files, actions, refusal, kind);
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
